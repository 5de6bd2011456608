/**
 * Judging a command sequence: each step is checked by the command checker at its own place in the
 * order, and the sequence's verdict is the weakest of its steps'.
 */
import type { SequenceStep } from '../pack/types';
import type { Rating } from '../scheduler/types';
import { checkCommand } from './command';
import { suggestRating } from './rating';
import type { CheckResult, Verdict } from './types';

/** Checks the command typed for one step against that step's answer. */
export function judgeSequenceStep(step: SequenceStep, given: string): CheckResult {
	return checkCommand(step.answer, given);
}

export interface SequenceJudgement {
	verdict: Verdict;
	suggested: Rating;
	/** Steps judged correct, out of all steps. */
	correct: number;
	total: number;
}

/**
 * The verdict of a sequence from its steps' results in order: every step correct is correct; every step
 * correct or close is close; any incorrect step (or a step not answered) is incorrect.
 */
export function judgeSequence(
	steps: readonly SequenceStep[],
	results: readonly (CheckResult | null | undefined)[]
): SequenceJudgement {
	const verdicts = steps.map((_, i) => results[i]?.verdict ?? 'incorrect');
	const correct = verdicts.filter((v) => v === 'correct').length;
	const verdict: Verdict = verdicts.includes('incorrect')
		? 'incorrect'
		: verdicts.includes('close')
			? 'close'
			: 'correct';
	return { verdict, suggested: suggestRating(verdict), correct, total: steps.length };
}
