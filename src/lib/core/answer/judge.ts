/**
 * The one place an answer is judged: a card and the learner's response in, the verdict, the grade to
 * preselect and the feedback to show out. Study and exam call it through the state layer; components
 * only show what it returns. A new card kind adds its case to the switch in `judgeAnswer`.
 */
import type { Card, ConfigFillCard } from '../pack/types';
import type { Rating } from '../scheduler/types';
import { judgeChoice, type OptionFeedback } from './choice';
import { checkCommand } from './command';
import type { ComposeValidator, checkConfig, fillBlank } from './config';
import { domcVerdict } from './domc';
import { optionVerdict } from './option';
import { suggestRating } from './rating';
import { judgeSequence, judgeSequenceStep } from './sequence';
import { checkTerm } from './term';
import type { CheckResult, Verdict } from './types';

/** What the learner did, by the shape of the question. */
export type Response =
	/** A flashcard's "Show answer": the learner judges themselves. */
	| { kind: 'reveal' }
	/** The option picked (multiple choice; true/false: 0 is True, 1 is False). */
	| { kind: 'option'; index: number }
	/** Typed text: a cloze blank, a command, a command's blank, a config snippet's missing lines. */
	| { kind: 'text'; text: string }
	/** Words tapped from a word bank, in order. */
	| { kind: 'words'; words: string[] }
	/** DOMC: Yes (true) or No to each option in turn, in `order` (card order when absent). */
	| { kind: 'domc'; says: boolean[]; order?: number[] }
	/** The options chosen, by index (scenario, read the output, multiple select). */
	| { kind: 'choices'; indexes: number[] }
	/** The commands typed for a sequence's steps so far, in order. */
	| { kind: 'steps'; texts: string[] };

export interface Judgement {
	/** How the answer was judged; null where the learner judges themselves (flashcards). */
	verdict: Verdict | null;
	/** The grade preselected for the learner, who may override it. */
	suggested: Rating | null;
	/** What differs, token by token (typed exercises); null for the other kinds. */
	feedback: CheckResult | null;
	/** Every option with whether it was right, chosen, and why (scenario, read the output, multiple select). */
	options?: OptionFeedback[];
	/** Each step's check, in order (command sequences). */
	steps?: CheckResult[];
}

/** What a config answer needs, loaded on demand (the YAML parser, ajv and the Compose schema are big). */
export interface ConfigChecker {
	checkConfig: typeof checkConfig;
	fillBlank: typeof fillBlank;
	validateCompose?: ComposeValidator;
}

export { suggestRating };

/** The whole command with the learner's blank in place, so equivalent forms of the blank pass. */
export function fillCommand(before: string, given: string, after: string): string {
	return `${before}${given.trim()}${after}`;
}

/** Whether judging this card needs `loadConfigChecker` first. */
export function needsConfigChecker(card: Card): card is ConfigFillCard {
	return card.kind === 'config-fill';
}

/** Loads what a config answer is checked with (and the Compose schema for a Compose card). */
export async function loadConfigChecker(card: ConfigFillCard): Promise<ConfigChecker> {
	const { checkConfig, fillBlank } = await import('./config');
	if (card.language !== 'compose') return { checkConfig, fillBlank };
	const { loadComposeValidator } = await import('./compose-schema');
	return { checkConfig, fillBlank, validateCompose: await loadComposeValidator() };
}

function judged(verdict: Verdict, feedback: CheckResult | null = null): Judgement {
	return { verdict, suggested: suggestRating(verdict), feedback };
}

function checked(result: CheckResult): Judgement {
	return judged(result.verdict, result);
}

function mismatch(card: Card, response: Response): never {
	throw new Error(`A ${response.kind} response cannot answer a ${card.kind} card.`);
}

/**
 * Judges a response to a card. Null only for a DOMC question or a command sequence still going on.
 * A config card needs its checker (`loadConfigChecker`); a response of the wrong shape is a bug.
 */
export function judgeAnswer(card: Card, response: Response, config?: ConfigChecker): Judgement | null {
	switch (card.kind) {
		case 'flashcard':
			if (response.kind !== 'reveal') return mismatch(card, response);
			return { verdict: null, suggested: null, feedback: null };
		case 'mcq':
		case 'truefalse':
			if (response.kind !== 'option') return mismatch(card, response);
			return judged(optionVerdict(card, response.index));
		case 'cloze':
			if (response.kind !== 'text') return mismatch(card, response);
			// Case, spacing, quotes and a trailing slash do not count; one typo in a long word is "close";
			// a flag may be typed in its long or short form.
			return judged(checkTerm(card.answer, response.text));
		case 'domc': {
			if (response.kind !== 'domc') return mismatch(card, response);
			const order = response.order ?? card.options.map((_, i) => i);
			const verdict = domcVerdict(card.options, order, response.says);
			return verdict === null ? null : judged(verdict);
		}
		case 'command-type':
			if (response.kind !== 'text') return mismatch(card, response);
			return checked(checkCommand(card.answer, response.text));
		case 'command-fill':
			if (response.kind !== 'text') return mismatch(card, response);
			// An empty blank is no answer, even where the blank holds a flag that changes nothing (`-d`).
			if (response.text.trim() === '')
				return checked({
					verdict: 'incorrect',
					issues: [{ kind: 'missing', message: 'Nothing was typed in the blank.' }],
					tokens: [],
					notes: []
				});
			// The blank is checked in place, so any form the CLI reads the same way is accepted.
			return checked(
				checkCommand(
					fillCommand(card.before, card.answer, card.after),
					fillCommand(card.before, response.text, card.after)
				)
			);
		case 'command-order':
			if (response.kind !== 'words') return mismatch(card, response);
			return checked(checkCommand(card.tokens.join(' '), response.words.join(' ')));
		case 'config-fill': {
			if (response.kind !== 'text') return mismatch(card, response);
			if (!config) throw new Error('A config answer needs its checker: call loadConfigChecker first.');
			const expected = config.fillBlank(card.before, card.answer, card.after, card.answer);
			const whole = config.fillBlank(card.before, response.text, card.after, card.answer);
			const options = config.validateCompose ? { validateCompose: config.validateCompose } : {};
			return checked(config.checkConfig(expected, whole, card.language, options));
		}
		case 'scenario':
		case 'read-output':
		case 'multi-select': {
			if (response.kind !== 'choices') return mismatch(card, response);
			const j = judgeChoice(card.options, response.indexes);
			return { verdict: j.verdict, suggested: j.suggested, feedback: null, options: j.feedback };
		}
		case 'command-sequence': {
			if (response.kind !== 'steps') return mismatch(card, response);
			// Still going until every step has its command; then each step is checked in order.
			if (response.texts.length < card.steps.length) return null;
			const results = card.steps.map((step, i) => judgeSequenceStep(step, response.texts[i] ?? ''));
			const j = judgeSequence(card.steps, results);
			return { verdict: j.verdict, suggested: j.suggested, feedback: null, steps: results };
		}
		default:
			return assertUnreachable(card);
	}
}

function assertUnreachable(x: never): never {
	throw new Error(`No judge for card kind ${(x as { kind?: string }).kind}.`);
}
