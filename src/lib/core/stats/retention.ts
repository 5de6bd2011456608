import { DAY_MS, dayIndex, dayLabel, weekday } from './clock';
import type { DayBoundary } from '../scheduler/day';
import { hourStart, type HourTally } from './tally';

export interface RetentionPeriod {
	/** First study day of the period, YYYY-MM-DD (weeks start on Monday). */
	start: string;
	label: string;
	reviews: number;
	passed: number;
	/** passed / reviews, or null for a period without reviews of review-state cards. */
	retention: number | null;
}

export interface Retention {
	weeks: RetentionPeriod[];
	months: RetentionPeriod[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * True retention: of the reviews of cards that were in the review state (learning steps left out, as
 * they test short-term memory), the share that passed (any grade but Again), by week and by month.
 */
export function trueRetention(
	tallies: Iterable<HourTally>,
	now: number,
	clock: DayBoundary,
	weeks = 12,
	months = 12
): Retention {
	const today = dayIndex(now, clock);
	const thisWeek = today - weekday(today);
	const firstWeek = thisWeek - (weeks - 1) * 7;
	const todayDate = new Date(today * DAY_MS);
	const thisMonth = todayDate.getUTCFullYear() * 12 + todayDate.getUTCMonth();
	const firstMonth = thisMonth - (months - 1);
	const w = Array.from({ length: weeks }, () => [0, 0] as [number, number]);
	const m = Array.from({ length: months }, () => [0, 0] as [number, number]);
	// Many hours share a day: remember each day's month rather than building a Date per hour.
	const monthByDay = new Map<number, number>();
	const monthOf = (day: number): number => {
		let m = monthByDay.get(day);
		if (m === undefined) {
			const d = new Date(day * DAY_MS);
			m = d.getUTCFullYear() * 12 + d.getUTCMonth();
			monthByDay.set(day, m);
		}
		return m;
	};
	for (const t of tallies) {
		if (t.reviewState === 0) continue;
		const day = dayIndex(hourStart(t), clock);
		if (day > today) continue;
		const wi = Math.floor((day - firstWeek) / 7);
		if (wi >= 0) {
			w[wi]![0] += t.reviewState;
			w[wi]![1] += t.passed;
		}
		const mi = monthOf(day) - firstMonth;
		if (mi >= 0) {
			m[mi]![0] += t.reviewState;
			m[mi]![1] += t.passed;
		}
	}
	const period = ([reviews, passed]: [number, number], start: string, label: string): RetentionPeriod => ({
		start,
		label,
		reviews,
		passed,
		retention: reviews === 0 ? null : passed / reviews
	});
	return {
		weeks: w.map((c, i) => {
			const start = dayLabel(firstWeek + i * 7);
			return period(c, start, `Week of ${start}`);
		}),
		months: m.map((c, i) => {
			const ym = firstMonth + i;
			const year = Math.floor(ym / 12);
			const month = ym % 12;
			return period(c, `${year}-${String(month + 1).padStart(2, '0')}-01`, `${MONTHS[month]} ${year}`);
		})
	};
}
