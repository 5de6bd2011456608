/** From a verdict to the grade the study session preselects, and fill-in-the-blank assembly for commands. */
import type { Rating } from '../scheduler/types';
import type { Verdict } from './types';

/** The grade preselected for a verdict: correct → good, close → hard, incorrect → again. */
export function suggestRating(verdict: Verdict): Rating {
	return verdict === 'correct' ? 'good' : verdict === 'close' ? 'hard' : 'again';
}

/** The whole command with the learner's blank in place, so equivalent forms of the blank pass. */
export function fillCommand(before: string, given: string, after: string): string {
	return `${before}${given.trim()}${after}`;
}
