import { expect, test, type Page } from '@playwright/test';
import { HOSTILE_CASES, overTwentyMegabytes, readHostile, tooManyCards } from '../fixtures/hostile/corpus';
import { importFile, snapshot } from './idb';
import { answerCard, gradeCard } from './answer-card';

/** Fails the test if any alert/confirm/prompt opens or a payload sets its window flag. */
function guard(page: Page): string[] {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	return dialogs;
}

const hostileFlag = (page: Page) =>
	page.evaluate(() => (window as unknown as { __hostile?: unknown }).__hostile ?? null);

test('every refused file in the hostile corpus is explained and changes nothing', async ({ page }) => {
	const dialogs = guard(page);
	await page.goto('/packs');
	await expect(page.getByRole('heading', { name: 'Docker study guide' })).toBeVisible();
	const before = await snapshot(page);
	const refused = [
		...HOSTILE_CASES.filter((c) => c.refused).map((c) => ({
			name: c.file,
			content: readHostile(c.file),
			message: c.refused!
		})),
		{ name: 'many.deckhand.json', content: tooManyCards(), message: /at most 50,000/ },
		{ name: 'big.deckhand.json', content: overTwentyMegabytes(), message: /at most 20\.0 MB/ }
	];
	for (const c of refused) {
		await importFile(page, c.name, c.content);
		const alert = page.getByRole('alert');
		await expect(alert, c.name).toContainText('Nothing was imported');
		await expect(alert, c.name).toContainText(c.message);
		await expect(page.getByRole('dialog')).toHaveCount(0);
	}
	expect(await snapshot(page)).toEqual(before);
	expect(dialogs).toEqual([]);
	expect(await hostileFlag(page)).toBeNull();
});

test('HTML and script in every field of a pack is shown as text and never runs', async ({ page }) => {
	const dialogs = guard(page);
	await page.goto('/packs');
	await importFile(page, 'html.deckhand.json', readHostile('html-everywhere.deckhand.json'));
	const dialog = page.getByRole('dialog');
	// The title is shown literally, tags and all.
	await expect(dialog.getByRole('heading', { level: 2 })).toContainText('Import Title <img src=x onerror=');
	await expect(dialog.getByText('<script>window.__hostile=1;alert(1)</script>').first()).toBeVisible();
	await dialog.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByTestId('import-done')).toContainText('Imported Title <img');
	await expect(page.getByRole('heading', { name: /^Title <img/ })).toBeVisible();
	expect(await page.locator('main img, main script, main svg[onload]').count()).toBe(0);

	// Study the hostile pack until its flashcard is on screen, answer shown.
	await page.goto('/study?pack=hostile-html');
	let seen = false;
	for (let i = 0; i < 12 && !seen; i++) {
		const front = page.getByRole('article', { name: 'Question' }).getByRole('heading', { level: 2 }).first();
		await expect(front).toBeVisible();
		seen = ((await front.textContent()) ?? '').startsWith('Front <img');
		// New cards mix kinds: each card on the way is answered its own way.
		await answerCard(page);
		if (!seen) await gradeCard(page, 'Good');
	}
	expect(seen).toBe(true);
	await expect(page.getByTestId('answer')).toContainText('Back <img src=x onerror=');
	expect(await page.locator('main img, main script').count()).toBe(0);

	// The card browser shows every kind's text: still text.
	await page.goto('/browse?pack=hostile-html');
	await expect(page.getByText(/Stem <img src=x onerror=/).first()).toBeVisible();
	expect(await page.locator('main img, main script').count()).toBe(0);

	await page.goto('/packs');
	await page.getByRole('button', { name: /^Share Title/ }).click();
	await expect(page.getByRole('dialog').getByRole('heading', { level: 2 })).toContainText('Share Title <img');
	expect(dialogs).toEqual([]);
	expect(await hostileFlag(page)).toBeNull();
});

test('prototype keys in a pack do nothing', async ({ page }) => {
	const dialogs = guard(page);
	await page.goto('/packs');
	await importFile(page, 'proto.deckhand.json', readHostile('proto-keys.deckhand.json'));
	await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
	await expect(page.getByTestId('import-done')).toContainText('Imported Prototype keys');
	const polluted = await page.evaluate(() => ({
		plain: ({} as Record<string, unknown>).polluted ?? null,
		admin: ({} as Record<string, unknown>).isAdmin ?? null
	}));
	expect(polluted).toEqual({ plain: null, admin: null });
	expect(dialogs).toEqual([]);
});
