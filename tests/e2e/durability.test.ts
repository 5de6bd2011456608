import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { everyKindPack, flashcardPack } from '../fixtures/packs';
import { dump, seed } from './seed';

async function openApp(page: Page) {
	await page.goto('/');
	await expect(page.getByTestId('new-count')).toBeVisible();
}

test('backup then restore on a fresh profile gives identical data', async ({ page, browser }) => {
	await openApp(page);
	await seed(page, { pack: everyKindPack() });
	await page.goto('/study?pack=fixture');
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /Good/ }).click();
	await page.getByRole('button', { name: 'bridge' }).click();
	await page.getByRole('button', { name: /Good/ }).click();
	await expect(page.getByText('2 reviewed')).toBeVisible();
	await page.goto('/settings');
	await page.getByRole('radio', { name: 'Dark' }).check();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Back up progress' }).click();
	const file = await (await downloading).path();
	const original = await dump(page);
	expect(original.logs.length).toBe(2);

	const fresh = await browser.newContext();
	try {
		const other = await fresh.newPage();
		await openApp(other);
		await other.goto('/settings');
		await other.getByLabel('Restore').setInputFiles(file);
		await expect(other.getByText(/^Restored \d+ cards and 2 reviews/)).toBeVisible();
		await expect(other.locator('html')).toHaveAttribute('data-theme', 'dark');
		expect(await dump(other)).toEqual(original);

		// A broken file is refused in plain words and changes nothing.
		const broken = JSON.parse(readFileSync(file, 'utf8'));
		broken.logs[0].rating = 'excellent';
		await other.getByLabel('Restore').setInputFiles({
			name: 'broken.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(broken))
		});
		await expect(other.getByRole('alert')).toContainText('nothing was changed');
		expect(await dump(other)).toEqual(original);
	} finally {
		await fresh.close();
	}
});

test('asks for persistent storage and says what the browser answered', async ({ page }) => {
	await page.goto('/settings');
	await expect(page.getByTestId('persist')).toHaveText(/stored persistently|did not grant|cannot keep/);
});

for (const scheme of ['light', 'dark'] as const) {
	test(`axe finds no violations on home and study screens (${scheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await openApp(page);
		await seed(page, { pack: everyKindPack() });
		await page.reload();
		await expect(page.getByRole('heading', { name: 'Fixture pack' })).toBeVisible();
		const scan = async (where: string) => {
			const r = await new AxeBuilder({ page }).analyze();
			expect(r.violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
				[]
			);
		};
		await scan('home');
		await page.goto('/study?pack=fixture');
		await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
		await scan('study question');
		await page.getByRole('button', { name: 'Show answer' }).click();
		await scan('study answer');
		await page.getByRole('button', { name: /Good/ }).click();
		await page.getByRole('button', { name: 'host' }).click();
		await scan('study feedback');
		await page.goto('/settings');
		await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
		await scan('settings');
	});
}

for (const delay of [0, 2, 5]) {
	test(`a grade on screen is a grade on disk: reload ${delay} ms after the next card appears`, async ({
		page
	}) => {
		test.setTimeout(90_000);
		await openApp(page);
		await seed(page, { pack: flashcardPack('d', 40, 2), settings: { newPerDay: 1000 } });
		await page.goto('/study?pack=d');
		/** Cards whose grade put the next card on screen before the reload. */
		const shown: string[] = [];
		for (let i = 0; i < 8; i++) {
			await page.getByRole('button', { name: 'Show answer' }).click();
			await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
			// In the page: tap Good, wait for the next card, reload `delay` ms later.
			const graded = await page.evaluate((ms) => {
				const heading = () =>
					document.querySelector('article[aria-label="Question"] h2')?.textContent?.trim() ?? '';
				const before = heading();
				const good = [...document.querySelectorAll('button')].find((b) => /^Good/.test(b.textContent ?? ''));
				return new Promise<string | null>((resolve) => {
					const reload = () => {
						if (ms === 0) location.reload();
						else setTimeout(() => location.reload(), ms);
					};
					const seen = new MutationObserver(() => {
						if (heading() === before) return;
						seen.disconnect();
						resolve(before);
						reload();
					});
					seen.observe(document.body, { subtree: true, childList: true, characterData: true });
					good!.click();
					setTimeout(() => {
						seen.disconnect();
						resolve(null);
						reload();
					}, 2000);
				});
			}, delay);
			if (graded) shown.push(graded);
			await page.waitForLoadState('load');
		}
		await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
		expect(shown.length).toBe(8);
		const db = await dump(page);
		const logs = db.logs.filter((l) => l.packId === 'd');
		const ids = shown.map((front) => `d-c${front.replace('Front ', '')}`);
		// Every grade whose next card appeared has its log and its state, once.
		expect(logs.map((l) => l.cardId).sort()).toEqual([...ids].sort());
		for (const id of ids) expect(db.states.find((s) => s.cardId === id)?.reps).toBe(1);
	});
}
