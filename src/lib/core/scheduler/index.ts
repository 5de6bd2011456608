/**
 * The only module that imports ts-fsrs. It maps ts-fsrs's snake_case records and numeric enums to our
 * CardState and ReviewLog, so nothing else in the app depends on the library's shapes.
 */
import {
	computeDecayFactor,
	createEmptyCard,
	fsrs,
	generatorParameters,
	roundTo,
	Rating as FsrsRating,
	State as FsrsState,
	type Card as FsrsCard,
	type FSRS,
	type Grade,
	type StepUnit
} from 'ts-fsrs';
import type { CardId, PackId } from '../pack/types';
import type { StudySettings } from './settings';
import { schedulerOptions } from './settings';
import type { CardState, LearningState, Rating, ReviewLog, SchedulerOptions } from './types';

export * from './types';
export * from './day';
export * from './settings';
export * from './new-state';

import { DAY_MS } from './day';

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = {
	desiredRetention: 0.9,
	maximumIntervalDays: 36_500,
	enableFuzz: true,
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m']
};

const toFsrsState: Record<LearningState, FsrsState> = {
	new: FsrsState.New,
	learning: FsrsState.Learning,
	review: FsrsState.Review,
	relearning: FsrsState.Relearning
};
const fromFsrsState: Record<FsrsState, LearningState> = {
	[FsrsState.New]: 'new',
	[FsrsState.Learning]: 'learning',
	[FsrsState.Review]: 'review',
	[FsrsState.Relearning]: 'relearning'
};
const toFsrsRating: Record<Rating, Grade> = {
	again: FsrsRating.Again,
	hard: FsrsRating.Hard,
	good: FsrsRating.Good,
	easy: FsrsRating.Easy
};

function toFsrsCard(s: CardState): FsrsCard {
	return {
		due: new Date(s.due),
		stability: s.stability,
		difficulty: s.difficulty,
		elapsed_days: 0,
		scheduled_days: s.scheduledDays,
		learning_steps: s.learningSteps,
		reps: s.reps,
		lapses: s.lapses,
		state: toFsrsState[s.state],
		last_review: s.lastReview === null ? undefined : new Date(s.lastReview)
	};
}

function fromFsrsCard(c: FsrsCard, cardId: CardId, packId: PackId): CardState {
	return {
		cardId,
		packId,
		state: fromFsrsState[c.state],
		due: c.due.getTime(),
		stability: c.stability,
		difficulty: c.difficulty,
		scheduledDays: c.scheduled_days,
		learningSteps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		lastReview: c.last_review ? c.last_review.getTime() : null
	};
}

export interface GradeOutcome {
	state: CardState;
	log: ReviewLog;
}

/**
 * FSRS-6 configured by our options, with the library's default weights unless `parameters` (weights
 * optimized from the learner's own reviews) are given.
 */
export class Scheduler {
	readonly options: SchedulerOptions;
	readonly #fsrs: FSRS;
	/** The forgetting curve's constants, which ts-fsrs works out again on every call. */
	readonly #curve: { decay: number; factor: number };

