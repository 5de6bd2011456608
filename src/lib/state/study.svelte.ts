import { tick } from 'svelte';
import { judgeAnswer, loadConfigChecker, needsConfigChecker, type Response } from '../core/answer/judge';
import { itemKey, type QueueItem, type StudyScope } from '../core/queue';
import type { CardState, Rating, ReviewLog, Scheduler } from '../core/scheduler';
import { DAY_MS } from '../core/scheduler/day';
import * as machine from '../core/session';
import { getDb } from '../storage/db';
import {
	buildQueue,
	buildQueueHead,
	loadItems,
	loadSessionHistory,
	openSession,
	recordGrade,
	undoGrade
} from '../storage/study';
import { ensureBuiltIns, startup } from './app.svelte';
import { clearNote, noteGrade } from './grade-journal';
import { settings } from './settings.svelte';
import { learnerScheduler } from './scheduling.svelte';
import { scopeKey } from './scope';
import { broadcast, listen } from './sync';

/** Cards loaded before the first one shows; the rest of the queue loads behind it. */
const FIRST_BATCH = 10;

/** "10m", "3d", "2mo", "1.5y": how far ahead a grade brings the card back. */
export function formatInterval(ms: number): string {
	const min = ms / 60_000;
	if (min < 60) return `${Math.max(1, Math.round(min))}m`;
	if (min < 1440) return `${Math.round(min / 60)}h`;
	const d = ms / DAY_MS;
	if (d < 30) return `${Math.round(d)}d`;
	if (d < 365) return `${Math.round(d / 30)}mo`;
	return `${Math.round((d / 365) * 10) / 10}y`;
}

interface WriteJob {
	entry: machine.GradedEntry;
	state: CardState;
	log: ReviewLog;
	cancelled: boolean;
	/** performance.now() when the grade was made. */
	at: number;
	/** Its note in the grade journal, removed once the write is done. */
	note: string | null;
}

/**
 * One study session: joins the pure session machine to storage. The next card shows as soon as a
 * grade is made; grades are written behind the screen, strictly in order, and a grade that could not be
 * written is taken back on screen (a stale one, graded in another tab first, just leaves the session).
 */
export class StudyState {
	readonly scope: StudyScope;
	session = $state.raw<machine.Session | null>(null);
	loading = $state(true);
	busy = $state(false);
	/** Grades shown but not yet written. */
	writing = $state(0);
	error = $state<string | null>(null);
	notice = $state<string | null>(null);
	#scheduler: Scheduler | null = null;
	#sessionId: string | undefined;
	#shownAt = 0;
	/** The write chain: each grade's write starts when the one before has finished. */
	#writes: Promise<void> = Promise.resolve();
	/** Grades waiting in the chain, oldest first. */
	#jobs: WriteJob[] = [];

