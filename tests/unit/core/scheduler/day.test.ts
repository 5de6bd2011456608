import { describe, expect, it } from 'vitest';
import {
	dayEnd,
	dayStart,
	DEFAULT_SETTINGS,
	estimateDailyWorkload,
	parseSettings,
	Scheduler
} from '$lib/core/scheduler';

describe('study day', () => {
	it('starts at 4 am local time by default', () => {
		const cet = { startHour: 4, offsetMinutes: 60 };
		// 02:30 local on Jan 2 (01:30 UTC) still belongs to Jan 1's study day.
		expect(dayStart(Date.UTC(2026, 0, 2, 1, 30), cet)).toBe(Date.UTC(2026, 0, 1, 3));
		// 05:00 local on Jan 2 belongs to Jan 2's, which began at 04:00 local (03:00 UTC).
		expect(dayStart(Date.UTC(2026, 0, 2, 4), cet)).toBe(Date.UTC(2026, 0, 2, 3));
		expect(dayEnd(Date.UTC(2026, 0, 2, 4), cet)).toBe(Date.UTC(2026, 0, 3, 3));
	});

	it('honours other hours and offsets west of UTC', () => {
		const ny = { startHour: 0, offsetMinutes: -300 };
		expect(dayStart(Date.UTC(2026, 0, 2, 3), ny)).toBe(Date.UTC(2026, 0, 1, 5));
	});
});

describe('settings', () => {
	it('falls back to defaults for missing or out-of-range fields', () => {
		expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
		const s = parseSettings({ desiredRetention: 0.5, newPerDay: 7, theme: 'neon', dayStartHour: 3 });
		expect(s.desiredRetention).toBe(0.9);
		expect(s.newPerDay).toBe(7);
		expect(s.theme).toBe('system');
		expect(s.dayStartHour).toBe(3);
	});

	it('a higher retention implies more daily reviews', () => {
		// Below about 0.8 lapses start to cost more than longer intervals save, as in FSRS's own curve.
		const w = [0.8, 0.9, 0.95, 0.99].map((r) =>
			estimateDailyWorkload(new Scheduler({ desiredRetention: r, enableFuzz: false }), 20)
		);
		expect(w).toEqual([...w].sort((a, b) => a - b));
		expect(w[0]).toBeLessThan(w[3]!);
	});

	it('clamps retention to 0.70–0.99 and caps intervals at the maximum', () => {
		expect(new Scheduler({ desiredRetention: 0.5 }).options.desiredRetention).toBe(0.7);
		const s = new Scheduler({ enableFuzz: false, maximumIntervalDays: 5 });
		let state = s.newState('c' as never, 'p' as never, 0);
		let now = 0;
		for (let i = 0; i < 6; i++) {
			state = s.grade(state, 'easy', now).state;
			now = state.due;
		}
		expect(state.scheduledDays).toBeLessThanOrEqual(5);
	});
});
