import { judgeChoice } from '../answer/choice';
import { optionVerdict } from '../answer/option';
import { suggestRating } from '../answer/rating';
import type { WeightedDomain } from './draw';
import type {
	DomainScore,
	ExamGrade,
	ExamItem,
	ExamResult,
	ExamState,
	MissedQuestion,
	ObjectiveScore
} from './types';

/** Whether an item was answered right; unanswered items count as wrong. Multiple select is all or nothing. */
export function isCorrect(item: ExamItem): boolean {
	if (item.kind === 'domc') return item.outcome === 'correct';
	if (item.kind === 'multi')
		return (
			item.answer.length > 0 && judgeChoice(item.candidate.card.options, item.answer).verdict === 'correct'
		);
	return item.answer !== null && optionVerdict(item.candidate.card, item.answer) === 'correct';
}

/** Whether an item has an answer. */
export function isAnswered(item: ExamItem): boolean {
	if (item.kind === 'mcq') return item.answer !== null;
	if (item.kind === 'multi') return item.answer.length > 0;
	return item.outcome !== null;
}

/** How many of an exam's questions have an answer so far. */
export function countAnswered(state: ExamState): number {
	return state.items.filter(isAnswered).length;
}

function explanationOf(item: ExamItem): string {
	const c = item.candidate.card;
	const card = c as { explanation?: unknown };
	if (typeof card.explanation === 'string' && card.explanation) return card.explanation;
	const reasons =
		c.kind === 'mcq'
			? c.reasons?.[c.answer]
				? [c.reasons[c.answer]!]
				: []
			: c.options.filter((o) => o.correct && o.why).map((o) => o.why!);
	const why = c.why ?? (reasons.length ? reasons.join(' ') : c.source.text);
	return c.correction ? `${why}\n\nCorrection: ${c.correction.current} (${c.correction.why})` : why;
}

function describeGiven(item: ExamItem): string {
	if (item.kind === 'mcq') {
		return item.answer === null ? 'No answer' : (item.candidate.card.options[item.answer] ?? 'No answer');
	}
	if (item.kind === 'multi') {
		const options = item.candidate.card.options;
		return item.answer.length === 0 ? 'No answer' : item.answer.map((i) => options[i]?.text ?? '').join('; ');
	}
	if (item.responses.length === 0) return 'No answer';
	return item.responses
		.map((yes, i) => `${yes ? 'Yes' : 'No'} to “${item.candidate.card.options[item.order[i]!]!.text}”`)
		.join('; ');
}

function missed(item: ExamItem): MissedQuestion {
	const c = item.candidate;
	const source = c.card.source.subsection
		? `${c.card.source.section} › ${c.card.source.subsection}`
		: c.card.source.section;
	return {
		packId: c.packId,
		cardId: c.card.id,
		kind: item.kind,
		stem: c.lead ? `${c.lead} ${c.card.stem}` : c.card.stem,
		given: describeGiven(item),
		correct:
			item.kind === 'mcq'
				? [item.candidate.card.options[item.candidate.card.answer] ?? '']
				: item.candidate.card.options.filter((o) => o.correct).map((o) => o.text),
		explanation: explanationOf(item),
		source,
		domain: c.domain,
		...(c.objectives?.length ? { objectives: c.objectives } : {})
	};
}

/** Objectives in study-guide order: "1.2" before "1.10". */
export function compareObjectives(a: string, b: string): number {
	return a.localeCompare(b, 'en', { numeric: true });
}

/** The score per exam objective: a question tagged with several objectives counts for each. */
export function scoreByObjective(items: readonly ExamItem[]): ObjectiveScore[] {
	const tally = new Map<string, ObjectiveScore>();
	for (const item of items) {
		const ok = isCorrect(item);
		for (const objective of item.candidate.objectives ?? []) {
			const t = tally.get(objective) ?? { objective, correct: 0, total: 0 };
			t.correct += ok ? 1 : 0;
			t.total += 1;
			tally.set(objective, t);
		}
	}
	return [...tally.values()].sort((a, b) => compareObjectives(a.objective, b.objective));
}

/** The result of a finished exam: score, pass or fail, breakdown by domain, and every missed question. */
export function scoreExam(
	state: ExamState,
	domains: readonly (WeightedDomain & { title: string })[]
): ExamResult {
	if (state.phase !== 'finished' || state.finishedAt === null || state.endedBy === null) {
		throw new Error('scoreExam needs a finished exam');
	}
	const listed = new Set(domains.map((d) => d.id));
	const tally = new Map<string | null, [number, number]>();
	let correct = 0;
	for (const item of state.items) {
		const ok = isCorrect(item);
		if (ok) correct += 1;
		const d =
			item.candidate.domain !== null && listed.has(item.candidate.domain) ? item.candidate.domain : null;
		const t = tally.get(d) ?? [0, 0];
		t[0] += ok ? 1 : 0;
		t[1] += 1;
		tally.set(d, t);
	}
	const byDomain: DomainScore[] = [];
	for (const d of domains) {
		const t = tally.get(d.id);
		if (t) byDomain.push({ domain: d.id, title: d.title, correct: t[0], total: t[1] });
	}
	const other = tally.get(null);
	if (other) byDomain.push({ domain: null, title: 'Other topics', correct: other[0], total: other[1] });
	const total = state.items.length;
	const score = total === 0 ? 0 : correct / total;
	return {
		startedAt: state.startedAt,
		finishedAt: state.finishedAt,
		endedBy: state.endedBy,
		config: state.config,
		seed: state.seed,
		correct,
		total,
		score,
		passed: score >= state.config.passMark,
		byDomain,
		byObjective: scoreByObjective(state.items),
		missed: state.items.filter((i) => !isCorrect(i)).map(missed)
	};
}

/** The scheduler grades of an exam's answered questions (unanswered ones are not reviews). */
export function examGrades(state: ExamState): ExamGrade[] {
	return state.items.filter(isAnswered).map((item) => ({
		packId: item.candidate.packId,
		cardId: item.candidate.card.id,
		rating: suggestRating(isCorrect(item) ? 'correct' : 'incorrect')
	}));
}
