/**
 * Reading what to study and writing grades. Every query here goes through an index so the home page
 * and the queue stay fast at tens of thousands of cards.
 */
import type { CardId, PackId } from '../core/pack/types';
import {
	inDrill,
	interleaveNew,
	inScope,
	orderDue,
	remaining,
	type QueueItem,
	type StudyScope
} from '../core/queue';
import type { CardState, ReviewLog, Scheduler } from '../core/scheduler';
import { fail, ok, type Result } from '../core/result';
import type { CardRecord, DeckhandDb, SessionRecord, StateRecord } from './db';
import { toFailure, type StorageFailure } from './errors';
import { isDue, loadToday, type DayWindow, type Limits, type StudyCounts } from './home';
import { countReviews } from './stats';
import { STATE_CODES, updateSummary } from './summary';

export type { QueueItem, StudyScope };

export * from './home';

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

/** A card picked for the queue, before its card and state are loaded. */
type Pick = [packId: string, cardId: string];

/**
 * The queue for a scope, as card keys in order: due (re)learning cards, due reviews by lowest predicted
 * recall, then new cards interleaved across sections in document order, within the day's limits. Read
 * from the section summaries, so it costs the same at 200 cards or 20,000.
 */
export async function buildQueueKeys(
	db: DeckhandDb,
	scope: StudyScope,
	w: DayWindow,
	limits: Limits,
	scheduler: Scheduler
): Promise<Pick[]> {
	return db.transaction('r', db.summaries, db.packs, db.logs, async () => {
		const [today, all, packs] = await Promise.all([
			loadToday(db, w.dayStart),
			scope.packId ? db.summaries.where('packId').equals(scope.packId).toArray() : db.summaries.toArray(),
			db.packs.toArray()
		]);
		const sums = all.filter((s) => inScope(scope, s.packId, s.sectionId));
		const sectionOrder = new Map<string, number>();
		for (const p of packs) for (const s of p.sections) sectionOrder.set(`${p.id}\u0000${s.id}`, s.order);
		sums.sort((a, b) =>
			a.packId === b.packId
				? (sectionOrder.get(`${a.packId}\u0000${a.sectionId}`) ?? 1e9) -
					(sectionOrder.get(`${b.packId}\u0000${b.sectionId}`) ?? 1e9)
				: a.packId < b.packId
					? -1
					: 1
		);
		interface Due {
			packId: string;
			cardId: string;
			state: CardState['state'];
			due: number;
			stability: number;
			lastReview: number;
		}
		const due: Due[] = [];
		const fresh: Pick[][] = [];
		for (const sum of sums) {
			const group: Pick[] = [];
			for (let i = 0; i < sum.ids.length; i++) {
				const st = STATE_CODES[sum.state[i]!]!;
				if (st === 'new') group.push([sum.packId, sum.ids[i]!]);
				else if (isDue(st, sum.due[i]!, w))
					due.push({
						packId: sum.packId,
						cardId: sum.ids[i]!,
						state: st,
						due: sum.due[i]!,
						stability: sum.stability[i]!,
						lastReview: sum.lastReview[i]!
					});
			}
			fresh.push(group);
		}
		const ordered = orderDue(
			due,
			w.now,
			(s, t) => scheduler.recallOf(s.stability, s.lastReview, t),
			remaining(limits.reviewsPerDay, today.reviewsDone)
		);
		const picks: Pick[] = ordered.map((d) => [d.packId, d.cardId]);
		return [...picks, ...interleaveNew(fresh, remaining(limits.newPerDay, today.newSeen))];
	});
}

/** Loads the cards and states of picked keys, in order (a card gone from its pack is skipped). */
export async function loadItems(db: DeckhandDb, picks: readonly Pick[]): Promise<QueueItem[]> {
	return db.transaction('r', db.states, db.cards, async () => {
		const [states, cards] = await Promise.all([db.states.bulkGet([...picks]), db.cards.bulkGet([...picks])]);
		const items: QueueItem[] = [];
		picks.forEach((_, i) => {
			const card = cards[i];
			const state = states[i];
			if (card && state) items.push({ card, state });
		});
		return items;
	});
}

/** The whole queue for a scope, loaded (cram: every card of the scope in document order). */
export async function buildQueue(
	db: DeckhandDb,
	scope: StudyScope,
	w: DayWindow,
	limits: Limits,
	scheduler: Scheduler
): Promise<QueueItem[]> {
	if (scope.cram) return cramQueue(db, scope);
	return loadItems(db, await buildQueueKeys(db, scope, w, limits, scheduler));
}

async function cramQueue(db: DeckhandDb, scope: StudyScope): Promise<QueueItem[]> {
	const cards = scope.packId
		? await db.cards.where('packId').equals(scope.packId).toArray()
		: await db.cards.toArray();
	const drill = scope.drill;
	const domains = new Map<string, string | undefined>();
	if (drill)
		for (const p of await db.packs.toArray())
			for (const s of p.sections) domains.set(`${p.id}\u0000${s.id}`, s.domain);
	const chosen = cards
		.filter((c) => inScope(scope, c.packId, c.sectionId))
		.filter((c) => !drill || inDrill(drill, c, domains.get(`${c.packId}\u0000${c.sectionId}`)))
		.sort((a, b) => a.order - b.order);
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
		return await db.transaction(
			'rw',
			[db.states, db.logs, db.sessions, db.summaries, db.reviewBlocks],
			async () => {
				const current = await db.states.get([state.packId, state.cardId]);
				if (!current || !sameState(current, log.before))
					return fail({ kind: 'stale' as const, message: STALE_MESSAGE });
				const next = { ...plain(state), sectionId: current.sectionId, order: current.order };
				await db.states.put(next);
				await updateSummary(db, next);
				const logId = await db.logs.add({ ...log, before: plain(log.before) });
				await countReviews(db, [log], 1);
				if (sessionId !== undefined) {
					const s = await db.sessions.get(sessionId);
					if (s) await db.sessions.put({ ...s, logIds: [...s.logIds, logId] });
				}
				return ok(logId);
			}
		);
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
		return await db.transaction(
			'rw',
			[db.states, db.logs, db.sessions, db.summaries, db.reviewBlocks],
			async () => {
				const log = await db.logs.get(logId);
				const current = log && (await db.states.get([log.packId, log.cardId]));
				if (!log || !current || current.reps !== log.before.reps + 1 || current.lastReview !== log.reviewedAt)
					return fail({
						kind: 'stale' as const,
						message: 'That grade was already undone or changed elsewhere.'
					});
				const before = plain(log.before);
				const restored = { ...before, sectionId: current.sectionId, order: current.order };
				await db.states.put(restored);
				await updateSummary(db, restored);
				await db.logs.delete(logId);
				await countReviews(db, [log], -1);
				if (sessionId !== undefined) {
					const s = await db.sessions.get(sessionId);
					if (s) await db.sessions.put({ ...s, logIds: s.logIds.filter((id) => id !== logId) });
				}
				return ok(before);
			}
		);
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
