/**
 * Every card kind's study screen. The command and config exercises use the reveal fallback until their
 * own screens (CommandFill, CommandType, CommandOrder, ConfigFill) are switched in here.
 */
import type { Component } from 'svelte';
import type { Card, CardKind } from '$lib/core/pack/types';
import Cloze from './Cloze.svelte';
import Domc from './Domc.svelte';
import Flashcard from './Flashcard.svelte';
import Mcq from './Mcq.svelte';
import RevealFallback from './RevealFallback.svelte';
import TrueFalse from './TrueFalse.svelte';
import type { QuestionProps } from './types';

// Each component takes the props of its own kind; the study screen pairs a card with its kind's entry.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyQuestion = Component<QuestionProps<any>>;

export const QUESTION_COMPONENTS: Record<CardKind, AnyQuestion> = {
	flashcard: Flashcard,
	cloze: Cloze,
	mcq: Mcq,
	truefalse: TrueFalse,
	domc: Domc,
	'command-fill': RevealFallback,
	'command-type': RevealFallback,
	'command-order': RevealFallback,
	'config-fill': RevealFallback
};

/** The kinds the learner judges for themselves after revealing: Space shows the answer. */
export const SELF_JUDGED: ReadonlySet<CardKind> = new Set<CardKind>([
	'flashcard',
	'command-fill',
	'command-type',
	'command-order',
	'config-fill'
]);

/** The study screen for a card. */
export function questionFor(card: Card): AnyQuestion {
	return QUESTION_COMPONENTS[card.kind];
}
