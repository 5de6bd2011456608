/**
 * Sync's side of the database (the only Dexie user for sync): its settings and checkpoint, what to
 * push, and the merge of what was pulled. Tables of schema version 10: syncMeta (key/value) and
 * syncDeleted (the stable ids of undone reviews still to delete on the server). A pack subscription's
 * last change (added, packs installed from it, removed) is noted in syncMeta by storage/subscriptions.ts,
 * with its time, so the newest change wins across devices.
 */
import type { ReviewLog } from '../core/scheduler/types';
import { parseSettings, type StudySettings } from '../core/scheduler/settings';
import type { Scheduler } from '../core/scheduler';
import type { Subscription } from '../core/catalogue/types';
import {
	deletedLogDoc,
	examDoc,
	LOG_PREFIX,
	logDoc,
	replayCard,
	SETTINGS_PREFIX,
	settingsDoc,
	subscriptionDoc,
	type Change,
	type Checkpoint,
	type CouchDoc,
	type Incoming,
	type SyncedSubscription,
	type SyncStore
} from '../core/sync';
import { logUid } from '../core/sync/ids';
import type { DeckhandDb, StateRecord } from './db';
import { countReviews } from './stats';
import { getStates } from './study';
import { updateSummaries } from './summary';

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
	/** The subscription changes made at this time or earlier are on the server. */
	pushedSubsAt: number;
}

/** What a push batch covered, recorded once the server has it. */
export interface PushMark {
	pushedLogId: number;
	pushedSettingsAt: number;
	pushedExamId: number;
	pushedSubsAt: number;
	deleted: string[];
}

