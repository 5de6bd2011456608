/**
 * Judging the choice kinds (scenario, multiple select, read the output): the chosen options against the
 * correct ones, with every option's reason to show afterwards.
 */
import type { ReasonedOption } from '../pack/types';
import type { Rating } from '../scheduler/types';
import { suggestRating } from './rating';
import type { Verdict } from './types';

export interface OptionFeedback {
	text: string;
	correct: boolean;
	chosen: boolean;
	/** The option's own reason ("" when the pack gives none). */
	why: string;
}

export interface ChoiceJudgement {
	verdict: Verdict;
	suggested: Rating;
	/** Every option in pack order, with whether it was right, chosen, and why. */
	feedback: OptionFeedback[];
	/** Correct options left unchosen, and wrong options chosen. */
	missed: number;
	wrong: number;
}

/** How many options a choice question wants ("Choose two."); 1 for single-answer kinds. */
export function correctCount(options: readonly ReasonedOption[]): number {
	return options.filter((o) => o.correct).length;
}

/**
 * Judges chosen option indices. All right options and no wrong one is correct; for a multiple-select
 * question, one slip (one right option missed or one wrong one added, with at least one right chosen)
 * is close; anything else is incorrect. Indices out of range count as nothing chosen.
 */
export function judgeChoice(options: readonly ReasonedOption[], chosen: readonly number[]): ChoiceJudgement {
	const picked = new Set(chosen.filter((i) => Number.isInteger(i) && i >= 0 && i < options.length));
	let missed = 0;
	let wrong = 0;
	let hits = 0;
	const feedback = options.map((o, i) => {
		const c = picked.has(i);
		if (o.correct && !c) missed += 1;
		if (!o.correct && c) wrong += 1;
		if (o.correct && c) hits += 1;
		return { text: o.text, correct: o.correct, chosen: c, why: o.why ?? '' };
	});
	const many = correctCount(options) > 1;
	const verdict: Verdict =
		missed === 0 && wrong === 0
			? 'correct'
			: many && hits > 0 && missed + wrong === 1
				? 'close'
				: 'incorrect';
	return { verdict, suggested: suggestRating(verdict), feedback, missed, wrong };
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "Choose two." for a question with two correct options. */
export function chooseHint(n: number): string {
	return `Choose ${NUMBER_WORDS[n] ?? String(n)}.`;
}
