/**
 * The question-kind interface: every study screen for a card kind is a Svelte component taking
 * `QuestionProps<ThatCard>`. The component sends the learner's response through `onRespond`; the state
 * layer judges it (core/answer/judge.ts) and hands the judgement back to show. Components never judge.
 */
import type { Judgement, Response } from '$lib/core/answer/judge';
import type { Card } from '$lib/core/pack/types';

export interface QuestionProps<C extends Card = Card> {
	card: C;
	/** The judgement of the learner's response, once there is one: the component then shows feedback. */
	judgement: Judgement | null;
	/** Sends a response to be judged; rejects when the checker could not load (the response stays). */
	onRespond: (response: Response) => Promise<void>;
}
