/**
 * Sync's side of the database (the only Dexie user for sync): its settings and checkpoint, what to
 * push, and the merge of what was pulled. Tables of schema version 10: syncMeta (key/value) and
 * syncDeleted (the stable ids of undone reviews still to delete on the server).
 */
import type { ReviewLog } from '../core/scheduler/types';
import { parseSettings, type StudySettings } from '../core/scheduler/settings';
import type { Scheduler } from '../core/scheduler';
import {
	deletedLogDoc,
	examDoc,
	logDoc,
	replayCard,
	settingsDoc,
	type Checkpoint,
	type CouchDoc,
	type Incoming,
	type SyncStore
} from '../core/sync';
import { logUid } from '../core/sync/ids';
import type { DeckhandDb } from './db';
import { countReviews } from './stats';
import { getStates } from './study';
import { updateSummary } from './summary';

/** Where and how this device syncs. The password is never stored (the server's cookie is). */
export interface SyncConfig {
	url: string;
	user: string;
	/** Sync on open and after each study session. */
	enabled: boolean;
	/** Names this device's checkpoint on the server. */
	deviceId: string;
}

/** The outcome of the last sync run, for the status line. */
export interface SyncStatus {
	lastSyncedAt: number | null;
	error: string | null;
}

/** The device's checkpoint: the pull's session and sequence, and how far the push has got. */
export interface SyncProgress extends Checkpoint {
	/** Every log with a local id up to this one is on the server. */
	pushedLogId: number;
	/** The settings saved at this time or earlier are on the server. */
	pushedSettingsAt: number;
	pushedExamId: number;
}

/** What a push batch covered, recorded once the server has it. */
export interface PushMark {
	pushedLogId: number;
	pushedSettingsAt: number;
	pushedExamId: number;
	deleted: string[];
}

interface MetaRecord {
	key: string;
	value: unknown;
}
interface DeletedRecord {
	uid: string;
	at: number;
}

const CONFIG = 'config';
/** Cards whose reviews a pull changed and that are still to be rescheduled. */
const REPLAY = 'replay';
const STATUS = 'status';
const PROGRESS = 'progress';
const SETTINGS_KEY = 'study';

const meta = (db: DeckhandDb) => db.table<MetaRecord, string>('syncMeta');
const deletedTable = (db: DeckhandDb) => db.table<DeletedRecord, string>('syncDeleted');

