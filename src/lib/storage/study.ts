/**
 * Reading what to study and writing grades. Every query here goes through an index so the home page
 * and the queue stay fast at tens of thousands of cards.
 */
import type { CardId, PackId, SectionId } from '../core/pack/types';
import { interleaveNew, inScope, orderDue, remaining, type QueueItem, type StudyScope } from '../core/queue';
import type { CardState, ReviewLog, Scheduler } from '../core/scheduler';
import { fail, ok, type Result } from '../core/result';
import type { CardRecord, DeckhandDb, SessionRecord, StateRecord } from './db';
import { toFailure, type StorageFailure } from './errors';

export type { QueueItem, StudyScope };

export interface StudyCounts {
	due: number;
	new: number;
}

export interface SectionCounts extends StudyCounts {
	sectionId: SectionId;
	title: string;
	order: number;
}

export interface PackCounts extends StudyCounts {
	packId: PackId;
	title: string;
	sections: SectionCounts[];
}

export interface TodayProgress {
	/** Grades given today (since the day started). */
	reviewed: number;
	/** New cards seen for the first time today. */
	newSeen: number;
	/** Reviews of cards in the review state today. */
	reviewsDone: number;
}

export interface HomeCounts extends StudyCounts {
	/** New cards the learner may still start today (the per-day limit applied). */
	newAvailable: number;
	/** Due reviews the learner may still do today (the per-day limit applied). */
	dueAvailable: number;
	today: TodayProgress;
	packs: PackCounts[];
}

export interface DayWindow {
	now: number;
	/** When the study day began. */
	dayStart: number;
	/** When it ends: reviews due before then count as due today. */
	dayEnd: number;
}

export interface Limits {
	newPerDay: number;
	reviewsPerDay: number;
}

/** Whether a state is due within the day: learning cards by the minute, reviews by the day. */
function isDue(state: string, due: number, w: DayWindow): boolean {
	if (state === 'new') return false;
	return state === 'review' ? due < w.dayEnd : due <= w.now;
}

/** What was studied since the day began. */
export async function loadToday(db: DeckhandDb, dayStart: number): Promise<TodayProgress> {
	const logs = await db.logs.where('reviewedAt').aboveOrEqual(dayStart).toArray();
	return {
		reviewed: logs.length,
		newSeen: logs.filter((l) => l.state === 'new').length,
		reviewsDone: logs.filter((l) => l.state === 'review').length
	};
}

/**
 * The home page's figures in one read: due and new per pack and section from one index-only scan
 * (no card or state objects are loaded), and today's progress from the log index.
 */
export async function loadHomeCounts(db: DeckhandDb, w: DayWindow, limits: Limits): Promise<HomeCounts> {
	return db.transaction('r', db.states, db.packs, db.logs, async () => {
		const [keys, packs, today] = await Promise.all([
			db.states.orderBy('[packId+sectionId+state+due]').keys(),
			db.packs.toArray(),
			loadToday(db, w.dayStart)
		]);
		const bySection = new Map<string, StudyCounts>();
		for (const k of keys as unknown as [string, string, string, number][]) {
			const id = `${k[0]}\u0000${k[1]}`;
			let c = bySection.get(id);
			if (!c) bySection.set(id, (c = { due: 0, new: 0 }));
			if (k[2] === 'new') c.new += 1;
			else if (isDue(k[2], k[3], w)) c.due += 1;
		}
		const packCounts: PackCounts[] = packs
			.map((p) => {
				const sections = [...p.sections]
					.sort((a, b) => a.order - b.order)
					.map((s) => ({
						sectionId: s.id,
						title: s.title,
						order: s.order,
						...(bySection.get(`${p.id}\u0000${s.id}`) ?? { due: 0, new: 0 })
					}));
				return {
					packId: p.id,
					title: p.title,
					due: sections.reduce((n, s) => n + s.due, 0),
					new: sections.reduce((n, s) => n + s.new, 0),
					sections
				};
			})
			.sort((a, b) => a.title.localeCompare(b.title));
		const due = packCounts.reduce((n, p) => n + p.due, 0);
		const fresh = packCounts.reduce((n, p) => n + p.new, 0);
		return {
			due,
			new: fresh,
			newAvailable: Math.min(fresh, remaining(limits.newPerDay, today.newSeen)),
			dueAvailable: Math.min(due, remaining(limits.reviewsPerDay, today.reviewsDone)),
			today,
			packs: packCounts
		};
	});
}

