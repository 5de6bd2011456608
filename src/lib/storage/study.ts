/**
 * Reading what to study and writing grades. Every query here goes through an index so the home page
 * and the queue stay fast at tens of thousands of cards.
 */
import { cardKey, sectionKey } from '../core/pack/keys';
import type { CardId, PackId, SectionId } from '../core/pack/types';
import {
	inDrill,
	inScope,
	itemKey,
	orderDue,
	remaining,
	type QueueItem,
	type StudyScope
} from '../core/queue';
import { planDay } from '../core/queue/siblings';
import type { CardState, ReviewLog, Scheduler } from '../core/scheduler';
import { fail, ok, type Result } from '../core/result';
import { logUid } from '../core/sync/ids';
import type { CardRecord, DeckhandDb, SessionRecord, StateRecord } from './db';
import { findCards, isUnreviewed, readPackCards, unreviewedState } from './pack-cards';
import { toFailure, type StorageFailure } from './errors';
import { isDue, loadToday, type DayWindow, type Limits, type StudyCounts } from './home';
import { loadGradedToday, loadNewCandidates, loadSiblings } from './siblings';
import { isCounted } from './review-blocks';
import { countReviews } from './stats';
import { STATE_CODES, updateSummary } from './summary';

export type { QueueItem, StudyScope };

export * from './home';

/** How many studied cards are due by `now`, and how many cards are still new (all packs). */
export async function countStudy(db: DeckhandDb, now: number): Promise<StudyCounts> {
	// From the section summaries: a new card has no state record to count.
	const sums = await db.summaries.toArray();
	let due = 0;
	let fresh = 0;
	for (const sum of sums) {
		for (let i = 0; i < sum.ids.length; i++) {
			if (sum.state[i] === 0) fresh += 1;
			else if (sum.due[i]! <= now) due += 1;
		}
	}
	return { due, new: fresh };
}

/** A card picked for the queue, before its card and state are loaded. */
type Pick = [packId: string, cardId: string];

/**
 * The queue for a scope, as card keys in order: due (re)learning cards, due reviews by lowest predicted
 * recall, then new cards introduced by fact with kinds mixed, taking turns across sections, within the
 * day's limits; one card per fact a day (siblings of a card graded today wait for a later day). Read
 * from the section summaries and a bounded number of cards, so it costs about the same at 200 cards or
 * 20,000.
 */
