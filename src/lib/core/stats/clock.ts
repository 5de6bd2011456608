/**
 * Study days. A study day starts at `dayStartHour` local time (so a review at 01:00 still counts for the
 * evening before), and local time is UTC shifted by `utcOffsetMinutes` (minutes east of UTC, the
 * negation of `Date.prototype.getTimezoneOffset()`). Days are numbered from 1970-01-01.
 */
export interface DayClock {
	dayStartHour: number;
	utcOffsetMinutes: number;
}

export const DAY_MS = 86_400_000;

/** The study-day number that the instant `t` (epoch ms) falls in. */
export function dayIndex(t: number, clock: DayClock): number {
	return Math.floor((t + clock.utcOffsetMinutes * 60_000 - clock.dayStartHour * 3_600_000) / DAY_MS);
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

/** The clock of this device's time zone at `now`, with study days starting at `dayStartHour`. */
export function localClock(now: number, dayStartHour: number): DayClock {
	return { dayStartHour, utcOffsetMinutes: -new Date(now).getTimezoneOffset() };
}
