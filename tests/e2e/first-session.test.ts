import { expect, test } from '@playwright/test';
import { answerCard, gradeCard, type Shown } from './answer-card';

test('a first session mixes kinds, with a command exercise in the first ten cards and one card per fact', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/');
	await expect(page.getByTestId('new-count')).not.toHaveText('0');
	await page.getByRole('link', { name: 'Study', exact: true }).last().click();

	const shown: Shown[] = [];
	// The whole first day: 20 new cards (the default limit), each graded Easy so none comes back today.
	for (let n = 1; n <= 20; n++) {
		shown.push(await answerCard(page));
		await gradeCard(page, 'Easy');
		await expect(page.getByText(new RegExp(`^${n} reviewed`))).toBeVisible();
	}
	await expect(page.getByRole('heading', { name: 'All caught up' })).toBeVisible();
	expect(shown.slice(0, 10)).toContain('command');
	expect(new Set(shown).size).toBeGreaterThanOrEqual(3);

	// No two of today's cards test one fact: their facts (or, for a pack without facts, their sources) differ.
	const facts = await page.evaluate(async () => {
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
		type C = { packId: string; id: string; sectionId: string; fact?: string; source: { text: string } };
		const [logs, packCards] = await Promise.all([
			read<{ packId: string; cardId: string }>('logs'),
			read<{ packId: string; cards: Omit<C, 'packId'>[] }>('packCards')
		]);
		// Each installed pack's cards are one record (schema version 8).
		const cards: C[] = packCards.flatMap((r) => r.cards.map((c) => ({ ...c, packId: r.packId })));
		const byKey = new Map(cards.map((c) => [`${c.packId}/${c.id}`, c]));
		return logs.map((l) => {
			const c = byKey.get(`${l.packId}/${l.cardId}`)!;
			return c.fact ?? `${c.sectionId}/${c.source.text}`;
		});
	});
	expect(facts).toHaveLength(20);
	expect(new Set(facts).size).toBe(20);
});
