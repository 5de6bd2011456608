import type { Pack } from '../core/pack/types';
import type { Scheduler } from '../core/scheduler';
import type { CardRecord, DeckhandDb, PackRecord, StateRecord } from './db';
import { rebuildSummaries } from './summary';

/**
 * Installs or refreshes a pack: its record, its cards, and a new state for every card that has none.
 * Existing states are kept (their section and place follow the card), so reinstalling a pack never
 * loses progress. One transaction.
 */
export async function installPack(
	db: DeckhandDb,
	pack: Pack,
	scheduler: Scheduler,
	now: number,
	builtIn = false
): Promise<void> {
	const { cards, ...meta } = pack;
	const record: PackRecord = { ...meta, installedAt: now, builtIn };
	const rows: CardRecord[] = cards.map((card, order) => ({ ...card, packId: pack.id, order }));
	await db.transaction('rw', [db.packs, db.cards, db.states, db.summaries], async () => {
		await db.packs.put(record);
		await db.cards.bulkPut(rows);
		const keys = rows.map((r) => [r.packId, r.id] as [string, string]);
		const existing = await db.states.bulkGet(keys);
		const write: StateRecord[] = [];
		rows.forEach((r, i) => {
			const old = existing[i];
			if (old === undefined) {
				write.push({ ...scheduler.newState(r.id, r.packId, now), sectionId: r.sectionId, order: r.order });
			} else if (old.sectionId !== r.sectionId || old.order !== r.order) {
				write.push({ ...old, sectionId: r.sectionId, order: r.order });
			}
		});
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
export async function listPackCards(db: DeckhandDb, packId: string): Promise<CardRecord[]> {
	const rows = await db.cards.where('packId').equals(packId).toArray();
	return rows.sort((a, b) => a.order - b.order);
}
