/** Pure helpers for browsing a pack: counts by kind, a card's question and answer as text, search. */
import { assertUnreachable, type Card, type CardKind, type Section } from './types';

export const KIND_LABELS: Record<CardKind, string> = {
	flashcard: 'Flashcard',
	mcq: 'Multiple choice',
	truefalse: 'True or false',
	cloze: 'Fill the gap',
	domc: 'DOMC',
	'command-fill': 'Command: fill in',
	'command-type': 'Command: type it',
	'command-order': 'Command: word order',
	'config-fill': 'Config: fill in',
	scenario: 'Scenario',
	'multi-select': 'Multiple select',
	'command-sequence': 'Command sequence',
	'read-output': 'Read the output'
};

export const KINDS = Object.keys(KIND_LABELS) as CardKind[];

const correctOptions = (options: readonly { text: string; correct: boolean }[]) =>
	options
		.filter((o) => o.correct)
		.map((o) => o.text)
		.join('; ');

/** The question and the answer of a card as plain text. */
export function cardText(card: Card): { question: string; answer: string } {
	switch (card.kind) {
		case 'flashcard':
			return { question: card.front, answer: card.back };
		case 'mcq':
			return {
				question: `${card.stem} ${card.options.join(' · ')}`,
				answer: card.options[card.answer] ?? ''
			};
		case 'truefalse':
			return { question: card.statement, answer: `${card.answer ? 'True' : 'False'}. ${card.explanation}` };
		case 'cloze':
			return { question: `${card.before}____${card.after}`, answer: card.answer };
		case 'domc':
			return {
				question: card.stem,
				answer: card.options.map((o) => `${o.correct ? 'Yes' : 'No'}: ${o.text}`).join(' · ')
			};
		case 'command-fill':
			return { question: `${card.prompt} ${card.before}____${card.after}`, answer: card.command };
		case 'command-type':
			return { question: card.prompt, answer: card.answer };
		case 'command-order':
			return { question: card.prompt, answer: card.tokens.join(' ') };
		case 'config-fill':
			return { question: card.prompt, answer: card.answer };
		case 'scenario':
			return {
				question: `${card.situation} ${card.question} ${card.options.map((o) => o.text).join(' · ')}`,
				answer: correctOptions(card.options)
			};
		case 'multi-select':
			return {
				question: `${card.stem} ${card.options.map((o) => o.text).join(' · ')}`,
				answer: correctOptions(card.options)
			};
		case 'command-sequence':
			return {
				question: `${card.task} ${card.steps.map((s) => s.prompt).join(' · ')}`,
				answer: card.steps.map((s) => s.answer).join(' · ')
			};
		case 'read-output':
			return {
				question: `$ ${card.command}\n${card.output}\n${card.question}`,
				answer: correctOptions(card.options)
			};
		default:
			return assertUnreachable(card);
	}
}

export type KindCounts = Partial<Record<CardKind, number>>;

/** A section with its cards counted by kind (the browse view; not the stored schedule summary). */
export interface SectionContents {
	section: Section;
	total: number;
	byKind: KindCounts;
}

/** Card counts by kind for every section of a pack, in section order. */
export function summarizeSections(sections: readonly Section[], cards: readonly Card[]): SectionContents[] {
	return [...sections]
		.sort((a, b) => a.order - b.order)
		.map((section) => {
			const byKind: KindCounts = {};
			let total = 0;
			for (const c of cards) {
				if (c.sectionId !== section.id) continue;
				byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
				total++;
			}
			return { section, total, byKind };
		});
}

const fold = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();

/** Cards whose question, answer or source contain every word of the query (case- and accent-insensitive). */
export function searchCards<C extends Card>(cards: readonly C[], query: string, kind?: CardKind | ''): C[] {
	const words = fold(query).split(/\s+/).filter(Boolean);
	return cards.filter((c) => {
		if (kind && c.kind !== kind) return false;
		if (words.length === 0) return true;
		const { question, answer } = cardText(c);
		const hay = fold(
			`${question}\n${answer}\n${c.source.section}\n${c.source.subsection ?? ''}\n${c.source.text}`
		);
		return words.every((w) => hay.includes(w));
	});
}
