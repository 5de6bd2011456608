/**
 * Two browser contexts (a phone and a laptop, each with its own IndexedDB) on the production build,
 * both synced through the project's own sync server, started here by its script and stopped by its pid.
 */
import { expect, test, type Page } from '@playwright/test';
import { startSyncServer, type SyncServer } from '../fixtures/sync-server';
import { answerCard, gradeCard } from './answer-card';

let server: SyncServer;

test.beforeAll(async () => {
	server = await startSyncServer();
});
test.afterAll(async () => {
	await server?.stop();
});

/** Opens Settings (its form is disabled until it can act, which Playwright's actions wait for). */
async function openSettings(page: Page): Promise<void> {
	await page.goto('/settings');
}

async function setUpSync(page: Page, url: string): Promise<void> {
	await openSettings(page);
	await page.getByRole('textbox', { name: 'Server URL' }).fill(url);
	await page.getByRole('textbox', { name: 'User name' }).fill('learner');
	await page.getByLabel('Password').fill('learner');
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Last synced' })).toHaveText(
		'Last synced just now.'
	);
	// The password is not kept on the page (the server's session cookie is).
	await expect(page.getByLabel('Password')).toHaveValue('');
}

async function syncNow(page: Page): Promise<void> {
	await openSettings(page);
	await expect(page.getByRole('status').filter({ hasText: 'Last synced' })).toBeVisible();
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();
	await expect(page.getByRole('status').filter({ hasText: 'Last synced' })).toHaveText(
		'Last synced just now.'
	);
}

async function gradeThree(page: Page): Promise<void> {
	await page.goto('/study');
	// Today's session resumes with the grades it already holds.
	const progress = page.getByText(/\d+ reviewed/);
	await expect(progress).toBeVisible();
	const done = Number(/(\d+) reviewed/.exec((await progress.textContent()) ?? '')?.[1]);
	for (const [i, grade] of (['Good', 'Easy', 'Hard'] as const).entries()) {
		// New cards mix kinds: each is answered its own way, then graded.
		await answerCard(page);
		await gradeCard(page, grade);
		await expect(page.getByText(`${done + i + 1} reviewed`)).toBeVisible();
	}
}

async function counts(page: Page): Promise<{ due: string; fresh: string; today: string }> {
	await page.goto('/');
	const today = page.getByTestId('today');
	await expect(today).toBeVisible();
	return {
		due: (await page.getByTestId('due-count').textContent()) ?? '',
		fresh: (await page.getByTestId('new-count').textContent()) ?? '',
		today: (await today.textContent())?.replace(/\s+/g, ' ').trim() ?? ''
	};
}

test('two devices synced through the server see each other’s reviews and the same counts @desktop', async ({
	browser
}) => {
	const url = await server.createDatabase(`e2e${Date.now()}`);
	const phone = await (await browser.newContext()).newPage();
	const laptop = await (await browser.newContext()).newPage();
	await counts(phone);
	const start = await counts(laptop);
	await setUpSync(phone, url);
	await setUpSync(laptop, url);

	await gradeThree(phone);
	await syncNow(phone);
	await syncNow(laptop);
	const afterPhone = await counts(laptop);
	expect(afterPhone.today).toMatch(/^Today: 3 reviews done/);
	expect(Number(afterPhone.fresh)).toBe(Number(start.fresh) - 3);
	expect(await counts(phone)).toEqual(afterPhone);

	// And the other way round.
	await gradeThree(laptop);
	await syncNow(laptop);
	await syncNow(phone);
	const afterLaptop = await counts(phone);
	expect(afterLaptop.today).toMatch(/^Today: 6 reviews done/);
	expect(Number(afterLaptop.fresh)).toBe(Number(start.fresh) - 6);
	expect(await counts(laptop)).toEqual(afterLaptop);

	// With the switch on, the laptop syncs by itself when it opens (and after each session).
	await openSettings(laptop);
	await laptop.getByRole('switch', { name: 'Sync on open and after each session' }).check();
	await expect(laptop.getByRole('status').filter({ hasText: 'Last synced' })).toHaveText(
		'Last synced just now.'
	);
	await gradeThree(phone);
	await syncNow(phone);
	await laptop.goto('/');
	await expect(laptop.getByTestId('today')).toContainText('Today: 9 reviews done');
	expect(await counts(laptop)).toEqual(await counts(phone));
});

test('a wrong password gets a plain answer and nothing syncs @desktop', async ({ page }) => {
	await openSettings(page);
	await page.getByRole('textbox', { name: 'Server URL' }).fill(server.url);
	await page.getByRole('textbox', { name: 'User name' }).fill('learner');
	await page.getByLabel('Password').fill('wrong');
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'password' })).toHaveText(
		'Wrong user name or password.'
	);
	await page.getByRole('textbox', { name: 'Server URL' }).fill('not a url');
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByRole('alert')).toContainText('The Server URL should be a CouchDB database address');
});
