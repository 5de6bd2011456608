/** Judging a picked option (multiple choice, true/false): kept apart so the exam loads nothing else. */
import type { McqCard, TrueFalseCard } from '../pack/types';
import type { Verdict } from './types';

/** The verdict on option `index` (true/false: 0 is True, 1 is False). */
export function optionVerdict(card: McqCard | TrueFalseCard, index: number): Verdict {
	const right = card.kind === 'mcq' ? card.answer : card.answer ? 0 : 1;
	return index === right ? 'correct' : 'incorrect';
}
