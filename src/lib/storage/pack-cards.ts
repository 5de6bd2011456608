/**
 * Reading the cards of installed packs, which are stored whole (one PackCardsRecord per pack), and the
 * state a card has before it is first reviewed (none is stored: a new card's state is made on read).
 */
import { Dexie } from 'dexie';
import type { CardId, PackId } from '../core/pack/types';
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

/**
 * Pack records already read in a read-only transaction, by its IndexedDB transaction (shared by nested
 * Dexie transactions): building the queue and loading its first cards in one transaction read each pack
 * (1,482 cards for the DCA pack) once, not once per step. A read-only transaction sees one snapshot, so
 * a record read earlier in it is the record.
 */
const readInTransaction = new WeakMap<object, Map<string, PackCardsRecord | undefined>>();

async function packRecords(
	db: DeckhandDb,
	packIds: readonly string[]
): Promise<(PackCardsRecord | undefined)[]> {
	const tx = Dexie.currentTransaction as
		(typeof Dexie.currentTransaction & { idbtrans?: IDBTransaction }) | null;
	const key = tx?.mode === 'readonly' ? tx.idbtrans : undefined;
	if (!key) return db.packCards.bulkGet([...packIds]);
	let cache = readInTransaction.get(key);
	if (!cache) readInTransaction.set(key, (cache = new Map()));
	const missing = packIds.filter((id) => !cache.has(id));
	if (missing.length) {
		const got = await db.packCards.bulkGet(missing);
		missing.forEach((id, i) => cache.set(id, got[i]));
	}
	return packIds.map((id) => cache.get(id));
}

/** Each pack record's card ids to their place, made once per record read. */
const placeOf = new WeakMap<PackCardsRecord, Map<string, number>>();
function places(record: PackCardsRecord): Map<string, number> {
	let m = placeOf.get(record);
	if (!m) {
		m = new Map();
		for (let i = 0; i < record.cards.length; i++)
			if (!m.has(record.cards[i]!.id)) m.set(record.cards[i]!.id, i);
		placeOf.set(record, m);
	}
	return m;
}

/** Finds cards by [packId, cardId], reading each pack named once. */
export async function findCards(
	db: DeckhandDb,
	keys: readonly (readonly [string, string])[]
): Promise<(CardRecord | undefined)[]> {
	const packIds = [...new Set(keys.map(([p]) => p))];
	const records = new Map<string, PackCardsRecord>();
	(await packRecords(db, packIds)).forEach((r, i) => r && records.set(packIds[i]!, r));
	return keys.map(([p, c]) => {
		const record = records.get(p);
		const order = record && places(record).get(c);
		return record && order !== undefined
			? { ...record.cards[order]!, packId: record.packId, order }
			: undefined;
	});
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
