/**
 * What sync stores in CouchDB, one document per thing, and the parse of what comes back. Every
 * document is immutable, so its revision can be worked out from its id alone: two devices that write
 * the same review write the same document with the same revision, and replication never makes a
 * conflict. The one change a document ever sees is its deletion (an undone review), a second revision
 * that is just as predictable.
 *
 *   log:<uid>                         a review log (union merge)
 *   settings:study:<updatedAt>        a snapshot of the study settings (the newest snapshot wins)
 *   exam:<startedAt>-<seed>           a finished exam simulation
 *   sub:<hash of url>:<changedAt>     a pack subscription added, changed or removed (the newest wins)
 *
 * A review log is the bulk of what syncs (tens of thousands of documents), so its body is a flat array
 * (`l`, see LOG_FIELDS) rather than an object with named fields: about half the bytes. `parseDoc` passes
 * documents it does not know through as `other`, so an older app ignores newer kinds.
 */
import { RATINGS, type CardState, type LearningState, type Rating, type ReviewLog } from '../scheduler/types';
import type { ExamResult } from '../exam/types';
import type { SourceKind } from '../catalogue/types';

export const LOG_PREFIX = 'log:';
export const SETTINGS_PREFIX = 'settings:study:';
export const EXAM_PREFIX = 'exam:';
export const SUBSCRIPTION_PREFIX = 'sub:';

/** A pack subscription as synced: where from, which packs the learner installed from it, and whether
 * it is still subscribed, as of `changedAt`. */
export interface SyncedSubscription {
	url: string;
	kind: SourceKind;
	title: string;
	subscribed: boolean;
	/** Ids of the packs installed from it. */
	packs: string[];
	changedAt: number;
}

/** A review log as synced: the stored record without its device-local key, with its stable id. */
export type SyncedLog = Omit<ReviewLog, 'id'> & { uid: string };

/** A CouchDB document as written with `new_edits: false` (the revision is ours, not the server's). */
export interface CouchDoc {
	_id: string;
	_rev: string;
	_deleted?: true;
	_revisions?: { start: number; ids: string[] };
	[field: string]: unknown;
}

/** A document read back from the server, as the app understands it. */
export type Incoming =
	| { kind: 'log'; log: SyncedLog }
	| { kind: 'log-deleted'; uid: string }
	| { kind: 'settings'; value: unknown; updatedAt: number }
	| { kind: 'exam'; exam: ExamResult }
	| { kind: 'subscription'; subscription: SyncedSubscription }
	| { kind: 'other'; id: string };

/** 32 hex digits from a string: four seeded 32-bit hashes (CouchDB revision ids are 128-bit hex). */
export function hex128(text: string): string {
	let out = '';
	for (let seed = 1; seed <= 4; seed++) {
		let h = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
		for (let i = 0; i < text.length; i++) {
			h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
			h ^= h >>> 15;
		}
		h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
		h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
		out += ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
	}
	return out;
}

/** The one revision an immutable document has. */
export function firstRev(id: string): string {
	return `1-${hex128(id)}`;
}

/** The revision that deletes an immutable document (a child of its first revision). */
export function deletedRev(id: string): string {
	return `2-${hex128(`${id}\u0000deleted`)}`;
}

/** The order of a log's fields in its document's array; `before` is the state's own fields after them. */
const LOG_FIELDS = [
	'cardId',
	'packId',
	'rating',
	'state',
	'reviewedAt',
	'elapsedDays',
	'scheduledDays',
	'stability',
	'difficulty',
	'durationMs'
] as const;
const BEFORE_FIELDS = [
	'state',
	'due',
	'stability',
	'difficulty',
	'scheduledDays',
	'learningSteps',
	'reps',
	'lapses',
	'lastReview'
] as const;

/** A review log as a document: `l` holds LOG_FIELDS then BEFORE_FIELDS (the card is the log's own). */
export function logDoc(log: ReviewLog & { uid: string }): CouchDoc {
	const _id = LOG_PREFIX + log.uid;
	const l = [...LOG_FIELDS.map((k) => log[k] ?? null), ...BEFORE_FIELDS.map((k) => log.before[k])];
	return { _id, _rev: firstRev(_id), l };
}

/** The deletion of an undone review's document. */
export function deletedLogDoc(uid: string): CouchDoc {
	const _id = LOG_PREFIX + uid;
	const [first, second] = [firstRev(_id), deletedRev(_id)];
	return {
		_id,
		_rev: second,
		_deleted: true,
		_revisions: { start: 2, ids: [second.slice(2), first.slice(2)] }
	};
}

/** A snapshot of the study settings, as saved at `updatedAt`. */
export function settingsDoc(value: unknown, updatedAt: number): CouchDoc {
	const _id = SETTINGS_PREFIX + updatedAt;
	return { _id, _rev: firstRev(_id), type: 'settings', updatedAt, value };
}

/** The id a finished exam has on every device. */
export function examDocId(exam: Pick<ExamResult, 'startedAt' | 'seed'>): string {
	return `${EXAM_PREFIX}${exam.startedAt}-${exam.seed}`;
}

/** A finished exam as a document. */
export function examDoc(exam: ExamResult & { id?: number }): CouchDoc {
	const { id: _local, ...rest } = exam;
	void _local;
	const _id = examDocId(exam);
	return { _id, _rev: firstRev(_id), type: 'exam', exam: rest };
}

