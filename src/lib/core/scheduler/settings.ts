/**
 * The learner's study settings: what the scheduler, the queue and the day boundary need, plus the
 * theme. Stored as one record; parsed at the edge, since a backup file or an old version may hold
 * anything.
 */
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

// Checked by hand rather than with valibot: the layout reads the settings on every page, and this keeps
// the schema library out of the first route's JavaScript. Each field falls back to its default on its
// own, so a partly bad record keeps its good fields.
const STEP = /^\d+(m|h|d)$/;

function numberIn(x: unknown, min: number, max: number, integer: boolean, fallback: number): number {
	return typeof x === 'number' && x >= min && x <= max && (!integer || Number.isInteger(x)) ? x : fallback;
}

function steps(x: unknown, fallback: string[]): string[] {
	return Array.isArray(x) && x.length <= 10 && x.every((s) => typeof s === 'string' && STEP.test(s))
		? [...(x as string[])]
		: [...fallback];
}

/** Reads stored or imported settings; anything missing or out of range takes its default. */
export function parseSettings(input: unknown): StudySettings {
	const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
	const d = DEFAULT_SETTINGS;
	return {
		desiredRetention: numberIn(o.desiredRetention, 0.7, 0.99, false, d.desiredRetention),
		maximumIntervalDays: numberIn(o.maximumIntervalDays, 1, 36_500, true, d.maximumIntervalDays),
		enableFuzz: typeof o.enableFuzz === 'boolean' ? o.enableFuzz : d.enableFuzz,
		learningSteps: steps(o.learningSteps, d.learningSteps),
		relearningSteps: steps(o.relearningSteps, d.relearningSteps),
		newPerDay: numberIn(o.newPerDay, 0, 9999, true, d.newPerDay),
		reviewsPerDay: numberIn(o.reviewsPerDay, 0, 99_999, true, d.reviewsPerDay),
		dayStartHour: numberIn(o.dayStartHour, 0, 23, true, d.dayStartHour),
		theme: o.theme === 'system' || o.theme === 'light' || o.theme === 'dark' ? o.theme : d.theme
	};
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
