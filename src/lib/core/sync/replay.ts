/**
 * Card states are not synced: each device works them out from the merged review logs, so two devices
 * that reviewed one card offline agree on it once they hold the same logs and the same settings.
 */
import type { CardState, ReviewLog } from '../scheduler/types';
import type { Scheduler } from '../scheduler';

/** The order logs are replayed in: by time, and by stable id for two reviews in one millisecond. */
export function byReviewTime(a: ReviewLog, b: ReviewLog): number {
	return (
		a.reviewedAt - b.reviewedAt ||
		((a.uid ?? '') < (b.uid ?? '') ? -1 : (a.uid ?? '') > (b.uid ?? '') ? 1 : 0)
	);
}

/**
 * A card's state from its review logs alone: a new card graded by each log in time order. ts-fsrs seeds
 * its fuzz from the review time and the card's state, so the same logs give the same state everywhere.
 */
export function replayCard(
	scheduler: Scheduler,
	card: Pick<CardState, 'cardId' | 'packId'>,
	logs: readonly ReviewLog[]
): CardState | null {
	const ordered = [...logs].sort(byReviewTime);
	const first = ordered[0];
	if (!first) return null;
	let state = scheduler.newState(card.cardId, card.packId, first.reviewedAt);
	for (const log of ordered) state = scheduler.grade(state, log.rating, log.reviewedAt, log.durationMs).state;
	return state;
}
