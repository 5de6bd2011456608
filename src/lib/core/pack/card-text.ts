/** A card's question and answer as plain text, for previews and lists (never HTML). */
import { assertUnreachable, type Card, type ClozeCard } from './types';

/** The question a card asks, as one line of text. */
export function cardQuestion(card: Card): string {
	switch (card.kind) {
		case 'flashcard':
			return card.front;
		case 'mcq':
		case 'domc':
			return card.stem;
		case 'truefalse':
			return card.statement;
		case 'cloze':
			return `${card.before}____${card.after}`;
		case 'command-fill':
		case 'command-type':
		case 'command-order':
		case 'config-fill':
			return card.prompt;
		case 'scenario':
			return `${card.situation} ${card.question}`;
		case 'multi-select':
			return card.stem;
		case 'command-sequence':
			return card.task;
		case 'read-output':
			return `$ ${card.command} — ${card.question}`;
		default:
			return assertUnreachable(card);
	}
}

/** The answer a card expects, as text. */
export function cardAnswer(card: Card): string {
	switch (card.kind) {
		case 'flashcard':
			return card.back;
		case 'mcq':
			return card.options[card.answer] ?? '';
		case 'domc':
			return card.options
				.filter((o) => o.correct)
				.map((o) => o.text)
				.join('; ');
		case 'truefalse':
			return `${card.answer ? 'True' : 'False'}. ${card.explanation}`.trim();
		case 'cloze':
		case 'command-type':
		case 'config-fill':
			return card.answer;
		case 'command-fill':
			return card.command;
		case 'command-order':
			return card.tokens.join(' ');
		case 'scenario':
		case 'multi-select':
		case 'read-output':
			return card.options
				.filter((o) => o.correct)
				.map((o) => o.text)
				.join('; ');
		case 'command-sequence':
			return card.steps.map((s) => s.answer).join('\n');
		default:
			return assertUnreachable(card);
	}
}

/**
 * A cloze sentence made from a fact under a heading starts with that heading ("Container Isolation:
 * ____: Limit resource usage"). Screens show the heading as the sentence's context and the rest as the
 * sentence; a cloze that does not start with its heading is all sentence.
 */
export function clozeContext(card: ClozeCard): { context: string | null; before: string } {
	const sub = card.source.subsection;
	if (!sub || !card.before.startsWith(sub)) return { context: null, before: card.before };
	const rest = card.before.slice(sub.length);
	// "Heading: …", or "Heading, Term: …" for a fact nested under a term.
	const m = /^(?:, ([^:]+))?: /.exec(rest);
	if (!m) return { context: null, before: card.before };
	return { context: m[1] ? `${sub} › ${m[1]}` : sub, before: rest.slice(m[0].length) };
}
