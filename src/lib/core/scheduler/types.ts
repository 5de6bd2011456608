import type { CardId, PackId } from '../pack/types';

/** The four grades a learner can give; stored as strings, never numeric enums. */
export type Rating = 'again' | 'hard' | 'good' | 'easy';
export const RATINGS: readonly Rating[] = ['again', 'hard', 'good', 'easy'];

export type LearningState = 'new' | 'learning' | 'review' | 'relearning';

/** A card's scheduling state, in our own camelCase shape (times are epoch milliseconds). */
export interface CardState {
	cardId: CardId;
	packId: PackId;
	state: LearningState;
	due: number;
	stability: number;
	difficulty: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	lastReview: number | null;
}

/** One review, as written to the log. `before` is the state the grade replaced, so undo is exact. */
export interface ReviewLog {
	id?: number;
	/** The review's id on every device (see core/sync/ids.ts); set when it is stored. */
	uid?: string;
	cardId: CardId;
	packId: PackId;
	rating: Rating;
	/** The learning state the card was in when it was graded. */
	state: LearningState;
	reviewedAt: number;
	/** Days since the previous review (0 for a new card). */
	elapsedDays: number;
	/** The interval the grade set, in days. */
	scheduledDays: number;
	stability: number;
	difficulty: number;
	/** Milliseconds from showing the card to grading it, when known. */
	durationMs?: number;
	before: CardState;
}

export interface SchedulerOptions {
	desiredRetention: number;
	maximumIntervalDays: number;
	enableFuzz: boolean;
	learningSteps: string[];
	relearningSteps: string[];
}
