/**
 * Back up and restore: everything the learner has (packs, cards, states, logs, settings, retired cards)
 * in one JSON
 * file with a versioned envelope. A restore parses the file first and then replaces the database in one
 * transaction, so a bad file or a full disk changes nothing.
 */
import * as v from 'valibot';
import { fail, ok, type Issue, type Result } from '../core/result';
import type {
	CardRecord,
	DeckhandDb,
	PackCardsRecord,
	PackRecord,
	RetiredRecord,
	SettingRecord,
	StateRecord
} from './db';
import { cardRecords, isUnreviewed } from './pack-cards';
import type { ReviewLog } from '../core/scheduler/types';
import { toFailure } from './errors';
import { tallyBlocks } from '../core/stats/tally';
import { RUNNING_EXAM_KEY } from './exams';
import { BLOCKS_PENDING_KEY } from './review-blocks';
import { rebuildSummaries } from './summary';
import { withLogUids } from '../core/sync/ids';
import { forgetSyncProgress } from './sync';

export const BACKUP_FORMAT = 'deckhand-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface Backup {
	format: typeof BACKUP_FORMAT;
	formatVersion: typeof BACKUP_FORMAT_VERSION;
	exportedAt: string;
	packs: PackRecord[];
	cards: CardRecord[];
	states: StateRecord[];
	logs: ReviewLog[];
	settings: SettingRecord[];
	/** Cards retired by pack updates, with their states; absent in backups made before version 4. */
	retired?: RetiredRecord[];
}

/**
 * Everything in the database, as a backup envelope. One read transaction, so it is consistent. The file
 * keeps one entry per card (as backups always had), whichever way the database stores them.
 */
export async function exportBackup(db: DeckhandDb, now: number): Promise<Backup> {
	return db.transaction(
		'r',
		[db.packs, db.packCards, db.states, db.logs, db.settings, db.retired],
		async () => ({
			format: BACKUP_FORMAT,
			formatVersion: BACKUP_FORMAT_VERSION,
			exportedAt: new Date(now).toISOString(),
			packs: await db.packs.toArray(),
			cards: (await db.packCards.toArray()).flatMap(cardRecords),
			states: await db.states.toArray(),
			logs: await db.logs.toArray(),
			// An exam in progress belongs to this device and its clock, not to a backup.
			// Nor does the once-only count's marker: a restore counts the blocks from the logs.
			settings: (await db.settings.toArray()).filter(
				(s) => s.key !== RUNNING_EXAM_KEY && s.key !== BLOCKS_PENDING_KEY
			),
			retired: await db.retired.toArray()
		})
	);
}

const str = v.pipe(v.string(), v.minLength(1));
const num = v.pipe(v.number(), v.finite());
const learning = v.picklist(['new', 'learning', 'review', 'relearning']);
const stateShape = {
	cardId: str,
	packId: str,
	state: learning,
	due: num,
	stability: num,
	difficulty: num,
	scheduledDays: num,
	learningSteps: num,
	reps: num,
	lapses: num,
	lastReview: v.nullable(num)
};
// Records keep every field they carry (looseObject): the checks guard the fields the app relies on.
const BackupSchema = v.object({
	format: v.literal(BACKUP_FORMAT),
	formatVersion: v.literal(BACKUP_FORMAT_VERSION),
	exportedAt: v.string(),
	packs: v.array(
		v.looseObject({
			id: str,
			version: num,
			title: v.string(),
			sections: v.array(v.looseObject({ id: v.string(), title: v.string(), order: num }))
		})
	),
	cards: v.array(v.looseObject({ id: str, packId: str, kind: str, sectionId: v.string(), order: num })),
	states: v.array(v.looseObject({ ...stateShape, sectionId: v.string(), order: num })),
	logs: v.array(
		v.looseObject({
			id: v.optional(num),
			uid: v.optional(str),
			cardId: str,
			packId: str,
			rating: v.picklist(['again', 'hard', 'good', 'easy']),
			state: learning,
			reviewedAt: num,
			before: v.looseObject(stateShape)
		})
	),
	settings: v.array(v.looseObject({ key: str, value: v.unknown() })),
	retired: v.optional(
		v.array(
			v.looseObject({
				id: str,
				packId: str,
				kind: str,
				sectionId: v.string(),
				order: num,
				retiredAt: num,
				state: v.nullable(v.looseObject({ ...stateShape, sectionId: v.string(), order: num }))
			})
		)
	)
});

