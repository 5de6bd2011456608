/**
 * The question-kind interface: every study screen for a card kind is a Svelte component taking
 * `QuestionProps<ThatCard>`. The session shows it, the component reports the learner's answer once
 * through `onAnswer`, and the session then shows the grade buttons with `suggested` preselected.
 */
import type { Card } from '$lib/core/pack/types';
import type { Rating } from '$lib/core/scheduler/types';

export type Verdict = 'correct' | 'close' | 'incorrect';

export interface AnswerOutcome {
	/** How the answer was judged; null where the learner judges themselves (flashcards). */
	verdict: Verdict | null;
	/** The grade preselected for the learner, who may override it. */
	suggested: Rating | null;
}

export interface QuestionProps<C extends Card = Card> {
	card: C;
	/** True once the learner has answered (or revealed); the component then shows feedback. */
	answered: boolean;
	onAnswer: (outcome: AnswerOutcome) => void;
}
