import { dayIndex, dayLabel, weekday } from './clock';
import type { DayBoundary } from '../scheduler/day';
import { hourStart, type HourTally } from './tally';

export interface DayCount {
	day: number;
	date: string;
	count: number;
}

export interface Heatmap {
	/** One entry per day, oldest first, ending with today; the first day is a Monday. */
	days: DayCount[];
	total: number;
	/** Days in the range with at least one review. */
	activeDays: number;
	max: number;
}

/** Reviews per study day for the heatmap: the last `weeks` whole weeks up to and including today. */
export function reviewHeatmap(
	tallies: Iterable<HourTally>,
	now: number,
	clock: DayBoundary,
	weeks = 26
): Heatmap {
	const today = dayIndex(now, clock);
	const first = today - weekday(today) - (weeks - 1) * 7;
	const counts = new Array<number>(today - first + 1).fill(0);
	for (const t of tallies) {
		const at = hourStart(t);
		if (at > now) continue;
		const i = dayIndex(at, clock) - first;
		if (i >= 0 && i < counts.length) counts[i]! += t.reviews;
	}
	let total = 0;
	let activeDays = 0;
	let max = 0;
	const days = counts.map((count, i) => {
		total += count;
		if (count > 0) activeDays += 1;
		if (count > max) max = count;
		return { day: first + i, date: dayLabel(first + i), count };
	});
	return { days, total, activeDays, max };
}

export interface Streak {
	/** Consecutive study days with a review, ending today (or yesterday, if today has none yet). */
	current: number;
	/** Whether today already has a review. */
	today: boolean;
}

/** The current streak. A streak survives until the end of a day without reviews. */
export function currentStreak(tallies: Iterable<HourTally>, now: number, clock: DayBoundary): Streak {
	const today = dayIndex(now, clock);
	const active = new Set<number>();
	for (const t of tallies) {
		// Hours after `now` (a clock moved back) do not count yet.
		if (t.reviews > 0 && hourStart(t) <= now) active.add(dayIndex(hourStart(t), clock));
	}
	const hasToday = active.has(today);
	let day = hasToday ? today : today - 1;
	let current = 0;
	while (active.has(day)) {
		current += 1;
		day -= 1;
	}
	return { current, today: hasToday };
}
