/**
 * "Which of these statements is true?": one true statement of a subsection against two or three false
 * ones of the same subsection, as the DCA asks. Made from the true/false cards the facts gave, so every
 * option is a statement already checked: the true one has its reason, each false one is false for a known
 * reason (an author's misconception, a reviewed entry or a category swap that no fact supports) and says
 * why. The exam shows these as multiple choice or one option at a time (DOMC); true/false cards
 * themselves are never drawn, since the exam has no such form.
 */
import type { Card, DomcCard, McqCard, TrueFalseCard } from '../pack/types';
import { cardId } from './cards';
import type { FalseOrigin } from './facts';
import { stableShuffle } from './text';

/** Fewest false statements a subsection needs before its true ones are asked this way. */
const MIN_FALSE = 2;
/** Most questions a false statement is a wrong option of. */
const MAX_USES = 2;
/** Most wrong options per question. */
const MAX_WRONG = 3;
/** The answer may be the longest option only when a wrong one is at least this share of its length. */
const LENGTH_TELL = 0.85;

const reasonOf = (c: TrueFalseCard) => c.explanation.replace(/^(True|False):\s*/, '').trim();

/** The stronger claim of a set of origins, for the card's record: a swap needs the most care. */
function originOf(origins: readonly FalseOrigin[]): FalseOrigin {
	if (origins.includes('category swap')) return 'category swap';
	if (origins.includes('review')) return 'review';
	return 'author';
}

/**
 * One multiple-choice question per true statement of a subsection with enough false statements, as long
 * as each false one serves at most twice; the false ones take turns as wrong options.
 */
export function statementChoices(cards: readonly Card[], origins: Record<string, FalseOrigin>): Card[] {
	const groups = new Map<string, TrueFalseCard[]>();
	for (const c of cards) {
		if (c.kind !== 'truefalse') continue;
		// A false statement counts only with a known origin; every true one has its reason already.
		if (!c.answer && !origins[c.id]) continue;
		const key = `${c.sectionId}\u0000${c.source.subsection ?? ''}`;
		groups.set(key, [...(groups.get(key) ?? []), c]);
	}
	const out: Card[] = [];
	for (const [key, group] of groups) {
		const trues = group.filter((c) => c.answer);
		const falses = stableShuffle(
			group.filter((c) => !c.answer),
			key,
			(c) => c.statement
		);
		if (falses.length < MIN_FALSE) continue;
		const wrongCount = Math.min(MAX_WRONG, falses.length);
		// Each false statement is a wrong option of at most two questions: seen more often, it would be
		// learnt as "the wrong one" and give the answer away by elimination.
		const uses = new Map<TrueFalseCard, number>();
		const asked: TrueFalseCard[][] = [];
		trues.forEach((t) => {
			// The wrong options closest in length to the true one, so length gives nothing away; two
			// questions share at most one wrong option, so one never answers the other by elimination.
			const wrong: TrueFalseCard[] = [];
			const byGap = falses
				.filter((w) => (uses.get(w) ?? 0) < MAX_USES && w.fact !== t.fact)
				.map((w, i) => ({ w, i, gap: Math.abs(w.statement.length - t.statement.length) }))
				.sort((a, b) => a.gap - b.gap || a.i - b.i);
			for (const { w } of byGap) {
				if (wrong.length === wrongCount) break;
				const next = [...wrong, w];
				if (asked.every((a) => next.filter((x) => a.includes(x)).length <= 1)) wrong.push(w);
			}
			if (wrong.length < wrongCount) return;
			// The one clearly longest option being the answer is a tell test-wise candidates use: not asked.
			const longestWrong = Math.max(...wrong.map((w) => w.statement.length));
			if (t.statement.length > longestWrong && longestWrong < LENGTH_TELL * t.statement.length) return;
			for (const w of wrong) uses.set(w, (uses.get(w) ?? 0) + 1);
			asked.push(wrong);
			const opts = stableShuffle([t, ...wrong], `${t.id}#which-true`, (c) => c.statement);
			const shared = {
				sectionId: t.sectionId,
				source: t.source,
				why: t.why ?? reasonOf(t),
				...(t.correction ? { correction: t.correction } : {}),
				...(t.domain ? { domain: t.domain } : {}),
				...(t.objectives ? { objectives: t.objectives } : {}),
				...(t.fact ? { fact: t.fact } : {})
			};
			// Three wrong options make a multiple choice; with two, the options are asked one at a time (DOMC).
			const card: McqCard | DomcCard =
				wrongCount >= 3
					? {
							id: cardId('mcq', t.id, 'which-true'),
							kind: 'mcq',
							stem: 'Which of the following is true?',
							options: opts.map((c) => c.statement),
							answer: opts.indexOf(t),
							reasons: opts.map((c) => `${c === t ? 'Yes' : 'No'}: ${reasonOf(c)}`),
							...shared
						}
					: {
							id: cardId('domc', t.id, 'which-true'),
							kind: 'domc',
							stem: 'Which of the following is true? Answer each option yes or no.',
							options: opts.map((c) => ({
								text: c.statement,
								correct: c === t,
								why: `${c === t ? 'Yes' : 'No'}: ${reasonOf(c)}`
							})),
							...shared
						};
			origins[card.id] = originOf(wrong.map((w) => origins[w.id]!));
			out.push(card);
		});
	}
	return out;
}
