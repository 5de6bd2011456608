import type { CardState, ReviewLog } from '../scheduler/types';
import { cardKey } from '../pack/keys';

/** What statistics need of a card's schedule: the rest of a state (difficulty, reps…) is never read. */
export type StatsCardState = Pick<
	CardState,
	'packId' | 'cardId' | 'state' | 'due' | 'stability' | 'lastReview'
>;

/** The predicted probability of recall of a card in `state` at `at` (the scheduler's retrievability). */
export type RecallFn = (state: StatsCardState, at: number) => number;

/** A recall prediction counts as mastered at this level or above. */
export const MASTERY_THRESHOLD = 0.9;

/**
 * Every card's state as it was at `at`, rebuilt from the logs: a log keeps the state its grade
 * replaced (`before`), so a card's state at `at` is the `before` of its first review after `at`, or its
 * current state when it has not been reviewed since. Exact, and needs no stored snapshots.
 */
export function statesAsOf(
	states: readonly StatsCardState[],
	logs: readonly Pick<ReviewLog, 'packId' | 'cardId' | 'reviewedAt' | 'before'>[],
	at: number
): StatsCardState[] {
	const firstAfter = firstReviewsAfter(logs, at);
	return states.map((s) => firstAfter.get(cardKey(s.packId, s.cardId))?.before ?? s);
}

/** Each card's first review after `at`, by `cardKey` (the log, whose `before` is the state it replaced). */
export function firstReviewsAfter<L extends Pick<ReviewLog, 'packId' | 'cardId' | 'reviewedAt'>>(
	logs: readonly L[],
	at: number
): Map<string, L> {
	const firstAfter = new Map<string, L>();
	for (const log of logs) {
		if (log.reviewedAt <= at) continue;
		const key = cardKey(log.packId, log.cardId);
		const seen = firstAfter.get(key);
		if (!seen || log.reviewedAt < seen.reviewedAt) firstAfter.set(key, log);
	}
	return firstAfter;
}
