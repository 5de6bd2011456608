/**
 * Which cards the exam may ask and in which form. The exam asks in-exam cards only (a card's own domain,
 * else its section's; 'beyond' is outside the exam), and most questions in DOMC form as the real DCA
 * does: a DOMC card, or a single-answer question (multiple choice, scenario, read the output) shown as
 * DOMC; the rest as multiple choice or multiple select.
 */
import type { Card, DomcCard, McqCard, MultiSelectCard, ReasonedOption } from '../pack/types';
import { shuffle, type RandomFn } from './random';
import type { ExamCandidate, ExamSource, ExamSourceCard } from './types';

/** The domain tag of material outside the exam. */
export const BEYOND_EXAM = 'beyond';

/** Share of an exam's questions asked in DOMC form. */
export const DOMC_SHARE = 0.75;

/** A card's exam domain: its own tag, else its section's; undefined when it is outside the exam. */
export function examDomainOf(
	card: Pick<Card, 'domain'>,
	sectionDomain: string | null | undefined
): string | null | undefined {
	const d = card.domain ?? sectionDomain ?? null;
	return d === BEYOND_EXAM ? undefined : d;
}

/** Whether the exam can ask this card at all (a choice kind). */
export function isExamKind(card: Card): card is ExamSourceCard {
	return (
		card.kind === 'mcq' ||
		card.kind === 'domc' ||
		card.kind === 'scenario' ||
		card.kind === 'read-output' ||
		card.kind === 'multi-select'
	);
}

const single = (options: readonly ReasonedOption[]) => options.filter((o) => o.correct).length === 1;

/** Whether a source card has one correct option, so it can be asked as multiple choice or as DOMC. */
export function isConvertible(card: ExamSourceCard): boolean {
	if (card.kind === 'mcq') return true;
	if (card.kind === 'scenario' || card.kind === 'read-output') return single(card.options);
	return false;
}

function reasonedOptions(card: ExamSourceCard): ReasonedOption[] {
	if (card.kind === 'mcq')
		return card.options.map((text, i) => ({
			text,
			correct: i === card.answer,
			...(card.reasons?.[i] ? { why: card.reasons[i] } : {})
		}));
	return card.options;
}

function stemOf(card: ExamSourceCard): string {
	if (card.kind === 'mcq' || card.kind === 'domc' || card.kind === 'multi-select') return card.stem;
	return card.question;
}

function shared(source: ExamSource) {
	const c = source.card;
	return {
		id: c.id,
		sectionId: c.sectionId,
		source: c.source,
		...(c.correction ? { correction: c.correction } : {}),
		...(c.why ? { why: c.why } : {}),
		...(c.domain ? { domain: c.domain } : {}),
		...(c.objectives ? { objectives: c.objectives } : {})
	};
}

/** A source card in the form the exam shows it: 'domc' or 'choice' (multiple choice or multiple select). */
export function asCandidate(source: ExamSource, form: 'domc' | 'choice'): ExamCandidate {
	const c = source.card;
	const options = reasonedOptions(c);
	let card: McqCard | DomcCard | MultiSelectCard;
	if (form === 'domc' || c.kind === 'domc')
		card = { ...shared(source), kind: 'domc', stem: stemOf(c), options };
	else if (c.kind === 'mcq') card = c;
	else if (single(options))
		card = {
			...shared(source),
			kind: 'mcq',
			stem: stemOf(c),
			options: options.map((o) => o.text),
			answer: options.findIndex((o) => o.correct),
			reasons: options.map((o) => o.why ?? '')
		};
	else card = { ...shared(source), kind: 'multi-select', stem: stemOf(c), options };
	return {
		packId: source.packId,
		card,
		sectionTitle: source.sectionTitle,
		domain: source.domain,
		...(c.objectives?.length ? { objectives: c.objectives } : {}),
		...(c.kind === 'scenario' ? { lead: c.situation } : {}),
		...(c.kind === 'read-output' ? { output: { command: c.command, text: c.output } } : {})
	};
}

/**
 * The forms of drawn questions: DOMC cards as DOMC, multiple-select as multiple select, and as many
 * single-answer questions as DOMC as it takes to make `domcShare` of the exam DOMC (chosen at random);
 * the others as multiple choice.
 */
export function chooseForms(
	drawn: readonly ExamSource[],
	random: RandomFn,
	domcShare = DOMC_SHARE
): ExamCandidate[] {
	const target = Math.round(drawn.length * domcShare);
	const native = drawn.filter((s) => s.card.kind === 'domc').length;
	const convertible = drawn.map((s, i) => (isConvertible(s.card) ? i : -1)).filter((i) => i >= 0);
	const asDomc = new Set(shuffle(convertible, random).slice(0, Math.max(0, target - native)));
	return drawn.map((s, i) => asCandidate(s, s.card.kind === 'domc' || asDomc.has(i) ? 'domc' : 'choice'));
}
