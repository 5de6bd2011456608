/**
 * Every version of the database schema, in ascending order, each with a one-line reason.
 * A shipped version is never edited: change the schema by adding a version (and a test that opens a
 * database of the previous version and finds nothing lost).
 */
import type { Dexie, Transaction } from 'dexie';
import { summarize } from './summary';
import { upgradeToV8 } from './migrations/v8';

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
		version: 2,
		reason:
			'Queue and counts by index at 20k cards: states carry their section and place in the pack; sessions survive reloads.',
		stores: {
			states:
				'[packId+cardId], packId, due, state, [state+due], [packId+sectionId+state+due], [state+packId+sectionId+order]',
			sessions: 'id'
		},
		upgrade: async (tx) => {
			const where = new Map<string, { sectionId: string; order: number }>();
			await tx
				.table('cards')
				.each((c: { packId: string; id: string; sectionId: string; order: number }) =>
					where.set(`${c.packId}\u0000${c.id}`, { sectionId: c.sectionId, order: c.order })
				);
			await tx
				.table('states')
				.toCollection()
				.modify((s: { packId: string; cardId: string; sectionId?: string; order?: number }) => {
					const c = where.get(`${s.packId}\u0000${s.cardId}`);
					// Compound indexes skip records with a missing part, so an orphan state gets placeholders.
					s.sectionId = c?.sectionId ?? '';
					s.order = c?.order ?? 0;
				});
		}
	},
	{
		version: 3,
		reason:
			'Home counts and the queue at 20k cards: per-section schedule summaries, so they read tens of records, not every state.',
		stores: { summaries: '[packId+sectionId], packId' },
		upgrade: async (tx) => {
			const states = await tx.table('states').toArray();
			await tx.table('summaries').bulkPut(summarize(states));
		}
	},
	{
		version: 4,
		reason:
			'Exam history (one record per finished exam simulation) and review counts per hour, kept so statistics need not read every log.',
		stores: {
			exams: '++id, startedAt',
			reviewHours: 'hour'
		}
	},
	{
		version: 5,
		reason:
			'Pack updates retire removed cards: a table keeps each retired card with its state, out of every study query, until an update restores it.',
		stores: {
			retired: '[packId+id], packId'
		}
	},
	{
		version: 6,
		reason:
			'Statistics without reading every log: review counts per pack and hour, in blocks kept in the same transaction as every log write, replace the hour counts topped up on each visit.',
		stores: {
			reviewBlocks: '[packId+block], packId',
			reviewHours: null
		},
		// Counting every log here held the database closed for seconds at 200,000 logs: the upgrade leaves
		// a marker (key and shape as in storage/review-blocks.ts, copied here) and the count runs after the
		// database opens, in slices, with progress shown.
		upgrade: async (tx) => {
			const logs = tx.table('logs');
			const last = (await logs.orderBy(':id').last()) as { id: number } | undefined;
			if (last) {
				const total = await logs.count();
				await tx
					.table('settings')
					.put({ key: 'stats.blocksPending', value: { upTo: last.id, after: 0, total, done: 0 } });
			}
			// The watermark of the old hour counts (storage/stats.ts before version 6).
			await tx.table('settings').delete('stats.reviewHours');
		}
	},
	{
		version: 7,
		reason:
			'Faster imports and grades: drop the three state indexes nothing reads since the per-section summaries (due, [packId+sectionId+state+due], [state+packId+sectionId+order]); every state write paid for them.',
		stores: {
			states: '[packId+cardId], packId, state, [state+due]'
		}
	},
	{
		version: 8,
		reason:
			"Packs stored whole: an installed pack's cards are one record (packCards), not one per card, and a card has a state only once reviewed; a first visit wrote 1,200 records for the built-in pack, now a handful.",
		stores: {
			packCards: 'packId',
			cards: null
		},
		upgrade: upgradeToV8
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
