/** Every card kind's study screen. */
import type { Component } from 'svelte';
import type { Card, CardKind } from '$lib/core/pack/types';
import Cloze from './Cloze.svelte';
import CommandFill from './CommandFill.svelte';
import CommandOrder from './CommandOrder.svelte';
import CommandSequence from './CommandSequence.svelte';
import CommandType from './CommandType.svelte';
import ConfigFill from './ConfigFill.svelte';
import Domc from './Domc.svelte';
import Flashcard from './Flashcard.svelte';
import Mcq from './Mcq.svelte';
import MultiSelect from './MultiSelect.svelte';
import ReadOutput from './ReadOutput.svelte';
import Scenario from './Scenario.svelte';
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
	'command-fill': CommandFill,
	'command-type': CommandType,
	'command-order': CommandOrder,
	'config-fill': ConfigFill,
	scenario: Scenario,
	'multi-select': MultiSelect,
	'command-sequence': CommandSequence,
	'read-output': ReadOutput
};

/** The kinds the learner judges for themselves after revealing: Space shows the answer. */
export const SELF_JUDGED: ReadonlySet<CardKind> = new Set<CardKind>(['flashcard']);

/** The study screen for a card. */
export function questionFor(card: Card): AnyQuestion {
	return QUESTION_COMPONENTS[card.kind];
}