function randomId(): string {
	const bytes = new Uint8Array(12);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The sync settings, or null before sync was ever set up on this device. */
export async function loadSyncConfig(db: DeckhandDb): Promise<SyncConfig | null> {
	return ((await meta(db).get(CONFIG))?.value as SyncConfig | undefined) ?? null;
}

/** Saves the server, user and switch; the device keeps its id. */
export async function saveSyncConfig(db: DeckhandDb, c: Omit<SyncConfig, 'deviceId'>): Promise<SyncConfig> {
	return db.transaction('rw', meta(db), async () => {
		const old = await loadSyncConfig(db);
		const next: SyncConfig = {
			url: c.url.trim(),
			user: c.user.trim(),
			enabled: c.enabled,
			deviceId: old?.deviceId ?? randomId()
		};
		// Another server or user is another history: the checkpoint of the old one means nothing there.
		if (old && (old.url !== next.url || old.user !== next.user)) await meta(db).delete(PROGRESS);
		await meta(db).put({ key: CONFIG, value: next });
		return next;
	});
}

export async function loadSyncStatus(db: DeckhandDb): Promise<SyncStatus> {
	return (
		((await meta(db).get(STATUS))?.value as SyncStatus | undefined) ?? { lastSyncedAt: null, error: null }
	);
}

export async function saveSyncStatus(db: DeckhandDb, s: SyncStatus): Promise<void> {
	await meta(db).put({ key: STATUS, value: s });
}

function freshProgress(): SyncProgress {
	return { session: randomId(), pullSeq: 0, pushedLogId: 0, pushedSettingsAt: 0, pushedExamId: 0 };
}

async function loadProgress(db: DeckhandDb): Promise<SyncProgress> {
	return ((await meta(db).get(PROGRESS))?.value as SyncProgress | undefined) ?? freshProgress();
}

async function saveProgress(db: DeckhandDb, p: SyncProgress): Promise<void> {
	await meta(db).put({ key: PROGRESS, value: p });
}

/**
 * Forgets what was synced, so the next run pulls everything and offers everything again: after a backup
 * is restored (the restored logs keep their stable ids, so the server keeps one copy of each). Call
 * inside the transaction that replaces the data, with syncMeta in its scope.
 */
export async function forgetSyncProgress(db: DeckhandDb): Promise<void> {
	await meta(db).delete(PROGRESS);
}

/** Up to `limit` documents this device has not pushed yet, oldest first. */
export async function collectPush(
	db: DeckhandDb,
	limit: number
): Promise<{ docs: CouchDoc[]; mark: PushMark }> {
	return db.transaction('r', [db.logs, db.settings, db.exams, meta(db), deletedTable(db)], async () => {
		const p = await loadProgress(db);
		const docs: CouchDoc[] = [];
		const mark: PushMark = {
			pushedLogId: p.pushedLogId,
			pushedSettingsAt: p.pushedSettingsAt,
			pushedExamId: p.pushedExamId,
			deleted: []
		};
		const gone = await deletedTable(db).limit(limit).toArray();
		for (const d of gone) {
			docs.push(deletedLogDoc(d.uid));
			mark.deleted.push(d.uid);
		}
		const logs = await db.logs
			.where(':id')
			.above(p.pushedLogId)
			.limit(limit - docs.length)
			.toArray();
		for (const l of logs) {
			docs.push(logDoc({ ...l, uid: l.uid ?? logUid(l) }));
			mark.pushedLogId = l.id!;
		}
		const settings = (await db.settings.get(SETTINGS_KEY)) as
			{ value: unknown; updatedAt?: number } | undefined;
		if (docs.length < limit && settings?.updatedAt && settings.updatedAt > p.pushedSettingsAt) {
			docs.push(settingsDoc(settings.value, settings.updatedAt));
			mark.pushedSettingsAt = settings.updatedAt;
		}
		if (docs.length < limit) {
			const exams = await db.exams
				.where(':id')
				.above(p.pushedExamId)
				.limit(limit - docs.length)
				.toArray();
			for (const e of exams) {
				docs.push(examDoc(e));
				mark.pushedExamId = e.id!;
			}
		}
		return { docs, mark };
	});
}

/** Records a push the server confirmed. */
export async function markPushed(db: DeckhandDb, mark: PushMark): Promise<void> {
	await db.transaction('rw', [meta(db), deletedTable(db)], async () => {
		const p = await loadProgress(db);
		await saveProgress(db, {
			...p,
			pushedLogId: Math.max(p.pushedLogId, mark.pushedLogId),
			pushedSettingsAt: Math.max(p.pushedSettingsAt, mark.pushedSettingsAt),
			pushedExamId: Math.max(p.pushedExamId, mark.pushedExamId)
		});
		await deletedTable(db).bulkDelete(mark.deleted);
	});
}

const cardKey = (l: Pick<ReviewLog, 'packId' | 'cardId'>) => `${l.packId}\u0000${l.cardId}`;

/**
 * Merges pulled documents in one transaction, with the new checkpoint: new reviews are added (one
 * copy per stable id), deleted ones removed, the newest settings win, missing exams are added, and
 * every card whose reviews changed is noted for rescheduling (`replayPulled`, once the pull is done,
 * so a card is replayed once per sync, not once per batch; the note is kept, so an interrupted sync
 * reschedules it next time). Returns how many documents changed something.
 */
export async function applyPulled(
	db: DeckhandDb,
	docs: readonly Incoming[],
	lastSeq: string | number
): Promise<number> {
	const tables = [
		db.logs,
		db.states,
		db.summaries,
		db.reviewBlocks,
		db.settings,
		db.exams,
		meta(db),
		deletedTable(db)
	];
	return db.transaction('rw', tables, async () => {
		const p = await loadProgress(db);
		const lastBefore = ((await db.logs.toCollection().lastKey()) as number | undefined) ?? 0;
		let changed = 0;
		const touched = new Map<string, { packId: string; cardId: string }>();

		const undoneHere = new Set(await deletedTable(db).toCollection().primaryKeys());
		const incoming = new Map<string, ReviewLog & { uid: string }>();
		for (const d of docs) if (d.kind === 'log' && !undoneHere.has(d.log.uid)) incoming.set(d.log.uid, d.log);
		const have = new Set(
			(
				await db.logs
					.where('uid')
					.anyOf([...incoming.keys()])
					.toArray()
			).map((l) => l.uid)
		);
		const added = [...incoming.values()].filter((l) => !have.has(l.uid));
		if (added.length) {
			await db.logs.bulkAdd(added);
			await countReviews(db, added, 1);
			for (const l of added) touched.set(cardKey(l), l);
			changed += added.length;
		}

		const removedUids = docs.flatMap((d) => (d.kind === 'log-deleted' ? [d.uid] : []));
		const removed = removedUids.length ? await db.logs.where('uid').anyOf(removedUids).toArray() : [];
		if (removed.length) {
			await db.logs.bulkDelete(removed.map((l) => l.id!));
			await countReviews(db, removed, -1);
			for (const l of removed) touched.set(cardKey(l), l);
			changed += removed.length;
		}

		let newest: { value: unknown; updatedAt: number } | null = null;
		for (const d of docs)
			if (d.kind === 'settings' && (!newest || d.updatedAt > newest.updatedAt)) newest = d;
		const local = (await db.settings.get(SETTINGS_KEY)) as { value: unknown; updatedAt?: number } | undefined;
		if (newest && newest.updatedAt > (local?.updatedAt ?? 0)) {
			await db.settings.put({
				key: SETTINGS_KEY,
				value: parseSettings(newest.value),
				updatedAt: newest.updatedAt
			});
			changed++;
		}

		for (const d of docs) {
			if (d.kind !== 'exam') continue;
			const twin = await db.exams
				.where('startedAt')
				.equals(d.exam.startedAt)
				.filter((e) => e.seed === d.exam.seed)
				.count();
			if (!twin) {
				await db.exams.add({ ...d.exam });
				changed++;
			}
		}

		if (touched.size) {
			const pending = ((await meta(db).get(REPLAY))?.value as [string, string][] | undefined) ?? [];
			for (const [packId, cardId] of pending) touched.set(`${packId}\u0000${cardId}`, { packId, cardId });
			await meta(db).put({ key: REPLAY, value: [...touched.values()].map((c) => [c.packId, c.cardId]) });
		}
		const lastAfter = ((await db.logs.toCollection().lastKey()) as number | undefined) ?? 0;
		// Pulled logs are on the server already: when nothing of this device's own was waiting, the push
		// mark moves past them, so they are never offered back.
		const pushedLogId = p.pushedLogId >= lastBefore ? lastAfter : p.pushedLogId;
		await saveProgress(db, { ...p, pullSeq: lastSeq, pushedLogId });
		return changed;
	});
}

/**
 * Reschedules the cards pulls changed, from their logs, with the scheduler of the merged settings (a
 * card with no log left is new again; a card of a pack not installed here is skipped). One transaction.
 */
export async function replayPulled(
	db: DeckhandDb,
	makeScheduler: (s: StudySettings) => Scheduler,
	now: number
): Promise<number> {
	return db.transaction('rw', [db.logs, db.states, db.summaries, db.settings, meta(db)], async () => {
		const keys = ((await meta(db).get(REPLAY))?.value as [string, string][] | undefined) ?? [];
		if (!keys.length) return 0;
		const scheduler = makeScheduler(parseSettings((await db.settings.get(SETTINGS_KEY))?.value));
		await replayCards(db, scheduler, keys, now);
		await meta(db).delete(REPLAY);
		return keys.length;
	});
}

async function replayCards(
	db: DeckhandDb,
	scheduler: Scheduler,
	keys: [string, string][],
	now: number
): Promise<void> {
	// A card never reviewed here has no stored state: getStates gives it its new one, placed in its section.
	const states = await getStates(db, keys);
	for (let i = 0; i < keys.length; i++) {
		const st = states[i];
		if (!st) continue;
		const logs = await db.logs.where('[packId+cardId]').equals(keys[i]!).toArray();
		const replayed = replayCard(scheduler, st, logs);
		const next = replayed ?? scheduler.newState(st.cardId, st.packId, now);
		const record = { ...next, sectionId: st.sectionId, order: st.order };
		// A card with no review left is new again, and a new card keeps no state (schema version 8).
		if (replayed) await db.states.put(record);
		else await db.states.delete(keys[i]!);
		await updateSummary(db, record);
	}
}

/** The Dexie side of one sync run, for `replicate`. */
export function syncStore(
	db: DeckhandDb,
	makeScheduler: (s: StudySettings) => Scheduler,
	now: () => number = Date.now
): SyncStore<PushMark> {
	return {
		checkpoint: () => loadProgress(db),
		resetCheckpoint: async () => {
			const p = freshProgress();
			await saveProgress(db, p);
			return p;
		},
		collectPush: (limit) => collectPush(db, limit),
		markPushed: (mark) => markPushed(db, mark),
		applyPulled: (docs, lastSeq) => applyPulled(db, docs, lastSeq),
		afterPull: () => replayPulled(db, makeScheduler, now()).then(() => undefined)
	};
}
