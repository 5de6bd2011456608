import type { ReviewLog } from '../scheduler/types';

const HOUR_MS = 3_600_000;

/**
 * Review counts for one UTC hour. The activity charts need only these counts, so the app keeps them
 * in a table instead of reading every log; an hour maps to one study day for any whole-hour time zone
 * and day-start hour (a half-hour zone can put up to 30 minutes of reviews on the neighbouring day).
 */
export interface HourTally {
	/** Hours since 1970-01-01T00:00Z. */
	hour: number;
	reviews: number;
	/** Reviews of cards that were in the review state. */
	reviewState: number;
	/** Of those, the ones not graded Again. */
	passed: number;
}

/** Adds logs to per-hour tallies (a new map unless one is given to add to). */
export function tallyHours(
	logs: readonly Pick<ReviewLog, 'reviewedAt' | 'state' | 'rating'>[],
	into: Map<number, HourTally> = new Map()
): Map<number, HourTally> {
	for (const log of logs) {
		const hour = Math.floor(log.reviewedAt / HOUR_MS);
		let t = into.get(hour);
		if (!t) {
			t = { hour, reviews: 0, reviewState: 0, passed: 0 };
			into.set(hour, t);
		}
		t.reviews += 1;
		if (log.state === 'review') {
			t.reviewState += 1;
			if (log.rating !== 'again') t.passed += 1;
		}
	}
	return into;
}

/** The instant an hour tally starts. */
export function hourStart(t: HourTally): number {
	return t.hour * HOUR_MS;
}
