import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '$lib/core/scheduler/settings';

describe('parseSettings', () => {
	it('keeps every good field of a full record', () => {
		const good = {
			desiredRetention: 0.85,
			maximumIntervalDays: 365,
			enableFuzz: false,
			learningSteps: ['5m', '1h'],
			relearningSteps: [],
			newPerDay: 0,
			reviewsPerDay: 99_999,
			dayStartHour: 23,
			theme: 'dark'
		};
		expect(parseSettings(good)).toEqual(good);
	});

	it('gives each bad or missing field its default and keeps the rest', () => {
		const s = parseSettings({
			desiredRetention: Number.NaN,
			maximumIntervalDays: 36_501,
			enableFuzz: 'yes',
			learningSteps: ['1m', '10 minutes'],
			relearningSteps: Array.from({ length: 11 }, () => '1m'),
			newPerDay: 2.5,
			reviewsPerDay: -1,
			dayStartHour: '4',
			theme: 'neon',
			extra: 'dropped'
		});
		expect(s).toEqual(DEFAULT_SETTINGS);
		expect(parseSettings({ dayStartHour: 0, desiredRetention: Infinity })).toEqual({
			...DEFAULT_SETTINGS,
			dayStartHour: 0
		});
	});

	it('reads anything that is not an object as the defaults, and never shares the default arrays', () => {
		for (const input of [null, undefined, 42, 'x', []])
			expect(parseSettings(input)).toEqual(DEFAULT_SETTINGS);
		const s = parseSettings(undefined);
		s.learningSteps.push('1d');
		expect(DEFAULT_SETTINGS.learningSteps).toEqual(['1m', '10m']);
	});
});
