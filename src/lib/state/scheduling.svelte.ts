import { estimateDailyWorkload, schedulerFor, type Scheduler } from '../core/scheduler';
import { settings } from './settings.svelte';

/**
 * The one scheduler the app grades, previews and predicts recall with: the learner's settings (and
 * optimized weights, once the app keeps some). Study, the exam's reviews and the statistics all take it
 * from here; new cards need none (their state depends on no option, see core/scheduler/new-state.ts).
 */
export async function learnerScheduler(): Promise<Scheduler> {
	await settings.load();
	return schedulerFor(settings.value);
}

/** Reviews a day the current retention implies for the current new-cards limit. */
export class Workload {
	value = $derived(
		estimateDailyWorkload(schedulerFor({ ...settings.value, enableFuzz: false }), settings.value.newPerDay)
	);
}
