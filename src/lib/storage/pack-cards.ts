/**
 * Reading the cards of installed packs, which are stored whole (one PackCardsRecord per pack), and the
 * state a card has before it is first reviewed (none is stored: a new card's state is made on read).
 */
import type { Card, CardId, PackId } from '../core/pack/types';
import { newCardState } from '../core/scheduler/new-state';
import type { CardRecord, DeckhandDb, PackCardsRecord, StateRecord } from './db';

/** A pack's cards with their pack and place. */
export function cardRecords(record: PackCardsRecord): CardRecord[] {
	return record.cards.map((card, order) => ({ ...card, packId: record.packId, order }));
}

/** The cards of one installed pack, in pack order (none when it is not installed). */
export async function readPackCards(db: DeckhandDb, packId: string): Promise<CardRecord[]> {
	const record = await db.packCards.get(packId);
	return record ? cardRecords(record) : [];
}

/** Finds cards by [packId, cardId], reading each pack named once. */
export async function findCards(
	db: DeckhandDb,
	keys: readonly (readonly [string, string])[]
): Promise<(CardRecord | undefined)[]> {
	const packIds = [...new Set(keys.map(([p]) => p))];
	const records = await db.packCards.bulkGet(packIds);
	const byKey = new Map<string, CardRecord>();
	for (const record of records) {
		if (!record) continue;
		record.cards.forEach((card: Card, order) =>
			byKey.set(`${record.packId}\u0000${card.id}`, { ...card, packId: record.packId, order })
		);
	}
	return keys.map(([p, c]) => byKey.get(`${p}\u0000${c}`));
}

/** The state of a card never reviewed, placed in its section. */
export function unreviewedState(
	card: Pick<CardRecord, 'id' | 'packId' | 'sectionId' | 'order'>,
	now: number
): StateRecord {
	return {
		...newCardState(card.id as CardId, card.packId as PackId, now),
		sectionId: card.sectionId,
		order: card.order
	};
}

/** Whether a stored state is one a card has before any review (version 8 stores none such). */
export function isUnreviewed(s: { state: string; reps: number; lastReview: number | null }): boolean {
	return s.state === 'new' && s.reps === 0 && s.lastReview === null;
}
