/**
 * The learner's study settings: what the scheduler, the queue and the day boundary need, plus the
 * theme. Stored as one record; parsed at the edge, since a backup file or an old version may hold
 * anything.
 */
import * as v from 'valibot';
import type { SchedulerOptions } from './types';

export type Theme = 'system' | 'light' | 'dark';

export interface StudySettings {
	desiredRetention: number;
	maximumIntervalDays: number;
	enableFuzz: boolean;
	learningSteps: string[];
	relearningSteps: string[];
	newPerDay: number;
	reviewsPerDay: number;
	dayStartHour: number;
	theme: Theme;
}

export const DEFAULT_SETTINGS: StudySettings = {
	desiredRetention: 0.9,
	maximumIntervalDays: 36_500,
	enableFuzz: true,
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m'],
	newPerDay: 20,
	reviewsPerDay: 200,
	dayStartHour: 4,
	theme: 'system'
};

const step = v.pipe(v.string(), v.regex(/^\d+(m|h|d)$/, 'Steps look like 1m, 10m, 1h or 1d.'));

/** Field schemas; each falls back to its default so a partly bad record keeps its good fields. */
const SettingsSchema = v.object({
	desiredRetention: v.fallback(
		v.pipe(v.number(), v.minValue(0.7), v.maxValue(0.99)),
		DEFAULT_SETTINGS.desiredRetention
	),
	maximumIntervalDays: v.fallback(
		v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(36_500)),
		DEFAULT_SETTINGS.maximumIntervalDays
	),
	enableFuzz: v.fallback(v.boolean(), DEFAULT_SETTINGS.enableFuzz),
	learningSteps: v.fallback(v.pipe(v.array(step), v.maxLength(10)), DEFAULT_SETTINGS.learningSteps),
	relearningSteps: v.fallback(v.pipe(v.array(step), v.maxLength(10)), DEFAULT_SETTINGS.relearningSteps),
	newPerDay: v.fallback(
		v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9999)),
		DEFAULT_SETTINGS.newPerDay
	),
	reviewsPerDay: v.fallback(
		v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(99_999)),
		DEFAULT_SETTINGS.reviewsPerDay
	),
	dayStartHour: v.fallback(
		v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23)),
		DEFAULT_SETTINGS.dayStartHour
	),
	theme: v.fallback(v.picklist(['system', 'light', 'dark']), DEFAULT_SETTINGS.theme)
});

/** Reads stored or imported settings; anything missing or out of range takes its default. */
export function parseSettings(input: unknown): StudySettings {
	const base = typeof input === 'object' && input !== null ? input : {};
	const out = v.parse(SettingsSchema, base);
	return { ...out, learningSteps: [...out.learningSteps], relearningSteps: [...out.relearningSteps] };
}

/** The part of the settings the FSRS scheduler takes. */
export function schedulerOptions(s: StudySettings): SchedulerOptions {
	return {
		desiredRetention: s.desiredRetention,
		maximumIntervalDays: s.maximumIntervalDays,
		enableFuzz: s.enableFuzz,
		learningSteps: s.learningSteps,
		relearningSteps: s.relearningSteps
	};
}
