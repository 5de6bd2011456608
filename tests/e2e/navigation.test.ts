import { expect, test } from '@playwright/test';

test('on a phone the main links are a tab bar at the bottom and Settings sits in the header @phone', async ({
	page
}) => {
	await page.goto('/study');
	const nav = page.getByRole('navigation', { name: 'Main' });
	const viewport = page.viewportSize()!;
	const bar = (await nav.boundingBox())!;
	expect(bar.y + bar.height).toBeCloseTo(viewport.height, 0);
	for (const name of ['Home', 'Study', 'Packs', 'Stats', 'Exam']) {
		const box = (await nav.getByRole('link', { name, exact: true }).boundingBox())!;
		expect(box.height).toBeGreaterThanOrEqual(44);
		expect(box.width).toBeGreaterThanOrEqual(44);
	}
	await expect(nav.getByRole('link', { name: 'Study', exact: true })).toHaveAttribute('aria-current', 'page');
	await expect(page.getByRole('banner').getByRole('link', { name: 'Settings' })).toBeVisible();
	// The header is one row: brand and Settings.
	expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThan(80);

	// The sticky grade buttons stay above the tab bar.
	await page.getByRole('button', { name: 'Show answer' }).click();
	const good = (await page.getByRole('button', { name: /^Good/ }).boundingBox())!;
	expect(good.y + good.height).toBeLessThanOrEqual(bar.y);

	await nav.getByRole('link', { name: 'Packs', exact: true }).click();
	await expect(page).toHaveURL(/\/packs$/);
	await expect(nav.getByRole('link', { name: 'Packs', exact: true })).toHaveAttribute('aria-current', 'page');
	await expect(page.getByRole('heading', { level: 3 })).toHaveCount(15);
	await expect(page.getByRole('list', { name: 'Cards by kind in Container Networking' })).toBeVisible();
	// At the end of the page the footer (version) is clear of the tab bar. Measured again until it holds:
	// a PWA notice may appear above the footer meanwhile. (Scroll positions are whole pixels: allow one.)
	const barTop = (await nav.boundingBox())!.y;
	await expect
		.poll(async () => {
			await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
			const footer = (await page.getByText(/^Deckhand \d/).boundingBox())!;
			return footer.y + footer.height - barTop;
		})
		.toBeLessThanOrEqual(1);
});

test('on a wide screen all six links are in the header @desktop', async ({ page }) => {
	await page.goto('/');
	const header = page.getByRole('banner');
	for (const name of ['Home', 'Study', 'Packs', 'Stats', 'Exam', 'Settings']) {
		await expect(header.getByRole('link', { name, exact: true })).toBeVisible();
	}
	expect((await header.boundingBox())!.height).toBeLessThan(80);
});
