/**
 * Every version of the database schema, in ascending order, each with a one-line reason.
 * A shipped version is never edited: change the schema by adding a version (and a test that opens a
 * database of the previous version and finds nothing lost).
 */
import type { Dexie, Transaction } from 'dexie';

export interface SchemaVersion {
	version: number;
	reason: string;
	stores: Record<string, string | null>;
	upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
	{
		version: 1,
		reason: 'First schema: packs, their cards, one scheduling state per card, review logs and settings.',
		stores: {
			packs: 'id',
			cards: '[packId+id], packId',
			states: '[packId+cardId], packId, due, state',
			logs: '++id, [packId+cardId], packId, reviewedAt',
			settings: 'key'
		}
	},
	{
		version: 3,
		reason:
			'Pack updates retire removed cards: a table keeps each retired card with its state, out of every study query, until an update restores it.',
		stores: {
			retired: '[packId+id], packId'
		}
	}
];

/** Declares every schema version on a Dexie instance. */
export function applySchema(db: Dexie, upTo = Infinity): void {
	for (const v of SCHEMA_VERSIONS) {
		if (v.version > upTo) break;
		const declared = db.version(v.version).stores(v.stores);
		if (v.upgrade) declared.upgrade(v.upgrade);
	}
}
