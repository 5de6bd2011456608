/**
 * What the exercise screens share: turning a checker result into the outcome the study session takes,
 * and the verdict's words.
 */
import { suggestRating, type CheckResult } from '$lib/core/answer';
import type { AnswerOutcome } from './types';

/** The outcome reported to the session: the verdict, and the grade it suggests. */
export function outcomeOf(result: CheckResult): AnswerOutcome {
	return { verdict: result.verdict, suggested: suggestRating(result.verdict) };
}

/** Attributes that stop phones from "correcting" a command or a config line. */
export const CODE_INPUT = {
	autocomplete: 'off',
	autocapitalize: 'off',
	autocorrect: 'off',
	spellcheck: false
} as const;
