import { devices, expect, test, type Page } from '@playwright/test';

/**
 * Stands in for the browser: fires beforeinstallprompt with a prompt() that records its call. Returns
 * whether the app took the event (it cancels the browser's own mini-infobar to offer its button).
 */
async function offerInstall(page: Page): Promise<boolean> {
	return page.evaluate(async () => {
		const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & Record<string, unknown>;
		event.prompt = async () => {
			(window as unknown as { prompted: number }).prompted = 1;
		};
		event.userChoice = Promise.resolve({ outcome: 'dismissed' });
		window.dispatchEvent(event);
		await new Promise((r) => requestAnimationFrame(r));
		return event.defaultPrevented;
	});
}

test(
	'Install app shows the browser dialog when asked, and a dismissed dialog is remembered',
	{ tag: '@desktop' },
	async ({ page }) => {
		await page.goto('/');
		await expect(page.getByTestId('new-count')).toBeVisible();
		expect(await offerInstall(page)).toBe(true);
		await page.getByRole('button', { name: 'Install app' }).click();
		await expect
			.poll(() => page.evaluate(() => (window as unknown as { prompted?: number }).prompted))
			.toBe(1);
		// The learner closed the browser's dialog: the offer stays away, across a reload too.
		await expect(page.getByRole('button', { name: 'Install app' })).toBeHidden();
		await page.reload();
		await expect(page.getByTestId('new-count')).toBeVisible();
		expect(await offerInstall(page)).toBe(true);
		await expect(page.getByRole('button', { name: 'Install app' })).toBeHidden();
	}
);

test(
	'iOS Safari gets the Share, then Add to Home Screen steps',
	{ tag: '@phone' },
	async ({ browser, baseURL }) => {
		const context = await browser.newContext({ ...devices['iPhone 13'], baseURL });
		const page = await context.newPage();
		await page.goto('/');
		const steps = page.getByText('To install Deckhand, tap Share, then Add to Home Screen.');
		await expect(steps).toBeVisible();
		await page.getByRole('button', { name: 'Not now' }).click();
		await expect(steps).toBeHidden();
		await page.reload();
		await expect(page.getByTestId('new-count')).toBeVisible();
		await expect(steps).toBeHidden();
		await context.close();
	}
);
