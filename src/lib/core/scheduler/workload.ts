import type { CardId, PackId } from '../pack/types';
import type { Scheduler } from './index';

import { DAY_MS } from './day';

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
