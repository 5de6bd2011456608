import type { CardState } from '../scheduler/types';
import { dayIndex, dayLabel } from './clock';
import type { DayBoundary } from '../scheduler/day';

export interface ForecastDay {
	/** 0 = today (including everything overdue), 1 = tomorrow, … */
	offset: number;
	date: string;
	count: number;
}

/** How many studied cards fall due on each of the next `days` study days; new cards are left out. */
export function dueForecast(
	states: readonly Pick<CardState, 'state' | 'due'>[],
	now: number,
	clock: DayBoundary,
	days = 30
): ForecastDay[] {
	const today = dayIndex(now, clock);
	const counts = new Array<number>(days).fill(0);
	for (const s of states) {
		if (s.state === 'new') continue;
		const offset = Math.max(0, dayIndex(s.due, clock) - today);
		if (offset < days) counts[offset]! += 1;
	}
	return counts.map((count, offset) => ({ offset, date: dayLabel(today + offset), count }));
}