	current = $derived(this.session?.current ?? null);
	answered = $derived(this.session?.phase === 'answered');
	/** The judgement of the answer to the card on screen, once answered. */
	judgement = $derived(this.session?.answer ?? null);
	suggested = $derived(this.session?.answer?.suggested ?? null);
	/** Grades stored in this session (a grade counts once it is written). */
	reviewed = $derived(Math.max(0, (this.session?.reviewed ?? 0) - this.writing));
	left = $derived(this.session ? machine.cardsLeft(this.session) : 0);
	/** Of those, cards in learning that come back later in this session (after their short step). */
	later = $derived(this.session?.pending.length ?? 0);
	canUndo = $derived(this.session ? machine.canUndo(this.session) : false);
	/**
	 * The intervals, worked out when the card is answered, and that time. A grade is made at that time:
	 * with fuzz on, FSRS seeds its random spread with the review time, so a later time could store an
	 * interval other than the one the button showed.
	 */
	#preview = $derived.by(() => {
		const c = this.current;
		if (!c || !this.answered || !this.#scheduler || this.scope.cram) return null;
		const at = Date.now();
		const p = this.#scheduler.preview(c.state, at);
		return {
			at,
			labels: {
				again: formatInterval(p.again),
				hard: formatInterval(p.hard),
				good: formatInterval(p.good),
				easy: formatInterval(p.easy)
			}
		};
	});
	/** When each grade would bring the card on screen back ("10m", "3d"), once it is answered. */
	previews = $derived(this.#preview?.labels ?? null);

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
			// Opening the database overlaps loading the storage code that reads it first.
			getDb()
				.open()
				.catch(() => undefined);
			await Promise.all([ensureBuiltIns(), settings.load()]);
			if (startup.lostGrades) this.error = startup.lostGrades;
			const db = getDb();
			const now = Date.now();
			const w = settings.window(now);
			this.#scheduler = await learnerScheduler();
			performance.mark('deckhand:queue-start');
			// The first cards are loaded before the screen shows; the rest follow in the background. Today's
			// session record is opened meanwhile (it is a write, to other tables).
			let items: QueueItem[];
			let later: Promise<QueueItem[]> = Promise.resolve([]);
			const opened = this.scope.cram ? null : openSession(db, scopeKey(this.scope), now, w.dayStart);
			// Awaited below; a queue that fails first is the error shown, and this one is not left unhandled.
			opened?.catch(() => undefined);
			if (this.scope.cram) {
				items = await buildQueue(db, this.scope, w, settings.value, this.#scheduler);
			} else {
				const head = await buildQueueHead(db, this.scope, w, settings.value, this.#scheduler, FIRST_BATCH);
				performance.measure('deckhand:queue-keys', 'deckhand:queue-start', 'deckhand:queue-keys-done');
				items = head.items;
				if (head.keys.length > FIRST_BATCH) later = loadItems(db, head.keys.slice(FIRST_BATCH));
			}
			performance.measure('deckhand:queue', 'deckhand:queue-start');
			let s = machine.startSession(items, now, this.scope.cram === true);
			if (opened) {
				const rec = await opened;
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

	/**
	 * The learner answered the card on screen (or revealed a flashcard): the answer is judged here, by
	 * core/answer. Synchronous but for a config answer, whose checker loads first (a failure to load
	 * rejects, and the answer stays on screen to try again).
	 */
	async respond(response: Response): Promise<void> {
		const item = this.current;
		if (!item || this.answered) return;
		const config = needsConfigChecker(item.card) ? await loadConfigChecker(item.card) : undefined;
		if (this.current !== item || !this.session) return;
		const judgement = judgeAnswer(item.card, response, config);
		if (judgement) this.session = machine.answer(this.session, judgement);
	}

	/**
	 * Grades the card on screen: the next card shows at once and the grade is written behind it, in
	 * order (one write at a time, in the order of the grades). A write that fails is undone on screen:
	 * see #write.
	 */
	async grade(rating: Rating): Promise<void> {
		const s = this.session;
		const item = s?.current;
		if (!s || !item || s.phase !== 'answered' || this.busy || !this.#scheduler) return;
		performance.mark('deckhand:grade');
		const now = this.#preview?.at ?? Date.now();
		const duration = Math.round(performance.now() - this.#shownAt);
		if (s.cram) {
			this.session = machine.graded(s, item.state, null, now, rating);
		} else {
			const out = this.#scheduler.grade(item.state, rating, now, duration);
			const next = machine.graded(s, out.state, null, now, rating);
			const entry = next.history[next.history.length - 1]!;
			this.session = next;
			const job: WriteJob = {
				entry,
				state: out.state,
				log: out.log,
				cancelled: false,
				at: performance.now(),
				// Synchronously, in the tap's handler: a page unloaded before the write still has the grade.
				note: noteGrade({ state: out.state, log: out.log, sessionId: this.#sessionId })
			};
			this.#jobs.push(job);
			this.writing++;
			this.#writes = this.#writes.then(() => this.#write(job));
		}
		await tick();
		performance.measure('deckhand:grade-to-next', 'deckhand:grade');
		this.#shown();
	}

	/**
	 * Writes one grade. Stored: its log id goes into the history (for Undo) and other tabs hear of it.
	 * Stale (another tab graded the card first): the grade leaves the count and the card leaves the
	 * session. Any other failure (out of space, say): this grade and every grade made after it, not yet
	 * written, are taken back and their cards come back on screen, so nothing is lost or counted twice.
	 */
	async #write(job: WriteJob): Promise<void> {
		if (job.cancelled) return;
		this.#jobs.splice(this.#jobs.indexOf(job), 1);
		try {
			const r = await recordGrade(getDb(), job.state, job.log, this.#sessionId);
			clearNote(job.note);
			if (!this.session) return;
			if (r.ok) {
				this.session = machine.stored(this.session, job.entry, r.value);
				performance.measure('deckhand:grade-stored', { start: job.at });
				broadcast({ type: 'graded', key: itemKey(job.entry.item) });
			} else if (r.errors.kind === 'stale') {
				this.notice = r.errors.message;
				this.session = machine.rejected(this.session, [job.entry], false, Date.now());
			} else {
				const later = this.#jobs.splice(0);
				for (const j of later) {
					j.cancelled = true;
					clearNote(j.note);
				}
				this.writing -= later.length;
				const n = 1 + later.length;
				this.error = `${r.errors.message} ${n === 1 ? 'That grade was' : `Those ${n} grades were`} taken back: the card is on screen again.`;
				this.session = machine.rejected(
					this.session,
					[job.entry, ...later.map((j) => j.entry)],
					true,
					Date.now()
				);
				this.#shown();
			}
		} finally {
			this.writing--;
		}
	}

	/** Resolves when every grade made so far has been written (or taken back). */
	settled(): Promise<void> {
		return this.#writes;
	}

	/** Undoes the last grade: the stored state and log go back in one transaction, then the card returns. */
	async undo(): Promise<void> {
		if (!this.session?.history.length || this.busy) return;
		this.busy = true;
		try {
			// The grade to undo may still be being written: wait for it (it may also have been taken back).
			await this.#writes;
			const s = this.session;
			const last = s?.history[s.history.length - 1];
			if (!s || !last) return;
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