export async function buildQueueKeys(
	db: DeckhandDb,
	scope: StudyScope,
	w: DayWindow,
	limits: Limits,
	scheduler: Scheduler
): Promise<Pick[]> {
	return db.transaction('r', [db.summaries, db.packs, db.logs, db.packCards], async () => {
		const [today, all, packs, graded] = await Promise.all([
			loadToday(db, w.dayStart),
			scope.packId ? db.summaries.where('packId').equals(scope.packId).toArray() : db.summaries.toArray(),
			db.packs.toArray(),
			loadGradedToday(db, w.dayStart)
		]);
		const sums = all.filter((s) => inScope(scope, s.packId, s.sectionId));
		const sectionOrder = new Map<string, number>();
		for (const p of packs) for (const s of p.sections) sectionOrder.set(sectionKey(p.id, s.id), s.order);
		sums.sort((a, b) =>
			a.packId === b.packId
				? (sectionOrder.get(sectionKey(a.packId, a.sectionId)) ?? 1e9) -
					(sectionOrder.get(sectionKey(b.packId, b.sectionId)) ?? 1e9)
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
		const reviewsLeft = remaining(limits.reviewsPerDay, today.reviewsDone);
		const newLeft = remaining(limits.newPerDay, today.newSeen);
		// A few reviews more than the day allows are read, so reviews held back as siblings leave room.
		const ordered = orderDue(
			due,
			w.now,
			(s, t) => scheduler.recallOf(s.stability, s.lastReview, t),
			reviewsLeft + Math.min(20, Math.ceil(reviewsLeft / 10))
		);
		const [siblings, candidates] = await Promise.all([
			loadSiblings(
				db,
				ordered.map((d) => [d.packId, d.cardId])
			),
			loadNewCandidates(db, fresh, newLeft)
		]);
		const dueCandidates = ordered.flatMap((d) => {
			const key = itemKey(d);
			const sibling = siblings.get(key);
			return sibling === undefined ? [] : [{ key, sibling, state: d.state }];
		});
		const keys = planDay({ due: dueCandidates, reviewsLeft, fresh: candidates, newLeft, graded });
		const pickOf = new Map<string, Pick>();
		for (const d of ordered) pickOf.set(itemKey(d), [d.packId, d.cardId]);
		for (const group of fresh) for (const p of group) pickOf.set(itemKey({ packId: p[0], cardId: p[1] }), p);
		return keys.map((k) => pickOf.get(k)!);
	});
}

/**
 * Loads the cards and states of picked keys, in order (a card gone from its pack is skipped). A card
 * never reviewed has no stored state: it gets a new one, due `now`.
 */
export async function loadItems(
	db: DeckhandDb,
	picks: readonly Pick[],
	now = Date.now()
): Promise<QueueItem[]> {
	return db.transaction('r', db.states, db.packCards, async () => {
		const [states, cards] = await Promise.all([db.states.bulkGet([...picks]), findCards(db, picks)]);
		const items: QueueItem[] = [];
		picks.forEach((_, i) => {
			const card = cards[i];
			if (card) items.push({ card, state: states[i] ?? unreviewedState(card, now) });
		});
		return items;
	});
}

/**
 * The queue's keys and its first `first` cards loaded, in one read-only transaction, so each pack's
 * cards are read once (see pack-cards.ts): what a study page needs to show its first card.
 */
export async function buildQueueHead(
	db: DeckhandDb,
	scope: StudyScope,
	w: DayWindow,
	limits: Limits,
	scheduler: Scheduler,
	first: number
): Promise<{ keys: Pick[]; items: QueueItem[] }> {
	return db.transaction('r', [db.summaries, db.packs, db.logs, db.packCards, db.states], async () => {
		const keys = await buildQueueKeys(db, scope, w, limits, scheduler);
		performance.mark('deckhand:queue-keys-done');
		return { keys, items: await loadItems(db, keys.slice(0, first), w.now) };
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
	const packIds = scope.packId ? [scope.packId] : (await db.packs.toCollection().primaryKeys()).sort();
	const cards: CardRecord[] = [];
	for (const packId of packIds) cards.push(...(await readPackCards(db, packId)));
	const drill = scope.drill;
	const domains = new Map<string, string | undefined>();
	if (drill)
		for (const p of await db.packs.toArray())
			for (const s of p.sections) domains.set(sectionKey(p.id, s.id), s.domain);
	const chosen = cards
		.filter((c) => inScope(scope, c.packId, c.sectionId))
		.filter((c) => !drill || inDrill(drill, c, domains.get(sectionKey(c.packId, c.sectionId))));
	const states = await db.states.bulkGet(chosen.map((c) => [c.packId, c.id] as [string, string]));
	const now = Date.now();
	return chosen.map((card, i) => ({ card, state: states[i] ?? unreviewedState(card, now) }));
}

/**
 * A card's stored state, or for a card of an installed pack never reviewed, its new state placed in its
 * section (found in the summaries; `order` is then its place within the section). Undefined for a card
 * no installed pack has. Call inside a transaction over states and summaries.
 */
async function currentState(
	db: DeckhandDb,
	packId: string,
	cardId: string,
	now: number
): Promise<{ state: StateRecord; stored: boolean } | undefined> {
	const stored = await db.states.get([packId, cardId]);
	if (stored) return { state: stored, stored: true };
	const sums = await db.summaries.where('packId').equals(packId).toArray();
	for (const sum of sums) {
		const i = sum.ids.indexOf(cardId as CardId);
		if (i >= 0) {
			const placed = { id: cardId as CardId, packId: packId as PackId, sectionId: sum.sectionId, order: i };
			return { state: unreviewedState(placed as Parameters<typeof unreviewedState>[0], now), stored: false };
		}
	}
	return undefined;
}

function sameState(a: CardState, b: CardState): boolean {
	return a.reps === b.reps && a.lastReview === b.lastReview && a.due === b.due && a.state === b.state;
}

export const STALE_MESSAGE = 'This card was already graded, in another tab or window. Moving on.';

/** The tables a grade writes. */
function gradeTables(db: DeckhandDb) {
	return [db.packCards, db.states, db.logs, db.sessions, db.summaries, db.reviewBlocks];
}

/**
 * Inside a transaction over `gradeTables`: writes one grade unless the stored state has moved on since
 * the grade was computed (then null). Returns the log's id.
 */
async function writeGrade(db: DeckhandDb, state: CardState, log: ReviewLog): Promise<number | null> {
	const found = await currentState(db, state.packId, state.cardId, log.reviewedAt);
	// A card never reviewed has no stored state: any grade made from a new state is its first.
	const fresh = found && !found.stored && isUnreviewed(log.before);
	const current = found?.state;
	if (!current || !(fresh || sameState(current, log.before))) return null;
	const next = { ...plain(state), sectionId: current.sectionId, order: current.order };
	await db.states.put(next);
	await updateSummary(db, next);
	const logId = await db.logs.add({ ...log, uid: logUid(log), before: plain(log.before) });
	await countReviews(db, [log], 1);
	return logId;
}

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
		return await db.transaction('rw', gradeTables(db), async () => {
			const logId = await writeGrade(db, state, log);
			if (logId === null) return fail({ kind: 'stale' as const, message: STALE_MESSAGE });
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

/**
 * Writes many grades in one transaction (an exam counted as reviews): all of them or, on a failure,
 * none. A grade whose card has been graded elsewhere since it was computed is left out (stale).
 * Returns the grades written.
 */
export async function recordGrades(
	db: DeckhandDb,
	grades: readonly { state: CardState; log: ReviewLog }[]
): Promise<Result<{ state: CardState; log: ReviewLog }[], StorageFailure>> {
	try {
		return await db.transaction('rw', gradeTables(db), async () => {
			const written: { state: CardState; log: ReviewLog }[] = [];
			for (const g of grades) if ((await writeGrade(db, g.state, g.log)) !== null) written.push(g);
			return ok(written);
		});
	} catch (e) {
		return fail(toFailure(e));
	}
}

/**
 * The current states of many cards, in order: the stored one, or for a card of an installed pack never
 * reviewed, its new state placed in its section (undefined for a card no installed pack has).
 */
export function getStates(
	db: DeckhandDb,
	keys: readonly (readonly [packId: string, cardId: string])[]
): Promise<(StateRecord | undefined)[]> {
	return db.transaction('r', db.states, db.summaries, async () => {
		const now = Date.now();
		const stored = await db.states.bulkGet(keys.map(([p, c]) => [p, c] as [string, string]));
		const missing = new Set(keys.filter((_, i) => !stored[i]).map(([p]) => p));
		// Where each never-reviewed card sits, from its pack's section summaries (read once per pack).
		const place = new Map<string, { sectionId: SectionId | ''; order: number }>();
		for (const packId of missing)
			for (const sum of await db.summaries.where('packId').equals(packId).toArray())
				sum.ids.forEach((id, order) => place.set(cardKey(packId, id), { sectionId: sum.sectionId, order }));
		return keys.map(([packId, cardId], i) => {
			const s = stored[i];
			if (s) return s;
			const p = place.get(cardKey(packId, cardId));
			if (!p) return undefined;
			const card = { id: cardId as CardId, packId: packId as PackId, ...p };
			return unreviewedState(card as Parameters<typeof unreviewedState>[0], now);
		});
	});
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
 * (stale) when the card has been graded again since, so an undo never erases a later review. The log's
 * stable id is noted for sync (table syncDeleted), so a review already sent is deleted on the server too.
 */
export async function undoGrade(
	db: DeckhandDb,
	logId: number,
	sessionId?: string
): Promise<Result<CardState, StorageFailure>> {
	try {
		return await db.transaction(
			'rw',
			[
				db.packCards,
				db.states,
				db.logs,
				db.sessions,
				db.summaries,
				db.reviewBlocks,
				db.settings,
				db.table('syncDeleted')
			],
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
				// Back to never reviewed: a new card keeps no state.
				if (isUnreviewed(before)) await db.states.delete([log.packId, log.cardId]);
				else await db.states.put(restored);
				await updateSummary(db, restored);
				await db.logs.delete(logId);
				if (log.uid) await db.table('syncDeleted').put({ uid: log.uid, at: log.reviewedAt });
				// A log the once-only count (review-blocks.ts) has not reached yet is not in the blocks.
				if (await isCounted(db, logId)) await countReviews(db, [log], -1);
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
	const cards = await findCards(
		db,
		found.map((l) => [l.packId, l.cardId] as [string, string])
	);
	const out: { item: QueueItem; logId: number }[] = [];
	found.forEach((l, i) => {
		const card = cards[i] as CardRecord | undefined;
		if (card) out.push({ item: { card, state: l.before }, logId: l.id });
	});
	return out;
}

/** A card's current scheduling state (a new one, due now, for a card never reviewed). */
export async function getState(
	db: DeckhandDb,
	packId: string,
	cardId: string
): Promise<StateRecord | undefined> {
	return db.transaction('r', db.states, db.summaries, async () => {
		return (await currentState(db, packId, cardId, Date.now()))?.state;
	});
}
