/**
 * Every version of the database schema, in ascending order, each with a one-line reason.
 * A shipped version is never edited: change the schema by adding a version (and a test that opens a
 * database of the previous version and finds nothing lost).
 */
import type { Dexie, Transaction } from 'dexie';
// Upgrades call frozen copies of what they need (./frozen, ./migrations), never live helpers that change.
import { summarizeV3 } from './frozen/v3-summaries';
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
			await tx.table('summaries').bulkPut(summarizeV3(states));
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
	},
	{
		version: 9,
		reason:
			'Subscriptions: the catalogues and pack addresses a learner subscribed to, and where each installed pack came from, so updates arrive by themselves.',
		stores: {
			subscriptions: 'url',
			packSources: 'packId, url'
		}
	},
	{
		version: 10,
		reason:
			'Sync: every review log gets a stable id (unique index uid), so devices merge logs by union; sync keeps its settings and checkpoint (syncMeta) and the ids of undone reviews still to delete on the server (syncDeleted).',
		stores: {
			logs: '++id, [packId+cardId], packId, reviewedAt, &uid',
			syncMeta: 'key',
			syncDeleted: 'uid'
		},
		upgrade: async (tx) => {
			// Frozen copy of core/hash.ts stableHash and core/sync/ids.ts withLogUids as of version 10.
			const hash = (text: string, seed: number): string => {
				let h1 = 0xdeadbeef ^ seed;
				let h2 = 0x41c6ce57 ^ seed;
				for (let i = 0; i < text.length; i++) {
					const ch = text.charCodeAt(i);
					h1 = Math.imul(h1 ^ ch, 2654435761);
					h2 = Math.imul(h2 ^ ch, 1597334677);
				}
				h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
				h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
				return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
			};
			const seen = new Set<string>();
			await tx
				.table('logs')
				.toCollection()
				.modify((l: { packId: string; cardId: string; reviewedAt: number; rating: string; uid?: string }) => {
					if (l.uid) return;
					const key = `${l.packId}\u0000${l.cardId}\u0000${l.reviewedAt}\u0000${l.rating}`;
					const base = hash(key, 1) + hash(key, 2) + hash(key, 3);
					let uid = base;
					for (let n = 2; seen.has(uid); n++) uid = `${base}-${n}`;
					seen.add(uid);
					l.uid = uid;
				});
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
