import type { ReviewLog } from '../scheduler/types';
import { currentStreak, reviewHeatmap, type Heatmap, type Streak } from './activity';
import type { DayBoundary } from '../scheduler/day';
import { dueForecast, type ForecastDay } from './forecast';
import { joinCards, recallAt } from './join';
import { masteryOfJoined, type CardRef, type SectionMastery, type SectionRef } from './mastery';
import { readinessOfJoined, type DomainWeight, type Readiness } from './readiness';
import type { RecallFn, StatsCardState } from './recall';
import { trueRetention, type Retention } from './retention';
import type { HourTally } from './tally';

export interface StatsInput {
	sections: readonly SectionRef[];
	cards: readonly CardRef[];
	states: readonly StatsCardState[];
	/** Review counts per hour, for the activity charts. */
	tallies: readonly HourTally[];
	/** The review logs of the last week at least, for readiness's week-ago figures. */
	recentLogs: readonly ReviewLog[];
}

export interface StatsPage {
	heatmap: Heatmap;
	streak: Streak;
	forecast: ForecastDay[];
	retention: Retention;
	mastery: SectionMastery[];
	readiness: Readiness;
}

/** Everything the statistics page shows, from the stored data, in one pass per figure. */
export function buildStatsPage(
	input: StatsInput,
	weights: readonly DomainWeight[],
	recall: RecallFn,
	now: number,
	clock: DayBoundary
): StatsPage {
	// Mastery and readiness both read every card's recall now: join and predict once.
	const join = joinCards(input.sections, input.cards, input.states);
	const recallNow = recallAt(join, recall, now);
	return {
		heatmap: reviewHeatmap(input.tallies, now, clock),
		streak: currentStreak(input.tallies, now, clock),
		forecast: dueForecast(input.states, now, clock),
		retention: trueRetention(input.tallies, now, clock),
		mastery: masteryOfJoined(input.sections, join, recallNow),
		readiness: readinessOfJoined(
			weights,
			input.sections,
			input.cards,
			join,
			recallNow,
			input.recentLogs,
			recall,
			now
		)
	};
}