/** A subscription's last change on this device or pulled, and the packs still to install here. */
interface SubscriptionNote extends Omit<SyncedSubscription, 'packs'> {
	/** Packs another device installed from it that this device has not installed yet. */
	pending: string[];
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
/** Subscription notes by url. */
const SUBSCRIPTIONS = 'subscriptions';

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

function freshProgress(echo = 0): SyncProgress {
	return {
		session: randomId(),
		pullSeq: 0,
		echo,
		pushedLogId: 0,
		pushedSettingsAt: 0,
		pushedExamId: 0,
		pushedSubsAt: 0
	};
}

async function loadProgress(db: DeckhandDb): Promise<SyncProgress> {
	const p = (await meta(db).get(PROGRESS))?.value as Partial<SyncProgress> | undefined;
	// A device that synced before `echo` and `pushedSubsAt` existed: ids first, and every subscription.
	return p ? { ...freshProgress(1), ...p } : freshProgress();
}

async function loadNotes(db: DeckhandDb): Promise<Record<string, SubscriptionNote>> {
	return ((await meta(db).get(SUBSCRIPTIONS))?.value as Record<string, SubscriptionNote> | undefined) ?? {};
}

/**
 * Notes that the learner subscribed to `sub` (or installed another pack from it) or unsubscribed, at
 * `at`: the change sync sends. Call inside the transaction that makes the change, with syncMeta in scope.
 */
export async function noteSubscriptionChange(
	db: DeckhandDb,
	sub: Pick<Subscription, 'url' | 'kind' | 'title'>,
	subscribed: boolean,
	at: number
): Promise<void> {
	// A database opened at a version from before sync (an upgrade test) has nothing to note it in.
	if (!db.tables.some((t) => t.name === 'syncMeta')) return;
	const notes = await loadNotes(db);
	const old = notes[sub.url];
	notes[sub.url] = {
		url: sub.url,
		kind: sub.kind,
		title: sub.title,
		subscribed,
		// Strictly after the change it replaces, so it wins even within one millisecond.
		changedAt: Math.max(at, (old?.changedAt ?? 0) + 1),
		pending: subscribed ? (old?.pending ?? []) : []
	};
	await meta(db).put({ key: SUBSCRIPTIONS, value: notes });
}

/** Subscriptions another device made whose packs are not installed here yet. */
export async function pendingSubscriptionInstalls(
	db: DeckhandDb
): Promise<{ subscription: Subscription; packs: string[] }[]> {
	return db.transaction('r', [db.subscriptions, db.packs, meta(db)], async () => {
		const installed = new Set(await db.packs.toCollection().primaryKeys());
		const out: { subscription: Subscription; packs: string[] }[] = [];
		for (const n of Object.values(await loadNotes(db))) {
			const packs = n.pending.filter((id) => !installed.has(id));
			const subscription = await db.subscriptions.get(n.url);
			if (n.subscribed && packs.length && subscription) out.push({ subscription, packs });
		}
		return out;
	});
}

/** Stops offering `packIds` for install from `url` (installed, or the source no longer has them). */
export async function settlePendingInstalls(db: DeckhandDb, url: string, packIds: string[]): Promise<void> {
	await db.transaction('rw', meta(db), async () => {
		const notes = await loadNotes(db);
		const n = notes[url];
		if (!n) return;
		n.pending = n.pending.filter((id) => !packIds.includes(id));
		await meta(db).put({ key: SUBSCRIPTIONS, value: notes });
	});
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
	const tables = [
		db.logs,
		db.settings,
		db.exams,
		db.subscriptions,
		db.packSources,
		meta(db),
		deletedTable(db)
	];
	return db.transaction('r', tables, async () => {
		const p = await loadProgress(db);
		const docs: CouchDoc[] = [];
		const mark: PushMark = {
			pushedLogId: p.pushedLogId,
			pushedSettingsAt: p.pushedSettingsAt,
			pushedExamId: p.pushedExamId,
			pushedSubsAt: p.pushedSubsAt,
			deleted: []
		};
		// Subscriptions first (a handful): each one's last change, the subscriptions made before sync
		// noted none and count from when they were added.
		const notes = await loadNotes(db);
		const changes: SyncedSubscription[] = [];
		for (const s of await db.subscriptions.toArray())
			if (!notes[s.url])
				changes.push({
					url: s.url,
					kind: s.kind,
					title: s.title,
					subscribed: true,
					packs: [],
					changedAt: s.addedAt
				});
		for (const n of Object.values(notes)) changes.push({ ...n, packs: [] });
		for (const ch of changes) {
			if (ch.changedAt <= p.pushedSubsAt) continue;
			if (ch.subscribed) {
				const here = await db.subscriptions.get(ch.url);
				if (here) ch.title = here.title;
				else ch.subscribed = false;
				ch.packs = here
					? (await db.packSources.where('url').equals(ch.url).toArray()).map((s) => s.packId)
					: [];
			}
			docs.push(subscriptionDoc(ch));
			mark.pushedSubsAt = Math.max(mark.pushedSubsAt, ch.changedAt);
		}
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

/** Records a push the server confirmed, of which `sent` documents went over the wire. */
export async function markPushed(db: DeckhandDb, mark: PushMark, sent = 0): Promise<void> {
	await db.transaction('rw', [meta(db), deletedTable(db)], async () => {
		const p = await loadProgress(db);
		await saveProgress(db, {
			...p,
			echo: p.echo + sent,
			pushedLogId: Math.max(p.pushedLogId, mark.pushedLogId),
			pushedSettingsAt: Math.max(p.pushedSettingsAt, mark.pushedSettingsAt),
			pushedExamId: Math.max(p.pushedExamId, mark.pushedExamId),
			pushedSubsAt: Math.max(p.pushedSubsAt, mark.pushedSubsAt)
		});
		await deletedTable(db).bulkDelete(mark.deleted);
	});
}

const cardKey = (l: { packId: string; cardId: string }) => `${l.packId}\u0000${l.cardId}`;

/**
 * The ids among `changes` whose documents this device lacks, decided locally (the `_revs_diff` of a
 * pull): a review it holds (or undid) and settings no newer than its own are not fetched; the rest are
 * few and always are.
 */
export async function missingDocs(db: DeckhandDb, changes: readonly Change[]): Promise<string[]> {
	return db.transaction('r', [db.logs, db.settings, deletedTable(db)], async () => {
		const logUids = changes.flatMap((ch) =>
			ch.id.startsWith(LOG_PREFIX) ? [ch.id.slice(LOG_PREFIX.length)] : []
		);
		const held = new Set<string>(
			logUids.length ? ((await db.logs.where('uid').anyOf(logUids).keys()) as string[]) : []
		);
		for (const uid of await deletedTable(db).toCollection().primaryKeys()) held.add(uid);
		const local = (await db.settings.get(SETTINGS_KEY)) as { updatedAt?: number } | undefined;
		return changes
			.filter((ch) => {
				if (ch.id.startsWith(LOG_PREFIX)) return !held.has(ch.id.slice(LOG_PREFIX.length));
				if (ch.id.startsWith(SETTINGS_PREFIX))
					return Number(ch.id.slice(SETTINGS_PREFIX.length)) > (local?.updatedAt ?? 0);
				return true;
			})
			.map((ch) => ch.id);
	});
}

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
		db.subscriptions,
		db.packSources,
		db.packs,
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

		changed += await applySubscriptions(
			db,
			docs.flatMap((d) => (d.kind === 'subscription' ? [d.subscription] : []))
		);

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
 * Pulled subscription changes, where newer than this device's own: a subscription appears (its packs
 * noted for install here, see pendingSubscriptionInstalls) or goes (its packs stay installed, with
 * their progress, as when the learner unsubscribes here). Returns how many changed something.
 */
async function applySubscriptions(db: DeckhandDb, pulled: SyncedSubscription[]): Promise<number> {
	if (!pulled.length) return 0;
	const notes = await loadNotes(db);
	const installed = new Set(await db.packs.toCollection().primaryKeys());
	let changed = 0;
	for (const s of pulled.sort((a, b) => a.changedAt - b.changedAt)) {
		const here = await db.subscriptions.get(s.url);
		const localAt = notes[s.url]?.changedAt ?? here?.addedAt ?? -Infinity;
		if (s.changedAt <= localAt) continue;
		if (s.subscribed) {
			if (!here) await db.subscriptions.put(newSubscription(s));
			// A pack installed here already (by hand) now updates from the source too.
			const has = new Set((await db.packSources.where('url').equals(s.url).toArray()).map((x) => x.packId));
			for (const id of s.packs)
				if (installed.has(id) && !has.has(id)) await db.packSources.put({ packId: id, url: s.url });
		} else if (here) {
			await db.packSources.where('url').equals(s.url).delete();
			await db.subscriptions.delete(s.url);
		}
		const { packs, ...rest } = s;
		notes[s.url] = { ...rest, pending: s.subscribed ? packs.filter((id) => !installed.has(id)) : [] };
		changed++;
	}
	await meta(db).put({ key: SUBSCRIPTIONS, value: notes });
	return changed;
}

function newSubscription(s: SyncedSubscription): Subscription {
	return {
		url: s.url,
		kind: s.kind,
		title: s.title,
		addedAt: s.changedAt,
		checkedAt: null,
		etag: null,
		digest: null,
		packs: [],
		error: null
	};
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
		// The pull has caught up with everything this device had pushed before it.
		const p = await loadProgress(db);
		if (p.echo) await saveProgress(db, { ...p, echo: 0 });
		if (!keys.length) return 0;
		const scheduler = makeScheduler(parseSettings((await db.settings.get(SETTINGS_KEY))?.value));
		await replayCards(db, scheduler, keys, now);
		await meta(db).delete(REPLAY);
		return keys.length;
	});
}

/**
 * Reschedules every card of `packId` that has reviews: after the pack is installed on a device that
 * already holds reviews of it (pulled before the pack was here). One transaction.
 */
export async function replayPack(
	db: DeckhandDb,
	packId: string,
	makeScheduler: (s: StudySettings) => Scheduler,
	now: number
): Promise<number> {
	return db.transaction('rw', [db.logs, db.states, db.summaries, db.settings], async () => {
		const keys = (await db.logs
			.where('[packId+cardId]')
			.between([packId, ''], [packId, '\uffff'])
			.uniqueKeys()) as unknown as [string, string][];
		if (!keys.length) return 0;
		const scheduler = makeScheduler(parseSettings((await db.settings.get(SETTINGS_KEY))?.value));
		await replayCards(db, scheduler, keys, now);
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
	// Many cards: read their packs' logs in one go rather than one query per card.
	const byCard = new Map<string, ReviewLog[]>();
	if (keys.length > 50) {
		for (const packId of new Set(keys.map(([p]) => p)))
			for (const l of await db.logs.where('packId').equals(packId).toArray()) {
				const k = cardKey(l);
				const list = byCard.get(k);
				if (list) list.push(l);
				else byCard.set(k, [l]);
			}
	}
	const kept: StateRecord[] = [];
	const gone: [string, string][] = [];
	const all: StateRecord[] = [];
	for (let i = 0; i < keys.length; i++) {
		const st = states[i];
		if (!st) continue;
		const [packId, cardId] = keys[i]!;
		const logs =
			keys.length > 50
				? (byCard.get(cardKey({ packId, cardId })) ?? [])
				: await db.logs.where('[packId+cardId]').equals(keys[i]!).toArray();
		const replayed = replayCard(scheduler, st, logs);
		const next = replayed ?? scheduler.newState(st.cardId, st.packId, now);
		const record = { ...next, sectionId: st.sectionId, order: st.order };
		// A card with no review left is new again, and a new card keeps no state (schema version 8).
		if (replayed) kept.push(record);
		else gone.push(keys[i]!);
		all.push(record);
	}
	await db.states.bulkPut(kept);
	await db.states.bulkDelete(gone);
	await updateSummaries(db, all);
}

/** The Dexie side of one sync run, for `replicate`. */
export function syncStore(
	db: DeckhandDb,
	makeScheduler: (s: StudySettings) => Scheduler,
	now: () => number = Date.now
): SyncStore<PushMark> {
	return {
		checkpoint: () => loadProgress(db),
		resetCheckpoint: () =>
			db.transaction('rw', [db.logs, db.exams, meta(db)], async () => {
				// A device with data of its own may find much of it on the server: its pull reads ids first.
				const p = freshProgress((await db.logs.count()) + (await db.exams.count()) > 0 ? 1 : 0);
				await saveProgress(db, p);
				return p;
			}),
		missing: (changes) => missingDocs(db, changes),
		collectPush: (limit) => collectPush(db, limit),
		markPushed: (mark, sent) => markPushed(db, mark, sent),
		applyPulled: (docs, lastSeq) => applyPulled(db, docs, lastSeq),
		afterPull: () => replayPulled(db, makeScheduler, now()).then(() => undefined)
	};
}
