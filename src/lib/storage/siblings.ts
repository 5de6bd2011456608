/**
 * What the queue needs to keep sibling cards apart and to introduce new cards by fact: the sibling key
 * and kind of the cards it may show, and the cards graded since the day began. Reads a bounded number
 * of cards, so the queue stays cheap on large packs.
 */
import { itemKey } from '../core/queue';
import { siblingKey, type GradedToday, type NewCandidate } from '../core/queue/siblings';
import type { CardRecord, DeckhandDb } from './db';
import { findCards } from './pack-cards';

type Pick = [packId: string, cardId: string];

/** Cards keyed by [packId, cardId], each pack's record read once. */
async function readCards(db: DeckhandDb, picks: readonly Pick[]): Promise<Map<string, CardRecord>> {
	const cards = await findCards(db, picks);
	const out = new Map<string, CardRecord>();
	for (const c of cards) if (c) out.set(itemKey({ packId: c.packId, cardId: c.id }), c);
	return out;
}

/** Sibling keys of picked cards (a card gone from its pack gets none and is left out by the caller). */
export async function loadSiblings(db: DeckhandDb, picks: readonly Pick[]): Promise<Map<string, string>> {
	const cards = await readCards(db, picks);
	return new Map([...cards].map(([k, c]) => [k, siblingKey(c)]));
}

/** The cards graded since `dayStart`, each once, with their sibling keys. */
export async function loadGradedToday(db: DeckhandDb, dayStart: number): Promise<GradedToday[]> {
	const logs = await db.logs.where('reviewedAt').aboveOrEqual(dayStart).toArray();
	const picks = new Map<string, Pick>();
	for (const l of logs) picks.set(itemKey({ packId: l.packId, cardId: l.cardId }), [l.packId, l.cardId]);
	const siblings = await loadSiblings(db, [...picks.values()]);
	return [...siblings].map(([key, sibling]) => ({ key, sibling }));
}

/**
 * The new cards of each section (each in document order) as candidates for today: the sections that
 * can contribute within `limit` (sections take turns, so at most `limit` of them), every new card of
 * each. A pack's cards are one record (schema version 8), so reading them all costs one read per pack;
 * a section's cards are stored by kind, so reading only its first cards would see only flashcards.
 */
export async function loadNewCandidates(
	db: DeckhandDb,
	sections: readonly (readonly Pick[])[],
	limit: number
): Promise<NewCandidate[][]> {
	if (limit <= 0) return [];
	const contributing = sections.filter((s) => s.length > 0).slice(0, limit);
	const chosen = contributing;
	const cards = await readCards(db, chosen.flat());
	return chosen.map((picks) =>
		picks.flatMap(([packId, cardId]) => {
			const key = itemKey({ packId, cardId });
			const c = cards.get(key);
			return c ? [{ key, sibling: siblingKey(c), kind: c.kind, order: c.order }] : [];
		})
	);
}