/** The file name a backup made at `now` is saved under. */
export function backupFileName(now: number): string {
	return `deckhand-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/** Parses an untrusted backup file's contents; errors carry a path and a plain message. */
export function parseBackup(input: unknown): Result<Backup> {
	if (typeof input === 'object' && input !== null && (input as { format?: unknown }).format !== BACKUP_FORMAT)
		return fail([{ path: 'format', message: 'This file is not a Deckhand backup.' }]);
	const r = v.safeParse(BackupSchema, input);
	if (r.success) return ok(r.output as unknown as Backup);
	const errors: Issue[] = r.issues.slice(0, 20).map((i) => ({
		path: v.getDotPath(i) ?? '(file)',
		message: i.message
	}));
	return fail(errors);
}

/** Parses backup text (JSON) from a file the learner picked. */
export function parseBackupText(text: string): Result<Backup> {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return fail([
			{ path: '(file)', message: 'This file is not valid JSON, so it cannot be a Deckhand backup.' }
		]);
	}
	return parseBackup(data);
}

/** A backup's cards (one entry per card) as the database keeps them: one record per pack, in order. */
function packCardsOf(packs: readonly PackRecord[], cards: readonly CardRecord[]): PackCardsRecord[] {
	const version = new Map(packs.map((p) => [p.id as string, p.version]));
	const byPack = new Map<string, CardRecord[]>();
	for (const c of cards) {
		let list = byPack.get(c.packId);
		if (!list) byPack.set(c.packId, (list = []));
		list.push(c);
	}
	return [...byPack].map(([packId, list]) => ({
		packId: packId as PackCardsRecord['packId'],
		version: version.get(packId) ?? 0,
		cards: [...list].sort((a, b) => a.order - b.order).map(({ packId: _p, order: _o, ...card }) => card)
	}));
}

/**
 * Replaces everything with the backup's contents, in one transaction: all or nothing. Each review keeps
 * its stable id (a backup from before sync gets the same ids sync gives), and sync forgets its progress,
 * so the next sync merges the restored reviews with the server's instead of copying them twice.
 */
export async function restoreBackup(db: DeckhandDb, b: Backup): Promise<Result<void, Issue[]>> {
	try {
		await db.transaction(
			'rw',
			[
				db.packs,
				db.packCards,
				db.states,
				db.logs,
				db.settings,
				db.sessions,
				db.summaries,
				db.retired,
				db.reviewBlocks,
				db.table('syncMeta')
			],
			async () => {
				await Promise.all([
					db.packs.clear(),
					db.packCards.clear(),
					db.states.clear(),
					db.logs.clear(),
					db.settings.clear(),
					db.sessions.clear(),
					db.retired.clear(),
					db.reviewBlocks.clear()
				]);
				await db.packs.bulkAdd(b.packs);
				await db.packCards.bulkAdd(packCardsOf(b.packs, b.cards));
				// A backup from before version 8 has a state for every card; a never-reviewed one is dropped.
				await db.states.bulkAdd(b.states.filter((s) => !isUnreviewed(s)));
				await db.logs.bulkAdd(withLogUids(b.logs));
				await db.settings.bulkAdd(b.settings.filter((s) => s.key !== BLOCKS_PENDING_KEY));
				await db.retired.bulkAdd(b.retired ?? []);
				await forgetSyncProgress(db);
				await rebuildSummaries(db);
				await db.reviewBlocks.bulkPut([...tallyBlocks(b.logs).values()]);
			}
		);
		return ok(undefined);
	} catch (e) {
		return fail([{ path: '(database)', message: toFailure(e).message }]);
	}
}
