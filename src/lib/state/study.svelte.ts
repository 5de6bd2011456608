import { tick } from 'svelte';
import { itemKey, type QueueItem, type StudyScope } from '../core/queue';
import type { Rating, Scheduler } from '../core/scheduler';
import * as machine from '../core/session';
import { getDb } from '../storage/db';
import {
	buildQueue,
	buildQueueKeys,
	loadItems,
	loadSessionHistory,
	openSession,
	recordGrade,
	undoGrade
} from '../storage/study';
import { ensureBuiltIns } from './app.svelte';
import { settings } from './settings.svelte';
import { scopeKey } from './scope';
import { broadcast, listen } from './sync';

const DAY = 86_400_000;
/** Cards loaded before the first one shows; the rest of the queue loads behind it. */
const FIRST_BATCH = 10;

/** "10m", "3d", "2mo", "1.5y": how far ahead a grade brings the card back. */
export function formatInterval(ms: number): string {
	const min = ms / 60_000;
	if (min < 60) return `${Math.max(1, Math.round(min))}m`;
	if (min < 1440) return `${Math.round(min / 60)}h`;
	const d = ms / DAY;
	if (d < 30) return `${Math.round(d)}d`;
	if (d < 365) return `${Math.round(d / 30)}mo`;
	return `${Math.round((d / 365) * 10) / 10}y`;
}

/**
 * One study session: joins the pure session machine to storage. Every grade is stored before the
 * screen moves on; a stale grade (another tab got there first) moves on without writing.
 */
export class StudyState {
	readonly scope: StudyScope;
	session = $state.raw<machine.Session | null>(null);
	loading = $state(true);
	busy = $state(false);
	error = $state<string | null>(null);
	notice = $state<string | null>(null);
	#scheduler: Scheduler | null = null;
	#sessionId: string | undefined;
	#shownAt = 0;

	current = $derived(this.session?.current ?? null);
	answered = $derived(this.session?.phase === 'answered');
	suggested = $derived(this.session?.answer?.suggested ?? null);
	reviewed = $derived(this.session?.reviewed ?? 0);
	left = $derived(this.session ? machine.cardsLeft(this.session) : 0);
	canUndo = $derived(this.session ? machine.canUndo(this.session) : false);
	/** When each grade would bring the card on screen back ("10m", "3d"). */
	previews = $derived.by(() => {
		const c = this.current;
		if (!c || !this.#scheduler || this.scope.cram) return null;
		const p = this.#scheduler.preview(c.state, Date.now());
		return {
			again: formatInterval(p.again),
			hard: formatInterval(p.hard),
			good: formatInterval(p.good),
			easy: formatInterval(p.easy)
		};
	});

	constructor(scope: StudyScope) {
		this.scope = scope;
	}

	/** Loads the queue (resuming today's session for this scope) and listens to other tabs. */
	start(): () => void {
		void this.load();
		return listen((msg) => {
			if (msg.type === 'graded' && this.session) {
				this.session = machine.dropCard(this.session, msg.key, Date.now());
				this.#shown();
			} else if (msg.type === 'replaced') {
				void this.load();
			}
		});
	}

	async load(): Promise<void> {
		this.loading = true;
		try {
			await Promise.all([ensureBuiltIns(), settings.load()]);
			const db = getDb();
			const now = Date.now();
			const w = settings.window(now);
			this.#scheduler = settings.scheduler();
			performance.mark('deckhand:queue-start');
			// The first cards are loaded before the screen shows; the rest follow in the background.
			let items: QueueItem[];
			let later: Promise<QueueItem[]> = Promise.resolve([]);
			if (this.scope.cram) {
				items = await buildQueue(db, this.scope, w, settings.value, this.#scheduler);
			} else {
				const keys = await buildQueueKeys(db, this.scope, w, settings.value, this.#scheduler);
				performance.measure('deckhand:queue-keys', 'deckhand:queue-start');
				items = await loadItems(db, keys.slice(0, FIRST_BATCH));
				if (keys.length > FIRST_BATCH) later = loadItems(db, keys.slice(FIRST_BATCH));
			}
			performance.measure('deckhand:queue', 'deckhand:queue-start');
			let s = machine.startSession(items, now, this.scope.cram === true);
			if (!this.scope.cram) {
				const rec = await openSession(db, scopeKey(this.scope), now, w.dayStart);
				this.#sessionId = rec.id;
				const history = await loadSessionHistory(db, rec);
				s = { ...s, history, reviewed: history.length };
			}
			this.session = s;
			this.#shown();
			const rest = await later;
			if (rest.length && this.session) this.session = machine.enqueue(this.session, rest, Date.now());
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.loading = false;
		}
	}

	#shown(): void {
		this.#shownAt = performance.now();
	}

	/** The learner answered the card on screen (or revealed a flashcard). */
	answer(outcome: machine.Answer): void {
		if (this.session) this.session = machine.answer(this.session, outcome);
	}

	/** Grades the card on screen: stores it, then moves to the next card. */
	async grade(rating: Rating): Promise<void> {
		const s = this.session;
		const item = s?.current;
		if (!s || !item || s.phase !== 'answered' || this.busy || !this.#scheduler) return;
		this.busy = true;
		performance.mark('deckhand:grade');
		try {
			const now = Date.now();
			const duration = Math.round(performance.now() - this.#shownAt);
			if (s.cram) {
				this.session = machine.graded(s, item.state, null, now, rating);
			} else {
				const out = this.#scheduler.grade(item.state, rating, now, duration);
				const r = await recordGrade(getDb(), out.state, out.log, this.#sessionId);
				if (r.ok) {
					this.session = machine.graded(s, out.state, r.value, now, rating);
					this.error = null;
					this.notice = null;
					broadcast({ type: 'graded', key: itemKey(item) });
				} else if (r.errors.kind === 'stale') {
					this.notice = r.errors.message;
					this.session = machine.dropCard(s, itemKey(item), now);
				} else {
					this.error = r.errors.message;
				}
			}
			await tick();
			performance.measure('deckhand:grade-to-next', 'deckhand:grade');
			this.#shown();
		} finally {
			this.busy = false;
		}
	}

	/** Undoes the last grade: the stored state and log go back in one transaction, then the card returns. */
	async undo(): Promise<void> {
		const s = this.session;
		const last = s?.history[s.history.length - 1];
		if (!s || !last || this.busy) return;
		this.busy = true;
		try {
			if (last.logId === null) {
				this.session = machine.undone(s);
			} else {
				const r = await undoGrade(getDb(), last.logId, this.#sessionId);
				if (r.ok) {
					this.session = machine.undone(s);
					this.notice = null;
					broadcast({ type: 'undone', key: itemKey(last.item) });
				} else if (r.errors.kind === 'stale') {
					this.notice = r.errors.message;
					this.session = { ...s, history: s.history.slice(0, -1) };
				} else {
					this.error = r.errors.message;
				}
			}
			this.#shown();
		} finally {
			this.busy = false;
		}
	}
}
