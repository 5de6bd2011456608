import {
	examConfig,
	examGrades,
	reduceExam,
	scoreExam,
	startExam,
	type ExamConfig,
	type ExamEvent,
	type ExamState
} from '../core/exam';
import { DCA_DOMAINS } from '../core/pack/domains';
import { Scheduler } from '../core/scheduler';
import { getDb } from '../storage/db';
import { getExam, listExams, loadExamCandidates, saveExam, type ExamRecord } from '../storage/exams';
import { getState, recordGrade } from '../storage/study';
import { ensureBuiltIns } from './app.svelte';

/** Default options, to grade the cards an exam answered. */
const scheduler = new Scheduler();

type Action = ExamEvent extends infer E ? (E extends ExamEvent ? Omit<E, 'now'> : never) : never;

/** The exam in progress (one at a time, kept across pages), its timer, and saving its result. */
export class ExamSession {
	exam = $state.raw<ExamState | null>(null);
	now = $state(Date.now());
	error = $state<string | null>(null);
	saving = $state(false);
	/** The history id of the exam just finished, once saved. */
	resultId = $state<number | null>(null);
	#timer: ReturnType<typeof setInterval> | null = null;

	remainingMs = $derived(this.exam ? Math.max(0, this.exam.deadline - this.now) : 0);

	/** Draws a new exam from the installed packs. Returns false (with `error` set) if it cannot. */
	async start(config: Partial<ExamConfig>): Promise<boolean> {
		this.error = null;
		this.resultId = null;
		try {
			await ensureBuiltIns();
			const candidates = await loadExamCandidates(getDb());
			if (candidates.length === 0) {
				this.error =
					'The installed packs have no multiple-choice or DOMC questions yet, so there is nothing to draw an exam from.';
				return false;
			}
			const now = Date.now();
			this.now = now;
			this.exam = startExam(candidates, DCA_DOMAINS, examConfig(config), now >>> 0, now);
			this.#startTimer();
			return true;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			return false;
		}
	}

	/** Applies a learner action at the current time; finishing saves the result. */
	act(action: Action): void {
		if (!this.exam) return;
		this.now = Date.now();
		this.#apply({ ...action, now: this.now } as ExamEvent);
	}

	#apply(event: ExamEvent): void {
		const before = this.exam;
		if (!before) return;
		const next = reduceExam(before, event);
		this.exam = next;
		if (before.phase !== 'finished' && next.phase === 'finished') void this.#finish(next);
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
		try {
			const db = getDb();
			const result = scoreExam(exam, DCA_DOMAINS);
			const id = await saveExam(db, result);
			let unsaved: string | null = null;
			if (exam.config.countAsReviews) {
				for (const g of examGrades(exam)) {
					const state = await getState(db, g.packId, g.cardId);
					if (!state) continue;
					const out = scheduler.grade(state, g.rating, result.finishedAt);
					const written = await recordGrade(db, out.state, out.log);
					if (!written.ok) unsaved ??= written.errors.message;
				}
			}
			this.resultId = id;
			if (unsaved)
				this.error = `The result is saved, but some answers could not be counted as reviews: ${unsaved}`;
		} catch (e) {
			this.error = `The exam ended but its result could not be saved: ${e instanceof Error ? e.message : String(e)}`;
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
