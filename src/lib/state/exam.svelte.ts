import {
	examConfig,
	examGrades,
	examPool,
	reduceExam,
	saveExamState,
	scoreExam,
	startExam,
	type ExamConfig,
	type ExamEvent,
	type ExamPool,
	type ExamState,
	type SavedExam
} from '../core/exam';
import { DCA_DOMAINS } from '../core/pack/domains';
import { itemKey } from '../core/queue';
import { getDb } from '../storage/db';
import {
	claimRunningExam,
	discardRunningExam,
	finishRunningExam,
	getExam,
	listExams,
	loadExamCandidates,
	loadRunningExam,
	saveExam,
	saveRunningExam,
	type ExamRecord
} from '../storage/exams';
import { getStates, recordGrades } from '../storage/study';
import { ensureBuiltIns } from './app.svelte';
import { learnerScheduler } from './scheduling.svelte';
import { broadcast } from './sync';

type Action = ExamEvent extends infer E ? (E extends ExamEvent ? Omit<E, 'now'> : never) : never;

/** Tells other tabs which copy now holds the exam in progress (null: none, it ended or was discarded). */
type ExamMessage = { claim: string | null };
const CHANNEL = 'deckhand-exam';

function newClaim(): string {
	return crypto.randomUUID();
}

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

/**
 * The exam in progress (one at a time, kept across pages), its timer, and saving its result. Every
 * answer is also kept on the device (see storage/exams.ts), so a reload or a tab the phone killed can
 * resume it; the deadline is an absolute time, so the clock runs on while the learner is away.
 */
export class ExamSession {
	exam = $state.raw<ExamState | null>(null);
	now = $state(Date.now());
	error = $state<string | null>(null);
	saving = $state(false);
	/** The history id of the exam just finished, once saved. */
	resultId = $state<number | null>(null);
	/** An exam kept on the device that this tab is not running: offered to resume or discard. */
	saved = $state.raw<SavedExam | null>(null);
	/** A kept exam that could not be read back (offered to discard). */
	unreadable = $state(false);
	#timer: ReturnType<typeof setInterval> | null = null;
	/** This copy's right to write the kept exam; null when it is not kept (it could not be written). */
	#claim: string | null = null;
	/** Saves in order: each starts when the one before has finished. */
	#writes: Promise<void> = Promise.resolve();
	#channel: BroadcastChannel | null = null;

	remainingMs = $derived(this.exam ? Math.max(0, this.exam.deadline - this.now) : 0);
	running = $derived(this.exam !== null && this.exam.phase !== 'finished');

	/** Draws a new exam from the installed packs. Returns false (with `error` set) if it cannot. */
	async start(config: Partial<ExamConfig>): Promise<boolean> {
		this.error = null;
		this.resultId = null;
		try {
			await ensureBuiltIns();
			const candidates = await loadExamCandidates(getDb());
			if (candidates.length === 0) {
				this.error =
					"The installed packs have no exam questions (multiple choice, DOMC, scenario, multiple select or read the output) in the exam's domains yet, so there is nothing to draw an exam from.";
				return false;
			}
			const now = Date.now();
			this.now = now;
			const exam = startExam(candidates, DCA_DOMAINS, examConfig(config), now >>> 0, now);
			await this.#take(exam, now);
			return true;
		} catch (e) {
			this.error = message(e);
			return false;
		}
	}

	/**
	 * Looks for an exam kept on the device when this tab is not running one: offers it, or, when its
	 * time ran out while the learner was away, scores it (`resultId` is set once it is in the history).
	 */
	async check(): Promise<void> {
		if (this.running) return;
		this.#listen();
		try {
			const r = await loadRunningExam(getDb());
			if (this.running) return;
			if (!r.ok) {
				this.saved = null;
				this.unreadable = true;
				return;
			}
			this.unreadable = false;
			const saved = r.value;
			if (saved === null) {
				this.saved = null;
				return;
			}
			const now = Date.now();
			if (now >= saved.exam.deadline || saved.exam.phase === 'finished') {
				// The clock ran on while the learner was away: the exam ended at its deadline.
				this.saved = null;
				this.#claim = saved.claim;
				this.now = now;
				this.exam = saved.exam;
				if (saved.exam.phase === 'finished') void this.#finish(saved.exam);
				else this.#apply({ type: 'tick', now });
				return;
			}
			this.saved = saved;
		} catch (e) {
			this.error = `Could not look for an exam in progress: ${message(e)}`;
		}
	}

