import { expect, test } from '@playwright/test';
import { answerCard } from './answer-card';

test('grades three cards, reloads, and finds the progress kept', async ({ page }) => {
	await page.goto('/');
	const due = page.getByTestId('due-count');
	const fresh = page.getByTestId('new-count');
	await expect(fresh).not.toHaveText('0');
	const newBefore = Number(await fresh.textContent());
	await expect(due).toHaveText('0');

	await page.getByRole('link', { name: 'Study', exact: true }).last().click();
	const fronts: string[] = [];
	for (const grade of ['Good', 'Easy', 'Good']) {
		// The card's heading, read once the study screen shows it (the home page has level-2 headings too).
		// New cards mix kinds (a flashcard, a question, an exercise): each is answered its own way.
		const front = page.getByRole('article', { name: 'Question' }).getByRole('heading', { level: 2 }).first();
		await expect(front).toBeVisible();
		fronts.push((await front.textContent()) ?? '');
		await answerCard(page);
		await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
		await page.getByRole('button', { name: new RegExp(`^${grade}`) }).click();
		await expect(page.getByText(`${fronts.length} reviewed`)).toBeVisible();
	}
	expect(new Set(fronts).size).toBe(3);
	// Good on a new card starts its learning steps: the two cards graded Good return in this session.
	await expect(page.getByText('(2 coming back later)')).toBeVisible();

	await page.reload();
	// The session resumes after a reload: its three grades are kept (and can still be undone).
	await expect(page.getByText('3 reviewed')).toBeVisible();
	// The three graded cards are no longer new: the queue starts with a card not yet seen.
	const first = await page
		.getByRole('article', { name: 'Question' })
		.getByRole('heading', { level: 2 })
		.first()
		.textContent();
	expect(fronts).not.toContain(first);

	await page.goto('/');
	await expect(fresh).toHaveText(String(newBefore - 3));
	// Good and Easy on a new card schedule it minutes to days ahead, so nothing is due yet.
	await expect(due).toHaveText('0');

	const states = await page.evaluate(async () => {
		const open = indexedDB.open('deckhand');
		const db: IDBDatabase = await new Promise((res, rej) => {
			open.onsuccess = () => res(open.result);
			open.onerror = () => rej(open.error);
		});
		const read = <T>(store: string): Promise<T[]> =>
			new Promise((res) => {
				const req = db.transaction(store).objectStore(store).getAll();
				req.onsuccess = () => res(req.result as T[]);
			});
		const all = await read<{ state: string; reps: number }>('states');
		const logs = await read<{ rating: string }>('logs');
		return {
			studied: all.filter((s) => s.state !== 'new').map((s) => s.reps),
			ratings: logs.map((l) => l.rating)
		};
	});
	expect(states.studied).toEqual([1, 1, 1]);
	expect(states.ratings.sort()).toEqual(['easy', 'good', 'good']);
});

test('keyboard: Space shows the answer and 3 grades Good', { tag: '@desktop' }, async ({ page }) => {
	await page.goto('/study');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await page.keyboard.press('Space');
	await expect(page.getByTestId('answer')).toBeVisible();
	await page.keyboard.press('3');
	await expect(page.getByText('1 reviewed')).toBeVisible();
	// The next card is on screen, not yet answered.
	await expect(page.getByRole('article', { name: 'Question' })).toBeVisible();
	await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeHidden();
});
