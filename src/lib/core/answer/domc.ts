/** The DOMC rule: discrete-option multiple choice, one option at a time, Yes or No. */
import type { Verdict } from './types';

/**
 * The verdict on DOMC responses so far, or null while the question goes on. `order` is the order the
 * options are shown in (indexes into `options`), `says` the learner's Yes (true) or No to each in turn.
 * It ends at the first decisive answer: Yes to a wrong option or No to a right one is incorrect; once
 * every right option has had its Yes (or every option has been shown) it is correct.
 */
export function domcVerdict(
	options: readonly { correct: boolean }[],
	order: readonly number[],
	says: readonly boolean[]
): Verdict | null {
	const endorsed = new Set<number>();
	for (let i = 0; i < says.length && i < order.length; i++) {
		const option = options[order[i]!];
		if (!option) return null;
		if (says[i] !== option.correct) return 'incorrect';
		if (says[i]) endorsed.add(order[i]!);
	}
	const anyRight = options.some((o) => o.correct);
	const allRight = options.every((o, i) => !o.correct || endorsed.has(i));
	return (anyRight && allRight) || says.length >= order.length ? 'correct' : null;
}