	/** Carries on with the kept exam in this tab; any other tab running it stops. */
	async resume(): Promise<void> {
		const saved = this.saved;
		if (!saved) return;
		this.error = null;
		this.resultId = null;
		this.saved = null;
		const now = Date.now();
		await this.#take(saved.exam, now);
		this.#apply({ type: 'tick', now });
	}

	/** Forgets the kept exam without scoring it. */
	async discard(): Promise<void> {
		try {
			await discardRunningExam(getDb());
			this.saved = null;
			this.unreadable = false;
			this.#tell(null);
		} catch (e) {
			this.error = `Could not discard the exam: ${message(e)}`;
		}
	}

	/** Applies a learner action at the current time; it is kept on the device, and finishing saves the result. */
	act(action: Action): void {
		if (!this.exam) return;
		this.now = Date.now();
		this.#apply({ ...action, now: this.now } as ExamEvent);
	}

	/** Runs `exam` in this tab, claiming the kept copy so that no other tab writes it any more. */
	async #take(exam: ExamState, now: number): Promise<void> {
		const claim = newClaim();
		this.#listen();
		const kept = await claimRunningExam(getDb(), saveExamState(exam, claim, now));
		this.#claim = kept.ok ? claim : null;
		if (!kept.ok)
			this.error = `This exam cannot be kept on the device, so a reload would lose it: ${kept.errors.message}`;
		else this.#tell(claim);
		this.now = now;
		this.exam = exam;
		this.#startTimer();
	}

	#apply(event: ExamEvent): void {
		const before = this.exam;
		if (!before) return;
		const next = reduceExam(before, event);
		if (next === before) return;
		this.exam = next;
		if (next.phase === 'finished') {
			if (before.phase !== 'finished') void this.#finish(next);
		} else this.#keep(next);
	}

	/** Saves the exam after an answer, behind the screen and in order. */
	#keep(exam: ExamState): void {
		const claim = this.#claim;
		if (claim === null) return;
		this.#writes = this.#writes.then(async () => {
			if (this.#claim !== claim) return;
			const r = await saveRunningExam(getDb(), saveExamState(exam, claim, Date.now()));
			if (!r.ok) {
				if (r.errors.kind === 'stale') this.#lose(r.errors.message);
				else this.error = `Your last answer is on screen but was not kept on the device: ${r.errors.message}`;
			}
		});
	}

	/** Another tab took the exam over (or ended it): this one stops, saying why. */
	#lose(why: string): void {
		if (!this.running) return;
		this.#stopTimer();
		this.#claim = null;
		this.exam = null;
		this.error = why;
	}

	#listen(): void {
		if (this.#channel || typeof BroadcastChannel === 'undefined') return;
		this.#channel = new BroadcastChannel(CHANNEL);
		this.#channel.onmessage = (e: MessageEvent<ExamMessage>) => {
			if (this.running) {
				if (e.data.claim !== this.#claim)
					this.#lose(
						e.data.claim === null
							? 'This exam was finished or discarded in another tab, so answers given here are no longer saved.'
							: 'This exam was resumed in another tab, so answers given here are no longer saved. Carry on in that tab.'
					);
			} else if (this.saved || this.unreadable) void this.check();
		};
	}

	#tell(claim: string | null): void {
		this.#channel?.postMessage({ claim } satisfies ExamMessage);
	}

	#startTimer(): void {
		this.#stopTimer();
		this.#timer = setInterval(() => {
			this.now = Date.now();
			this.#apply({ type: 'tick', now: this.now });
		}, 1000);
	}

	#stopTimer(): void {
		if (this.#timer !== null) clearInterval(this.#timer);
		this.#timer = null;
	}

	async #finish(exam: ExamState): Promise<void> {
		this.#stopTimer();
		this.saving = true;
		const claim = this.#claim;
		// After the answers still being kept, so the last of them cannot overwrite the end.
		await this.#writes;
		try {
			const db = getDb();
			const result = scoreExam(exam, DCA_DOMAINS);
			let id: number;
			if (claim === null) id = await saveExam(db, result);
			else {
				const r = await finishRunningExam(db, claim, result);
				if (!r.ok) {
					this.exam = null;
					this.error =
						r.errors.kind === 'stale'
							? 'This exam was resumed, finished or discarded in another tab, so it was not scored here.'
							: `The exam ended but its result could not be saved: ${r.errors.message}`;
					return;
				}
				id = r.value;
				this.#tell(null);
			}
			this.#claim = null;
			let unsaved: string | null = null;
			if (exam.config.countAsReviews) unsaved = await countAsReviews(exam, result.finishedAt);
			this.resultId = id;
			if (unsaved)
				this.error = `The result is saved, but some answers could not be counted as reviews: ${unsaved}`;
		} catch (e) {
			this.error = `The exam ended but its result could not be saved: ${message(e)}`;
		} finally {
			this.saving = false;
		}
	}

	/** Forgets a finished exam once its result is on screen. */
	clear(): void {
		this.#stopTimer();
		this.exam = null;
		this.resultId = null;
	}
}