/** How many studied cards are due by `now`, and how many cards are still new (all packs). */
export async function countStudy(db: DeckhandDb, now: number): Promise<StudyCounts> {
	return db.transaction('r', db.states, async () => {
		const fresh = await db.states.where('state').equals('new').count();
		let due = 0;
		for (const st of ['learning', 'review', 'relearning'])
			due += await db.states.where('[state+due]').between([st, -Infinity], [st, now], true, true).count();
		return { due, new: fresh };
	});
}

async function attachCards(db: DeckhandDb, states: StateRecord[]): Promise<QueueItem[]> {
	const cards = await db.cards.bulkGet(states.map((s) => [s.packId, s.cardId] as [string, string]));
	const items: QueueItem[] = [];
	states.forEach((state, i) => {
		const card = cards[i];
		if (card) items.push({ card, state });
	});
	return items;
}

/**
 * The queue for a scope: due (re)learning cards, due reviews by lowest predicted recall, then new cards
 * interleaved across sections in document order, within the day's limits. Cram takes every card of the
 * scope in document order, due or not.
 */
export async function buildQueue(
	db: DeckhandDb,
	scope: StudyScope,
	w: DayWindow,
	limits: Limits,
	scheduler: Scheduler
): Promise<QueueItem[]> {
	return db.transaction('r', db.states, db.cards, db.packs, db.logs, async () => {
		if (scope.cram) return cramQueue(db, scope);
		const today = await loadToday(db, w.dayStart);
		const due: StateRecord[] = [];
		for (const st of ['learning', 'relearning', 'review'] as const) {
			const upper = st === 'review' ? w.dayEnd : w.now;
			const rows = await db.states
				.where('[state+due]')
				.between([st, -Infinity], [st, upper], true, true)
				.toArray();
			for (const r of rows)
				if (inScope(scope, r.packId, r.sectionId) && isDue(r.state, r.due, w)) due.push(r);
		}
		const ordered = orderDue(
			due,
			w.now,
			(s, t) => scheduler.recall(s, t),
			remaining(limits.reviewsPerDay, today.reviewsDone)
		);

		const newLeft = remaining(limits.newPerDay, today.newSeen);
		let fresh: StateRecord[] = [];
		if (newLeft > 0) {
			const range = db.states.where('[state+packId+sectionId+order]').between(['new'], ['new', []]); // ['new', []] sorts after every ['new', packId, ...]
			const [keys, primaries, packs] = await Promise.all([
				range.keys(),
				range.primaryKeys(),
				db.packs.toArray()
			]);
			const sectionOrder = new Map<string, number>();
			for (const p of packs) for (const s of p.sections) sectionOrder.set(`${p.id}\u0000${s.id}`, s.order);
			const groups = new Map<string, [string, string][]>();
			(keys as unknown as [string, string, string, number][]).forEach((k, i) => {
				if (!inScope(scope, k[1], k[2])) return;
				const g = `${k[1]}\u0000${k[2]}`;
				let list = groups.get(g);
				if (!list) groups.set(g, (list = []));
				list.push(primaries[i] as unknown as [string, string]);
			});
			const ordering = [...groups.keys()].sort((a, b) => {
				const pa = a.split('\u0000')[0]!;
				const pb = b.split('\u0000')[0]!;
				return pa === pb ? (sectionOrder.get(a) ?? 1e9) - (sectionOrder.get(b) ?? 1e9) : pa < pb ? -1 : 1;
			});
			const picked = interleaveNew(
				ordering.map((g) => groups.get(g)!),
				newLeft
			);
			fresh = (await db.states.bulkGet(picked)).filter((s): s is StateRecord => s !== undefined);
		}
		return attachCards(db, [...ordered, ...fresh]);
	});
}

async function cramQueue(db: DeckhandDb, scope: StudyScope): Promise<QueueItem[]> {
	const cards = scope.packId
		? await db.cards.where('packId').equals(scope.packId).toArray()
		: await db.cards.toArray();
	const chosen = cards.filter((c) => inScope(scope, c.packId, c.sectionId)).sort((a, b) => a.order - b.order);
	const states = await db.states.bulkGet(chosen.map((c) => [c.packId, c.id] as [string, string]));
	const items: QueueItem[] = [];
	chosen.forEach((card, i) => {
		const state = states[i];
		if (state) items.push({ card, state });
	});
	return items;
}

function sameState(a: CardState, b: CardState): boolean {
	return a.reps === b.reps && a.lastReview === b.lastReview && a.due === b.due && a.state === b.state;
}

export const STALE_MESSAGE = 'This card was already graded, in another tab or window. Moving on.';

