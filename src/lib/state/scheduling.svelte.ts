import { estimateDailyWorkload, Scheduler, schedulerOptions } from '../core/scheduler';
import { settings } from './settings.svelte';

/** A scheduler configured by the learner's current settings. */
export function currentScheduler(): Scheduler {
	return new Scheduler(schedulerOptions(settings.value));
}

/** Reviews a day the current retention implies for the current new-cards limit. */
export class Workload {
	value = $derived(
		estimateDailyWorkload(
			new Scheduler({ ...schedulerOptions(settings.value), enableFuzz: false }),
			settings.value.newPerDay
		)
	);
}
