import type { CardRecord, DeckhandDb, PackRecord } from './db';
import { readPackCards } from './pack-cards';

/** Every installed pack. */
export function listPacks(db: DeckhandDb): Promise<PackRecord[]> {
	return db.packs.toArray();
}

/** The installed version of each pack named, in one read (null for a pack not installed). */
export async function installedVersions(
	db: DeckhandDb,
	packIds: readonly string[]
): Promise<(number | null)[]> {
	return (await db.packs.bulkGet([...packIds])).map((p) => (p ? p.version : null));
}

/** The cards of one installed pack, in pack order. */
export function listPackCards(db: DeckhandDb, packId: string): Promise<CardRecord[]> {
	return readPackCards(db, packId);
}
