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

/**
 * New cards read to mix kinds, shared among the sections that can contribute today (each gets at least
 * twice its share of the day's new cards). Reading a card costs about as much as the rest of the queue:
 * this keeps the queue quick at 20,000 cards; in a longer section the mix is made from its first cards.
 */
const NEW_READ_BUDGET = 600;

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
 * can contribute within `limit` (sections take turns, so at most `limit` of them), each read up to its
 * share of NEW_READ_BUDGET.
 */
export async function loadNewCandidates(
	db: DeckhandDb,
	sections: readonly (readonly Pick[])[],
	limit: number
): Promise<NewCandidate[][]> {
	if (limit <= 0) return [];
	const contributing = sections.filter((s) => s.length > 0).slice(0, limit);
	const n = Math.max(1, contributing.length);
	const share = Math.max(Math.ceil(NEW_READ_BUDGET / n), 2 * Math.ceil(limit / n));
	const chosen = contributing.map((s) => s.slice(0, share));
	const cards = await readCards(db, chosen.flat());
	return chosen.map((picks) =>
		picks.flatMap(([packId, cardId]) => {
			const key = itemKey({ packId, cardId });
			const c = cards.get(key);
			return c ? [{ key, sibling: siblingKey(c), kind: c.kind, order: c.order }] : [];
		})
	);
}