export const examSession = new ExamSession();

/**
 * Grades the cards an exam answered (right: Good, wrong: Again) at `at` with the learner's scheduler, in
 * one transaction, and tells other tabs as a study grade does. Returns why nothing was written, if so.
 */
export async function countAsReviews(exam: ExamState, at: number): Promise<string | null> {
	const db = getDb();
	const grades = examGrades(exam);
	const [scheduler, states] = await Promise.all([
		learnerScheduler(),
		getStates(
			db,
			grades.map((g) => [g.packId, g.cardId])
		)
	]);
	const outs = grades.flatMap((g, i) => {
		const state = states[i];
		return state ? [scheduler.grade(state, g.rating, at)] : [];
	});
	const written = await recordGrades(db, outs);
	if (!written.ok) return written.errors.message;
	for (const g of written.value) broadcast({ type: 'graded', key: itemKey(g.state) });
	return null;
}

/** The exam history list. */
export class ExamHistoryState {
	exams = $state.raw<ExamRecord[]>([]);
	loading = $state(true);
	error = $state<string | null>(null);

	async load(): Promise<void> {
		try {
			this.exams = await listExams(getDb());
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.loading = false;
		}
	}
}

/** What the exam draws from: the in-exam questions of the installed packs, per domain. */
export class ExamPoolState {
	pool = $state.raw<ExamPool | null>(null);
	error = $state<string | null>(null);

	async load(): Promise<void> {
		try {
			await ensureBuiltIns();
			this.pool = examPool(await loadExamCandidates(getDb()), DCA_DOMAINS);
		} catch (e) {
			this.error = message(e);
		}
	}
}

/** One result from the history. */
export class ExamResultState {
	result = $state.raw<ExamRecord | null>(null);
	loading = $state(true);
	error = $state<string | null>(null);

	async load(id: number): Promise<void> {
		try {
			const r = await getExam(getDb(), id);
			if (r) this.result = r;
			else this.error = 'There is no exam with this number in your history.';
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.loading = false;
		}
	}
}

/**
 * For the exam pages, during component set-up: looks for a saved exam when the page opens, and hands
 * over the history id of one scored on return (its time ran out while the learner was away).
 */
export function watchRunningExam(onResult: (id: number) => void): { readonly checked: boolean } {
	let checked = $state(false);
	// In a task of its own after the page's hydration: the check opens the database.
	$effect(() => {
		const id = setTimeout(() => void examSession.check().then(() => (checked = true)), 0);
		return () => clearTimeout(id);
	});
	$effect(() => {
		const id = examSession.resultId;
		if (id === null) return;
		examSession.clear();
		onResult(id);
	});
	return {
		get checked() {
			return checked;
		}
	};
}
