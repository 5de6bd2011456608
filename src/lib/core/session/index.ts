/**
 * The study session as a pure state machine: state + event -> state. It never touches storage. The
 * state layer shows the next card as soon as a grade is made and writes it behind the screen; a grade
 * that could not be stored comes back through `rejected`, so nothing is lost or counted twice.
 */
import type { Judgement } from '../answer/judge';
import { itemKey, type QueueItem } from '../queue';
import type { CardState, Rating } from '../scheduler/types';

/** The judgement of the answer to the card on screen (core/answer/judge.ts). */
export type Answer = Judgement;

/** A grade that was stored, kept so Undo can put the card back exactly. */
export interface GradedEntry {
	item: QueueItem;
	/** The review log's id; null in cram mode, which stores nothing, and while the grade is being written. */
	logId: number | null;
}

export interface Session {
	/** The card on screen, or null when the session is over. */
	current: QueueItem | null;
	phase: 'question' | 'answered';
	answer: Answer | null;
	/** Cards still to show, in order. */
	queue: readonly QueueItem[];
	/** (Re)learning cards waiting to come back this session, earliest due first. */
	pending: readonly QueueItem[];
	history: readonly GradedEntry[];
	reviewed: number;
	cram: boolean;
}

/** Starts a session over a queue built for `now`. */
export function startSession(items: readonly QueueItem[], now: number, cram = false): Session {
	return advance(
		{
			current: null,
			phase: 'question',
			answer: null,
			queue: items,
			pending: [],
			history: [],
			reviewed: 0,
			cram
		},
		now
	);
}

/** Picks the next card: a learning card that has fallen due, else the queue, else learn ahead. */
function advance(s: Session, now: number): Session {
	const [firstPending, ...restPending] = s.pending;
	if (firstPending && firstPending.state.due <= now) {
		return { ...s, current: firstPending, pending: restPending, phase: 'question', answer: null };
	}
	const [next, ...rest] = s.queue;
	if (next) return { ...s, current: next, queue: rest, phase: 'question', answer: null };
	if (firstPending)
		return { ...s, current: firstPending, pending: restPending, phase: 'question', answer: null };
	return { ...s, current: null, phase: 'question', answer: null };
}

/** The learner answered (or revealed) the card on screen. */
export function answer(s: Session, a: Answer): Session {
	if (!s.current || s.phase !== 'question') return s;
	return { ...s, phase: 'answered', answer: a };
}

function insertByDue(list: readonly QueueItem[], item: QueueItem): QueueItem[] {
	const i = list.findIndex((x) => x.state.due > item.state.due);
	return i < 0 ? [...list, item] : [...list.slice(0, i), item, ...list.slice(i)];
}

/**
 * The grade of the card on screen was stored: `next` is its new state, `logId` its log. A card still
 * in (re)learning comes back in this session once it falls due; in cram, a card graded Again comes
 * back after a few others.
 */
export function graded(
	s: Session,
	next: CardState,
	logId: number | null,
	now: number,
	rating: Rating
): Session {
	const item = s.current;
	if (!item) return s;
	const history = [...s.history, { item, logId }];
	let { queue, pending } = s;
	if (s.cram) {
		if (rating === 'again') queue = [...queue.slice(0, 3), item, ...queue.slice(3)];
	} else if (next.state === 'learning' || next.state === 'relearning') {
		pending = insertByDue(pending, { card: item.card, state: next });
	}
	return advance({ ...s, current: null, queue, pending, history, reviewed: s.reviewed + 1 }, now);
}

/** The last grade was undone in storage: its card comes back on screen with the state it had. */
export function undone(s: Session): Session {
	const last = s.history[s.history.length - 1];
	if (!last) return s;
	const key = itemKey(last.item);
	const drop = (list: readonly QueueItem[]) => list.filter((x) => itemKey(x) !== key);
	const back = s.current && itemKey(s.current) !== key ? [s.current] : [];
	return {
		...s,
		current: last.item,
		phase: 'question',
		answer: null,
		queue: [...back, ...drop(s.queue)],
		pending: drop(s.pending),
		history: s.history.slice(0, -1),
		reviewed: Math.max(0, s.reviewed - 1)
	};
}

/** A card was graded elsewhere (another tab): take it out of this session. */
export function dropCard(s: Session, key: string, now: number): Session {
	const keep = (list: readonly QueueItem[]) => list.filter((x) => itemKey(x) !== key);
	const next = { ...s, queue: keep(s.queue), pending: keep(s.pending) };
	if (s.current && itemKey(s.current) === key) return advance({ ...next, current: null }, now);
	return next;
}

/** More cards for the end of the queue (the rest of a queue loaded in batches); skips any already here. */
export function enqueue(s: Session, items: readonly QueueItem[], now: number): Session {
	const have = new Set([...s.queue, ...s.pending, ...(s.current ? [s.current] : [])].map(itemKey));
	const queue = [...s.queue, ...items.filter((i) => !have.has(itemKey(i)))];
	return s.current ? { ...s, queue } : advance({ ...s, queue }, now);
}

/**
 * Grades that were shown but could not be stored. Their history entries go (and their count). With
 * `putBack` their cards come back on screen, earliest first, with the state they had before (the one
 * still stored), ahead of the card on screen; without it (graded elsewhere) they leave the session.
 */
export function rejected(
	s: Session,
	entries: readonly GradedEntry[],
	putBack: boolean,
	now: number
): Session {
	if (!entries.length) return s;
	const gone = new Set(entries);
	const keys = new Set(entries.map((e) => itemKey(e.item)));
	const history = s.history.filter((e) => !gone.has(e));
	const reviewed = Math.max(0, s.reviewed - (s.history.length - history.length));
	const drop = (list: readonly QueueItem[]) => list.filter((x) => !keys.has(itemKey(x)));
	const onScreen = s.current && !keys.has(itemKey(s.current)) ? s.current : null;
	const base = { ...s, history, reviewed, queue: drop(s.queue), pending: drop(s.pending) };
	if (!putBack) return onScreen === s.current ? base : advance({ ...base, current: null }, now);
	// The earliest entry of each card holds the state that is still stored.
	const seen = new Set<string>();
	const back: QueueItem[] = [];
	for (const e of entries) {
		const k = itemKey(e.item);
		if (!seen.has(k)) {
			seen.add(k);
			back.push(e.item);
		}
	}
	const [first, ...rest] = back;
	return {
		...base,
		current: first!,
		phase: 'question',
		answer: null,
		queue: [...rest, ...(onScreen ? [onScreen] : []), ...base.queue]
	};
}

/** A grade was stored: its history entry gets the log's id, so Undo can find it. */
export function stored(s: Session, entry: GradedEntry, logId: number): Session {
	const i = s.history.indexOf(entry);
	if (i < 0) return s;
	return { ...s, history: s.history.map((e, k) => (k === i ? { ...e, logId } : e)) };
}

/** Whether the last grade can be undone. */
export function canUndo(s: Session): boolean {
	return s.history.length > 0;
}

/** Cards left, counting the one on screen and learning cards still to come back. */
export function cardsLeft(s: Session): number {
	return (s.current ? 1 : 0) + s.queue.length + s.pending.length;
}
