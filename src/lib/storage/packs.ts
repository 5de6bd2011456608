import type { Pack } from '../core/pack/types';
import type { Scheduler } from '../core/scheduler';
import type { CardRecord, DeckhandDb, PackRecord, StateRecord } from './db';
import { readPackCards } from './pack-cards';
import { rebuildSummaries } from './summary';

/**
 * Installs or refreshes a pack: its record and its cards (one record, whole). Stored states are kept
 * (their section and place follow the card), so reinstalling a pack never loses progress; a new card
 * needs no state. One transaction. (`scheduler` is kept for callers: new cards need none now.)
 */
export async function installPack(
	db: DeckhandDb,
	pack: Pack,
	_scheduler: Scheduler,
	now: number,
	builtIn = false
): Promise<void> {
	const { cards, ...meta } = pack;
	const record: PackRecord = { ...meta, installedAt: now, builtIn };
	await db.transaction('rw', [db.packs, db.packCards, db.states, db.summaries], async () => {
		await db.packs.put(record);
		await db.packCards.put({ packId: pack.id, version: pack.version, cards });
		const place = new Map(cards.map((c, order) => [c.id as string, { sectionId: c.sectionId, order }]));
		const write: StateRecord[] = [];
		for (const old of await db.states.where('packId').equals(pack.id).toArray()) {
			const p = place.get(old.cardId);
			if (p && (old.sectionId !== p.sectionId || old.order !== p.order)) write.push({ ...old, ...p });
		}
		await db.states.bulkPut(write);
		await rebuildSummaries(db, pack.id);
	});
}

/** Every installed pack. */
export function listPacks(db: DeckhandDb): Promise<PackRecord[]> {
	return db.packs.toArray();
}

/** The installed version of a pack, if any. */
export async function installedVersion(db: DeckhandDb, packId: string): Promise<number | null> {
	const p = await db.packs.get(packId);
	return p ? p.version : null;
}

/** The cards of one installed pack, in pack order. */
export function listPackCards(db: DeckhandDb, packId: string): Promise<CardRecord[]> {
	return readPackCards(db, packId);
}