	constructor(options: Partial<SchedulerOptions> = {}, parameters?: readonly number[]) {
		const merged = { ...DEFAULT_SCHEDULER_OPTIONS, ...options };
		// Retention outside 0.70–0.99 makes intervals either useless or absurd; clamp rather than throw.
		merged.desiredRetention = Math.min(0.99, Math.max(0.7, merged.desiredRetention));
		this.options = merged;
		this.#fsrs = fsrs(
			generatorParameters({
				request_retention: this.options.desiredRetention,
				maximum_interval: this.options.maximumIntervalDays,
				enable_fuzz: this.options.enableFuzz,
				enable_short_term: true,
				learning_steps: this.options.learningSteps as StepUnit[],
				relearning_steps: this.options.relearningSteps as StepUnit[],
				...(parameters ? { w: [...parameters] } : {})
			})
		);
		this.#curve = computeDecayFactor(this.#fsrs.parameters.w);
	}

	/** The state of a card nobody has studied yet. */
	newState(cardId: CardId, packId: PackId, now: number): CardState {
		return fromFsrsCard(createEmptyCard(new Date(now)), cardId, packId);
	}

	/** Applies a grade at `now` and returns the card's next state with the log entry to store. */
	grade(state: CardState, rating: Rating, now: number, durationMs?: number): GradeOutcome {
		const item = this.#fsrs.next(toFsrsCard(state), new Date(now), toFsrsRating[rating]);
		const next = this.#capInterval(fromFsrsCard(item.card, state.cardId, state.packId), now);
		const log: ReviewLog = {
			cardId: state.cardId,
			packId: state.packId,
			rating,
			state: state.state,
			reviewedAt: now,
			elapsedDays: state.lastReview === null ? 0 : Math.max(0, (now - state.lastReview) / DAY_MS),
			scheduledDays: next.scheduledDays,
			stability: next.stability,
			difficulty: next.difficulty,
			before: state
		};
		if (durationMs !== undefined) log.durationMs = durationMs;
		return { state: next, log };
	}

	/**
	 * ts-fsrs keeps Hard < Good < Easy by adding a day after clamping to the maximum interval, so Easy
	 * can overshoot it by two days: the maximum is a promise to the learner, hold it here.
	 */
	#capInterval(next: CardState, now: number): CardState {
		const max = this.options.maximumIntervalDays;
		if (next.state !== 'review' || next.scheduledDays <= max) return next;
		return { ...next, scheduledDays: max, due: now + max * DAY_MS };
	}

	/** When each grade would bring the card back, in milliseconds from `now`. */
	preview(state: CardState, now: number): Record<Rating, number> {
		const p = this.#fsrs.repeat(toFsrsCard(state), new Date(now));
		const at = (r: Grade) =>
			this.#capInterval(fromFsrsCard(p[r].card, state.cardId, state.packId), now).due - now;
		return {
			again: at(FsrsRating.Again),
			hard: at(FsrsRating.Hard),
			good: at(FsrsRating.Good),
			easy: at(FsrsRating.Easy)
		};
	}

	/**
	 * The predicted probability of recall at `now` (0 for a card never studied), straight from the
	 * forgetting curve: cheap enough to sort thousands of due cards.
	 */
	recall(state: CardState, now: number): number {
		if (state.state === 'new' || state.lastReview === null) return 0;
		return this.#fsrs.forgetting_curve(Math.max(0, (now - state.lastReview) / DAY_MS), state.stability);
	}

	/** Recall from the two numbers it depends on (NaN `lastReview`: never studied, so 0). */
	recallOf(stability: number, lastReview: number, now: number): number {
		if (!Number.isFinite(lastReview) || stability <= 0) return 0;
		return this.#fsrs.forgetting_curve(Math.max(0, (now - lastReview) / DAY_MS), stability);
	}

	/**
	 * The predicted probability of recall at `now` (0 for a card never studied), as ts-fsrs's
	 * `get_retrievability` gives it (whole days since the last review, stability to 8 decimals) without
	 * building its card and dates: statistics ask this for every card, two or three times.
	 */
	retrievability(state: Pick<CardState, 'state' | 'stability' | 'lastReview'>, now: number): number {
		if (state.state === 'new' || state.lastReview === null) return 0;
		const days = Math.max(Math.floor((now - state.lastReview) / DAY_MS), 0);
		// ts-fsrs's forgetting_curve, with its constants worked out once (statistics call this 40,000
		// times at 20,000 cards).
		const { decay, factor } = this.#curve;
		return roundTo(Math.pow(1 + (factor * days) / +state.stability.toFixed(8), decay), 8);
	}
}

/**
 * The scheduler for a learner: their settings, and their optimized weights when they have some. The app
 * builds every scheduler here (through state/scheduling.svelte.ts), so study, exam and statistics agree.
 */
export function schedulerFor(settings: StudySettings, parameters?: readonly number[]): Scheduler {
	return new Scheduler(schedulerOptions(settings), parameters);
}

/**
 * Reviews a card gets in its first year, graded Good each time it falls due, with the expected lapses
 * at the scheduler's retention added (each lapse costs about two extra reviews: relearning and a short
 * interval). A deterministic estimate, used to show the workload a retention implies.
 */
export function reviewsInFirstYear(scheduler: Scheduler): number {
	const start = Date.UTC(2026, 0, 1);
	let state = scheduler.newState('w' as CardId, 'w' as PackId, start);
	let now = start;
	let reviews = 0;
	while (now - start < 365 * DAY_MS && reviews < 400) {
		state = scheduler.grade(state, 'good', now).state;
		reviews += 1;
		now = Math.max(state.due, now + 60_000);
	}
	const lapseRate = 1 - scheduler.options.desiredRetention;
	return reviews * (1 + 2 * lapseRate);
}

/** Reviews a day, once a year has passed, for a learner who takes `newPerDay` new cards a day. */
export function estimateDailyWorkload(scheduler: Scheduler, newPerDay: number): number {
	return Math.round(newPerDay * reviewsInFirstYear(scheduler));
}
