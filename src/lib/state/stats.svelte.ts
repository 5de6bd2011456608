import { DCA_DOMAINS } from '../core/pack/domains';
import type { StatsCardState } from '../core/stats';
import { buildStatsPage, examReadiness, WEEK_MS, type Readiness, type StatsPage } from '../core/stats';
import { getDb } from '../storage/db';
import { loadCardTags } from '../storage/card-tags';
import { loadStatsData } from '../storage/stats';
import { examObjectives } from './objectives';
import { tick } from 'svelte';
import type { Scheduler } from '../core/scheduler';
import { ensureBuiltIns } from './app.svelte';
import { learnerScheduler } from './scheduling.svelte';
import { historyCount } from './history-count.svelte';
import { settings } from './settings.svelte';

/** Predicted recall by the learner's own scheduler. */
function recallBy(scheduler: Scheduler) {
	return (state: StatsCardState, at: number) => scheduler.retrievability(state, at);
}

/** The statistics page's figures. */
export class StatsState {
	page = $state.raw<StatsPage | null>(null);
	packCount = $state(0);
	error = $state<string | null>(null);

	async load(): Promise<void> {
		try {
			performance.mark('deckhand:stats-start');
			// The per-hour counts are complete once the once-only count of an upgraded history is done.
			const [, scheduler] = await Promise.all([ensureBuiltIns(), learnerScheduler(), historyCount.run()]);
			performance.measure('deckhand:stats-prepare', 'deckhand:stats-start');
			const now = Date.now();
			const t1 = performance.now();
			const data = await loadStatsData(getDb(), now - WEEK_MS);
			performance.measure('deckhand:stats-read', { start: t1 });
			this.packCount = data.packs.length;
			const t2 = performance.now();
			// Days start at the learner's day-start hour, the same boundary the scheduler uses.
			this.page = buildStatsPage(data, DCA_DOMAINS, recallBy(scheduler), now, settings.clock(now));
			performance.measure('deckhand:stats-compute', { start: t2 });
			const t3 = performance.now();
			await tick();
			performance.measure('deckhand:stats-render', { start: t3 });
			performance.measure('deckhand:stats', 'deckhand:stats-start');
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}
}

/** Exam readiness for the home page: only the last week's logs are read. */
export class ReadinessState {
	readiness = $state.raw<Readiness | null>(null);
	error = $state<string | null>(null);

	async load(): Promise<void> {
		try {
			const [, scheduler] = await Promise.all([ensureBuiltIns(), learnerScheduler()]);
			const now = Date.now();
			const db = getDb();
			const [data, tags] = await Promise.all([loadStatsData(db, now - WEEK_MS, false), loadCardTags(db)]);
			this.readiness = examReadiness(
				DCA_DOMAINS,
				data.sections,
				data.cards,
				data.states,
				data.recentLogs,
				recallBy(scheduler),
				now,
				{ tags, objectives: examObjectives()?.objectives ?? [] }
			);
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}
}