/** The id a subscription's snapshot at `changedAt` has on every device. */
export function subscriptionDocId(url: string, changedAt: number): string {
	return `${SUBSCRIPTION_PREFIX}${hex128(url)}:${changedAt}`;
}

/** A pack subscription's snapshot as a document. */
export function subscriptionDoc(s: SyncedSubscription): CouchDoc {
	const _id = subscriptionDocId(s.url, s.changedAt);
	return { _id, _rev: firstRev(_id), sub: { ...s, packs: [...s.packs] } };
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isStr = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
const LEARNING: readonly LearningState[] = ['new', 'learning', 'review', 'relearning'];

function isState(x: unknown): x is CardState {
	if (!isObj(x)) return false;
	const numbers = ['due', 'stability', 'difficulty', 'scheduledDays', 'learningSteps', 'reps', 'lapses'];
	return (
		isStr(x.cardId) &&
		isStr(x.packId) &&
		LEARNING.includes(x.state as LearningState) &&
		numbers.every((k) => isNum(x[k])) &&
		(x.lastReview === null || isNum(x.lastReview))
	);
}

/** The array form back into the object form parseLog checks. */
function unpackLog(l: unknown): unknown {
	if (!Array.isArray(l) || l.length !== LOG_FIELDS.length + BEFORE_FIELDS.length) return null;
	const log: Obj = {};
	LOG_FIELDS.forEach((k, i) => {
		if (l[i] !== null) log[k] = l[i];
	});
	const before: Obj = { cardId: log.cardId, packId: log.packId };
	BEFORE_FIELDS.forEach((k, i) => (before[k] = l[LOG_FIELDS.length + i]));
	log.before = before;
	return log;
}

function parseLog(uid: string, x: unknown): SyncedLog | null {
	if (!isObj(x) || !isStr(x.cardId) || !isStr(x.packId) || !isNum(x.reviewedAt)) return null;
	if (!RATINGS.includes(x.rating as Rating) || !LEARNING.includes(x.state as LearningState)) return null;
	const numbers = ['elapsedDays', 'scheduledDays', 'stability', 'difficulty'];
	if (!numbers.every((k) => isNum(x[k])) || !isState(x.before)) return null;
	if (x.durationMs !== undefined && !isNum(x.durationMs)) return null;
	const log: SyncedLog = {
		uid,
		cardId: x.cardId as SyncedLog['cardId'],
		packId: x.packId as SyncedLog['packId'],
		rating: x.rating as Rating,
		state: x.state as LearningState,
		reviewedAt: x.reviewedAt,
		elapsedDays: x.elapsedDays as number,
		scheduledDays: x.scheduledDays as number,
		stability: x.stability as number,
		difficulty: x.difficulty as number,
		before: x.before
	};
	if (x.durationMs !== undefined) log.durationMs = x.durationMs;
	return log;
}

function isSubscription(x: unknown): x is SyncedSubscription {
	return (
		isObj(x) &&
		isStr(x.url) &&
		(x.kind === 'catalogue' || x.kind === 'pack') &&
		typeof x.title === 'string' &&
		typeof x.subscribed === 'boolean' &&
		Array.isArray(x.packs) &&
		x.packs.every(isStr) &&
		isNum(x.changedAt)
	);
}

function isExam(x: unknown): x is ExamResult {
	return (
		isObj(x) &&
		['startedAt', 'finishedAt', 'seed', 'correct', 'total', 'score'].every((k) => isNum(x[k])) &&
		(x.endedBy === 'submitted' || x.endedBy === 'time') &&
		typeof x.passed === 'boolean' &&
		isObj(x.config) &&
		Array.isArray(x.byDomain) &&
		Array.isArray(x.missed)
	);
}

/**
 * Reads a document from the server (untrusted: another app version or a hand edit may have written
 * it). Returns null for a document of ours that is malformed, so a bad one is skipped, never stored.
 */
export function parseDoc(doc: unknown): Incoming | null {
	if (!isObj(doc) || !isStr(doc._id)) return null;
	const id = doc._id;
	if (id.startsWith(LOG_PREFIX)) {
		const uid = id.slice(LOG_PREFIX.length);
		if (!uid) return null;
		if (doc._deleted === true) return { kind: 'log-deleted', uid };
		// `log` is the object form of the first sync release; `l` the array form since.
		const log = parseLog(uid, doc.l !== undefined ? unpackLog(doc.l) : doc.log);
		return log && { kind: 'log', log };
	}
	if (doc._deleted === true) return { kind: 'other', id };
	if (id.startsWith(SETTINGS_PREFIX))
		return isNum(doc.updatedAt) ? { kind: 'settings', value: doc.value, updatedAt: doc.updatedAt } : null;
	if (id.startsWith(EXAM_PREFIX)) return isExam(doc.exam) ? { kind: 'exam', exam: doc.exam } : null;
	if (id.startsWith(SUBSCRIPTION_PREFIX)) {
		if (!isSubscription(doc.sub)) return null;
		const { url, kind, title, subscribed, packs, changedAt } = doc.sub;
		return { kind: 'subscription', subscription: { url, kind, title, subscribed, packs, changedAt } };
	}
	return { kind: 'other', id };
}
