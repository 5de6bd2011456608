import type { CardState, ReviewLog } from '../core/scheduler/types';
import type { CardRecord, DeckhandDb } from './db';

export interface StudyCounts {
	due: number;
	new: number;
}

/** How many studied cards are due by `now`, and how many cards are still new. */
export async function countStudy(db: DeckhandDb, now: number): Promise<StudyCounts> {
	return db.transaction('r', db.states, async () => {
		const neu = await db.states.where('state').equals('new').count();
		const dueAll = await db.states.where('due').belowOrEqual(now).count();
		const dueNew = await db.states
			.where('due')
			.belowOrEqual(now)
			.and((s) => s.state === 'new')
			.count();
		return { due: dueAll - dueNew, new: neu };
	});
}

export interface QueueItem {
	card: CardRecord;
	state: CardState;
}

/** Due reviews (earliest first), then new cards in pack order, up to `limit` in all. */
export async function loadQueue(db: DeckhandDb, now: number, limit: number): Promise<QueueItem[]> {
	return db.transaction('r', db.states, db.cards, async () => {
		const due = await db.states
			.where('due')
			.belowOrEqual(now)
			.and((s) => s.state !== 'new')
			.limit(limit)
			.sortBy('due');
		const fresh = await db.states.where('state').equals('new').toArray();
		const states = [...due, ...fresh];
		const cards = await db.cards.bulkGet(states.map((s) => [s.packId, s.cardId] as [string, string]));
		const items: QueueItem[] = [];
		states.forEach((state, i) => {
			const card = cards[i];
			if (card) items.push({ card, state });
		});
		const reviews = items.filter((it) => it.state.state !== 'new');
		const news = items.filter((it) => it.state.state === 'new').sort((a, b) => a.card.order - b.card.order);
		return [...reviews, ...news].slice(0, limit);
	});
}

/** Writes a grade: the card's new state and its review log, together or not at all. */
export async function recordGrade(db: DeckhandDb, state: CardState, log: ReviewLog): Promise<void> {
	await db.transaction('rw', db.states, db.logs, async () => {
		await db.states.put(state);
		await db.logs.add(log);
	});
}

/** A card's current scheduling state. */
export function getState(db: DeckhandDb, packId: string, cardId: string): Promise<CardState | undefined> {
	return db.states.get([packId, cardId]);
}
