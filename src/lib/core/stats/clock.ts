/**
 * Study days, numbered from 1970-01-01. A study day starts at the boundary's local hour (so a review at
 * 01:00 still counts for the evening before): the scheduler's own `DayBoundary`.
 */
import { DAY_MS, type DayBoundary } from '../scheduler/day';

export { DAY_MS };

/** The study-day number that the instant `t` (epoch ms) falls in. */
export function dayIndex(t: number, clock: DayBoundary): number {
	return Math.floor((t + clock.offsetMinutes * 60_000 - clock.startHour * 3_600_000) / DAY_MS);
}

/** The calendar date of a study-day number, as YYYY-MM-DD. */
export function dayLabel(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day of the week of a study-day number, 0 = Monday … 6 = Sunday. */
export function weekday(day: number): number {
	// 1970-01-01 was a Thursday.
	return (((day + 3) % 7) + 7) % 7;
}
