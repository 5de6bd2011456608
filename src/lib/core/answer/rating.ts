/** From a verdict to the grade preselected for it: the one mapping, for study and exam alike. */
import type { Rating } from '../scheduler/types';
import type { Verdict } from './types';

/** The grade preselected for a verdict: correct → good, close → hard, incorrect → again. */
export function suggestRating(verdict: Verdict): Rating {
	return verdict === 'correct' ? 'good' : verdict === 'close' ? 'hard' : 'again';
}
