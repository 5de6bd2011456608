/**
 * What the exercise screens share: turning a checker result into the outcome the study session takes.
 */
import { suggestRating } from '$lib/core/answer/grade';
import type { CheckResult } from '$lib/core/answer/types';
import type { AnswerOutcome } from './types';

/** The outcome reported to the session: the verdict, and the grade it suggests. */
export function outcomeOf(result: CheckResult): AnswerOutcome {
	return { verdict: result.verdict, suggested: suggestRating(result.verdict) };
}
/** Turns off autocorrect where Svelte's element types lack the attribute (textarea); Safari honours it. */
export function noAutocorrect(node: HTMLElement): void {
	node.setAttribute('autocorrect', 'off');
}
