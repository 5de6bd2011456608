/**
 * Sibling cards: cards that test one fact (a flashcard and its reverse, a bullet's true/false and
 * multiple choice, a command's typed, fill-in and word-order exercises). A study day shows one card of
 * a fact; once one is graded, the others wait for a later day, as Anki buries siblings. And new cards
 * are introduced by fact: a fact is met first as a flashcard or cloze, its exercises on later days,
 * with kinds mixed so a first session shows flashcards, questions, commands and config side by side.
 * Pure: storage hands in what it read.
 */
import { assertUnreachable, type Card, type CardKind } from '../pack/types';
import type { LearningState } from '../scheduler/types';
import { interleaveNew } from './index';

/** What a sibling key is read from: a card's fact, or else its section and source text. */
export type SiblingSource = Pick<Card, 'fact' | 'sectionId' | 'source'> & { packId: string };

/**
 * The key shared by the cards of one fact within a pack: the card's `fact` (pack format 2), or for
 * cards without one (older packs) the bullet or code block it was made from, within its section.
 */
export function siblingKey(card: SiblingSource): string {
	return card.fact !== undefined && card.fact !== ''
		? `${card.packId}\u0000fact\u0000${card.fact}`
		: `${card.packId}\u0000text\u0000${card.sectionId}\u0000${card.source.text}`;
}

/** The kinds of card a new learner meets, in the order a fact's cards are introduced. */
export type KindFamily = 'recall' | 'question' | 'command' | 'config';

/** The family of a card kind: recall (flashcard, cloze), question, command or config exercise. */
export function familyOf(kind: CardKind): KindFamily {
	switch (kind) {
		case 'flashcard':
		case 'cloze':
			return 'recall';
		case 'truefalse':
		case 'mcq':
		case 'domc':
		case 'scenario':
		case 'multi-select':
		case 'read-output':
			return 'question';
		case 'command-order':
		case 'command-fill':
		case 'command-type':
		case 'command-sequence':
			return 'command';
		case 'config-fill':
			return 'config';
		default:
			return assertUnreachable(kind);
	}
}

/**
 * The order a fact's cards are introduced in, one a day: first met as a flashcard or cloze, then asked
 * about, then practised; a command is first put in order from a word bank, then completed, then typed.
 */
const INTRODUCTION: readonly CardKind[] = [
	'flashcard',
	'cloze',
	'truefalse',
	'mcq',
	'domc',
	'scenario',
	'read-output',
	'multi-select',
	'command-order',
	'command-fill',
	'command-type',
	'command-sequence',
	'config-fill'
];

const FAMILIES: readonly KindFamily[] = ['recall', 'question', 'command', 'config'];

/** A new card that may be introduced today. */
export interface NewCandidate {
	/** The card's key across packs (`itemKey`). */
	key: string;
	/** Its sibling key (`siblingKey`). */
	sibling: string;
	kind: CardKind;
	/** Its place in its pack. */
	order: number;
}

/** A due card, in the order `orderDue` gave. */
export interface DueCandidate {
	key: string;
	sibling: string;
	state: LearningState;
}

/** A card graded earlier in the current study day. */
export interface GradedToday {
	key: string;
	sibling: string;
}

/**
 * One section's new cards in the order to introduce them: one card per fact (its first in
 * INTRODUCTION order, so a flashcard or cloze where the fact has one), the facts taken in turn from
 * each family, starting with the family `offset` names, each family in document order.
 */
function introduceSection(
	cards: readonly NewCandidate[],
	offset: number,
	taken: ReadonlySet<string>
): NewCandidate[] {
	const leads = new Map<string, NewCandidate>();
	const rank = (c: NewCandidate) => INTRODUCTION.indexOf(c.kind) * 1e9 + c.order;
	for (const c of cards) {
		if (taken.has(c.sibling)) continue;
		const lead = leads.get(c.sibling);
		if (!lead || rank(c) < rank(lead)) leads.set(c.sibling, c);
	}
	const byFamily = new Map<KindFamily, NewCandidate[]>(FAMILIES.map((f) => [f, []]));
	for (const lead of leads.values()) byFamily.get(familyOf(lead.kind))!.push(lead);
	for (const list of byFamily.values()) list.sort((a, b) => a.order - b.order);
	const turn = FAMILIES.map((_, k) => FAMILIES[(offset + k) % FAMILIES.length]!);
	const out: NewCandidate[] = [];
	for (let more = true; more;) {
		more = false;
		for (const f of turn) {
			const next = byFamily.get(f)!.shift();
			if (next) {
				out.push(next);
				more = true;
			}
		}
	}
	return out;
}

/**
 * The new cards to introduce today, up to `limit`: at most one per fact and none of a fact in `taken`
 * (graded today or already in today's queue). Sections take turns, in document order; within a
 * section the families of kinds take turns, each section starting with the next family, so the first
 * cards of a first session mix flashcards, questions, command and config exercises.
 */
export function introduceNew(
	sections: readonly (readonly NewCandidate[])[],
	limit: number,
	taken: ReadonlySet<string> = new Set()
): NewCandidate[] {
	const streams = sections.map((cards, i) => introduceSection(cards, i, taken));
	// A fact may span sections when cards carry a `fact`: it is still introduced once.
	const seen = new Set<string>();
	const unique = interleaveNew(streams, Infinity).filter(
		(c) => !seen.has(c.sibling) && !!seen.add(c.sibling)
	);
	return unique.slice(0, Math.max(0, limit));
}

/**
 * Today's due cards with siblings held back: a new or review card waits for a later day when another
 * card of its fact was graded today or comes earlier in today's queue. (Re)learning cards are never
 * held back: their steps are minutes apart. `reviewsLeft` then cuts the reviews kept.
 */
export function holdSiblings(
	due: readonly DueCandidate[],
	graded: readonly GradedToday[],
	reviewsLeft: number
): DueCandidate[] {
	const gradedBy = new Map<string, Set<string>>();
	for (const g of graded) {
		let keys = gradedBy.get(g.sibling);
		if (!keys) gradedBy.set(g.sibling, (keys = new Set()));
		keys.add(g.key);
	}
	const shown = new Map<string, string>();
	const out: DueCandidate[] = [];
	let reviews = 0;
	for (const d of due) {
		const learning = d.state === 'learning' || d.state === 'relearning';
		if (!learning) {
			const other = [...(gradedBy.get(d.sibling) ?? [])].some((k) => k !== d.key);
			const earlier = shown.get(d.sibling);
			if (other || (earlier !== undefined && earlier !== d.key)) continue;
			if (reviews >= reviewsLeft) continue;
			reviews++;
		}
		if (!shown.has(d.sibling)) shown.set(d.sibling, d.key);
		out.push(d);
	}
	return out;
}

/**
 * The day's queue as card keys: due cards with their siblings held back (see holdSiblings), then new
 * cards introduced by fact (see introduceNew), none of a fact graded today or already queued.
 */
export function planDay(input: {
	due: readonly DueCandidate[];
	reviewsLeft: number;
	fresh: readonly (readonly NewCandidate[])[];
	newLeft: number;
	graded: readonly GradedToday[];
}): string[] {
	const due = holdSiblings(input.due, input.graded, input.reviewsLeft);
	const taken = new Set([...input.graded.map((g) => g.sibling), ...due.map((d) => d.sibling)]);
	const fresh = introduceNew(input.fresh, input.newLeft, taken);
	return [...due.map((d) => d.key), ...fresh.map((c) => c.key)];
}