/**
 * Writes a grade: the card's new state and its review log, together or not at all. The grade carries
 * the state it was computed from (`log.before`); if the stored state has moved on since (another tab
 * graded the card), nothing is written and the result says so. With a session id, the log joins the
 * session's record in the same transaction, so Undo survives a reload.
 */
export async function recordGrade(
	db: DeckhandDb,
	state: CardState,
	log: ReviewLog,
	sessionId?: string
): Promise<Result<number, StorageFailure>> {
	try {
		return await db.transaction('rw', db.states, db.logs, db.sessions, async () => {
			const current = await db.states.get([state.packId, state.cardId]);
			if (!current || !sameState(current, log.before))
				return fail({ kind: 'stale' as const, message: STALE_MESSAGE });
			await db.states.put({ ...plain(state), sectionId: current.sectionId, order: current.order });
			const logId = await db.logs.add({ ...log, before: plain(log.before) });
			if (sessionId !== undefined) {
				const s = await db.sessions.get(sessionId);
				if (s) await db.sessions.put({ ...s, logIds: [...s.logIds, logId] });
			}
			return ok(logId);
		});
	} catch (e) {
		return fail(toFailure(e));
	}
}

/** A CardState without the storage-only fields a StateRecord adds. */
function plain(s: CardState): CardState {
	return {
		cardId: s.cardId,
		packId: s.packId,
		state: s.state,
		due: s.due,
		stability: s.stability,
		difficulty: s.difficulty,
		scheduledDays: s.scheduledDays,
		learningSteps: s.learningSteps,
		reps: s.reps,
		lapses: s.lapses,
		lastReview: s.lastReview
	};
}

/**
 * Undoes a grade: puts back the state the log replaced and deletes the log, in one transaction. Refused
 * (stale) when the card has been graded again since, so an undo never erases a later review.
 */
export async function undoGrade(
	db: DeckhandDb,
	logId: number,
	sessionId?: string
): Promise<Result<CardState, StorageFailure>> {
	try {
		return await db.transaction('rw', db.states, db.logs, db.sessions, async () => {
			const log = await db.logs.get(logId);
			const current = log && (await db.states.get([log.packId, log.cardId]));
			if (!log || !current || current.reps !== log.before.reps + 1 || current.lastReview !== log.reviewedAt)
				return fail({
					kind: 'stale' as const,
					message: 'That grade was already undone or changed elsewhere.'
				});
			const before = plain(log.before);
			await db.states.put({ ...before, sectionId: current.sectionId, order: current.order });
			await db.logs.delete(logId);
			if (sessionId !== undefined) {
				const s = await db.sessions.get(sessionId);
				if (s) await db.sessions.put({ ...s, logIds: s.logIds.filter((id) => id !== logId) });
			}
			return ok(before);
		});
	} catch (e) {
		return fail(toFailure(e));
	}
}

/** Opens the session for a scope: the stored one if it is from today, else a fresh one. */
export async function openSession(
	db: DeckhandDb,
	id: string,
	now: number,
	dayStart: number
): Promise<SessionRecord> {
	return db.transaction('rw', db.sessions, async () => {
		const s = await db.sessions.get(id);
		if (s && s.dayStart === dayStart) return s;
		const fresh: SessionRecord = { id, startedAt: now, dayStart, logIds: [] };
		await db.sessions.put(fresh);
		return fresh;
	});
}

/** The grades a stored session made, oldest first, with their cards, for Undo after a reload. */
export async function loadSessionHistory(
	db: DeckhandDb,
	s: SessionRecord
): Promise<{ item: QueueItem; logId: number }[]> {
	const logs = await db.logs.bulkGet(s.logIds);
	const found = logs.filter((l): l is ReviewLog & { id: number } => l !== undefined && l.id !== undefined);
	const cards = await db.cards.bulkGet(found.map((l) => [l.packId, l.cardId] as [string, string]));
	const out: { item: QueueItem; logId: number }[] = [];
	found.forEach((l, i) => {
		const card = cards[i] as CardRecord | undefined;
		if (card) out.push({ item: { card, state: l.before }, logId: l.id });
	});
	return out;
}

/** A card's current scheduling state. */
export function getState(db: DeckhandDb, packId: string, cardId: string): Promise<StateRecord | undefined> {
	return db.states.get([packId, cardId]);
}

/** The key a card has across packs (matches `itemKey` in the queue). */
export function cardKey(packId: PackId | string, cardId: CardId | string): string {
	return `${packId}\u0000${cardId}`;
}
