/**
 * The study day. A day ends at a configurable local hour (default 4 am), so a late-night session still
 * counts for the day it began. Pure: the caller passes the time zone offset in.
 */
/** A day in milliseconds: the one copy of this constant. */
export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Where study days start: the one type for the day boundary (scheduler, queue and statistics). */
export interface DayBoundary {
	/** The local hour (0–23) at which a new study day starts. */
	startHour: number;
	/** Local time minus UTC in minutes at `now` (e.g. 60 for CET; `-new Date().getTimezoneOffset()`). */
	offsetMinutes: number;
}

export const DEFAULT_DAY_START_HOUR = 4;

/** When the study day containing `now` began, in epoch milliseconds. */
export function dayStart(now: number, b: DayBoundary): number {
	const offset = b.offsetMinutes * 60_000;
	const shift = b.startHour * HOUR_MS;
	const local = now + offset - shift;
	return Math.floor(local / DAY_MS) * DAY_MS + shift - offset;
}

/** When the study day containing `now` ends (the next day's start). */
export function dayEnd(now: number, b: DayBoundary): number {
	return dayStart(now, b) + DAY_MS;
}

/** The boundary of the machine the code runs on, for the state layer to pass in. */
export function localBoundary(startHour: number, now: number): DayBoundary {
	return { startHour, offsetMinutes: -new Date(now).getTimezoneOffset() };
}
