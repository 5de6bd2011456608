import { describe, expect, it } from 'vitest';
import { DCA_DOMAINS } from '$lib/core/pack/domains';
import type { DomcCard, McqCard } from '$lib/core/pack/types';
import {
	allocateQuestions,
	defaultTimeLimitMs,
	drawQuestions,
	examConfig,
	examGrades,
	examPool,
	reduceExam,
	respondDomc,
	scoreExam,
	seededRandom,
	startExam,
	type DomcItem,
	type ExamCandidate,
	type ExamState
} from '$lib/core/exam';
import { examFixturePack } from '../../../fixtures/exam-pack';

const now = Date.UTC(2026, 10, 28, 9);
const pack = examFixturePack();
const candidates: ExamCandidate[] = pack.cards.flatMap((card) => {
	if (card.kind !== 'mcq' && card.kind !== 'domc') return [];
	const section = pack.sections.find((s) => s.id === card.sectionId)!;
	return [{ packId: pack.id, card, sectionTitle: section.title, domain: section.domain ?? null }];
});

const plenty = (n: number) => new Map<string | null, number>(DCA_DOMAINS.map((d) => [d.id, n]));

describe('allocateQuestions', () => {
	it('splits 55 questions by the DCA weights with the largest remainders', () => {
		const q = allocateQuestions(DCA_DOMAINS, plenty(100), 55);
		// 13.75, 11, 8.25, 8.25, 8.25, 5.5 → floors 53, then orchestration (.75) and storage (.5).
		expect(DCA_DOMAINS.map((d) => q.get(d.id))).toEqual([14, 11, 8, 8, 8, 6]);
	});
	it('splits a quick 10 the same way, ties going to the domain listed first', () => {
		const q = allocateQuestions(DCA_DOMAINS, plenty(100), 10);
		// 2.5, 2, 1.5, 1.5, 1.5, 1 → floors 8, then orchestration and installation.
		expect(DCA_DOMAINS.map((d) => q.get(d.id))).toEqual([3, 2, 2, 1, 1, 1]);
	});
	it("gives a short domain's share to the others", () => {
		const available = plenty(100);
		available.set('storage', 2);
		const q = allocateQuestions(DCA_DOMAINS, available, 55);
		// 53 over weight 0.9: 14.72, 11.78, 8.83 ×3 → floors 49, then the three .83s and .78.
		expect(DCA_DOMAINS.map((d) => q.get(d.id))).toEqual([14, 12, 9, 9, 9, 2]);
	});
	it('uses untagged questions only for what tagged ones cannot fill', () => {
		const q = allocateQuestions(
			DCA_DOMAINS,
			new Map<string | null, number>([
				['orchestration', 3],
				[null, 10]
			]),
			5
		);
		expect([q.get('orchestration'), q.get(null)]).toEqual([3, 2]);
	});
});

describe('drawQuestions', () => {
	it('draws by weight, spreads over sections, never repeats, and replays from the seed', () => {
		const drawn = drawQuestions(candidates, DCA_DOMAINS, 10, seededRandom(7));
		expect(drawn).toHaveLength(10);
		expect(new Set(drawn.map((c) => c.card.id)).size).toBe(10);
		const count = (d: string | null) => drawn.filter((c) => c.domain === d).length;
		// Installation is not covered: its 1.5 goes to the others (10 over 0.85: 2.94, 2.35, 1.76 ×3, 1.18).
		expect([
			count('orchestration'),
			count('images'),
			count('installation'),
			count('networking'),
			count('security'),
			count('storage'),
			count(null)
		]).toEqual([3, 2, 0, 2, 2, 1, 0]);
		const again = drawQuestions(candidates, DCA_DOMAINS, 10, seededRandom(7));
		expect(again.map((c) => c.card.id)).toEqual(drawn.map((c) => c.card.id));
	});
	it('fills from untagged sections when the tagged ones run out', () => {
		const drawn = drawQuestions(candidates, DCA_DOMAINS, 24, seededRandom(1));
		expect(drawn.filter((c) => c.domain === null)).toHaveLength(4);
	});
});

describe('startExam', () => {
	it('puts multiple choice first, then DOMC, with the time limit scaled to the length', () => {
		expect(defaultTimeLimitMs(55)).toBe(90 * 60_000);
		expect(defaultTimeLimitMs(10)).toBe(17 * 60_000);
		const s = startExam(candidates, DCA_DOMAINS, examConfig({ length: 10 }), 3, now);
		expect(s.deadline - s.startedAt).toBe(17 * 60_000);
		const kinds = s.items.map((i) => i.kind);
		expect(kinds.indexOf('domc')).toBeGreaterThan(kinds.lastIndexOf('mcq'));
		expect(s.phase).toBe('mcq');
		expect(examConfig().passMark).toBe(0.65);
	});
});

function domcItem(correct: boolean[]): DomcItem {
	const card: DomcCard = {
		...(candidates.find((c) => c.card.kind === 'domc')!.card as DomcCard),
		options: correct.map((c, i) => ({ text: `option ${i}`, correct: c }))
	};
	const candidate = { packId: 'p', card, sectionTitle: 'S', domain: null };
	return { kind: 'domc', candidate, order: correct.map((_, i) => i), responses: [], outcome: null };
}

describe('DOMC in the exam (the rule itself: tests/unit/core/answer/judge.test.ts)', () => {
	it('keeps each response and ends the item as the DOMC rule decides', () => {
		let item = respondDomc(domcItem([false, true, false]), false);
		expect([item.responses, item.outcome]).toEqual([[false], null]);
		item = respondDomc(item, true);
		expect([item.responses, item.outcome]).toEqual([[false, true], 'correct']);
		expect(respondDomc(domcItem([false, true]), true).outcome).toBe('wrong');
	});
	it('ignores responses once decided', () => {
		const decided = respondDomc(domcItem([true, false]), true);
		expect(respondDomc(decided, false)).toBe(decided);
	});
});

function run(): ExamState {
	return startExam(candidates, DCA_DOMAINS, examConfig({ length: 10 }), 11, now);
}
const rightOption = (s: ExamState) => {
	const item = s.items[s.current]!;
	if (item.kind !== 'mcq') throw new Error('not mcq');
	return item.candidate.card.answer;
};

describe('the exam machine', () => {
	it('lets the learner move around and flag in the multiple-choice part, but never go back from DOMC', () => {
		let s = run();
		s = reduceExam(s, { type: 'choose', now, option: 0 });
		s = reduceExam(s, { type: 'flag', now });
		s = reduceExam(s, { type: 'goto', now, index: 1 });
		s = reduceExam(s, { type: 'goto', now, index: 0 });
		expect(s.current).toBe(0);
		const first = s.items[0]!;
		expect(first.kind === 'mcq' && [first.answer, first.flagged]).toEqual([0, true]);
		s = reduceExam(s, { type: 'startDomc', now });
		expect(s.phase).toBe('domc');
		const at = s.current;
		expect(reduceExam(s, { type: 'goto', now, index: 0 })).toBe(s);
		expect(reduceExam(s, { type: 'choose', now, option: 1 })).toBe(s);
		// Yes to the first option shown decides the question either way and moves on.
		s = reduceExam(s, { type: 'respond', now, yes: true });
		expect(s.current).toBe(at + 1);
	});

	it('ends when time runs out, ignoring the late answer', () => {
		const s = run();
		const late = reduceExam(s, { type: 'choose', now: s.deadline, option: rightOption(s) });
		expect([late.phase, late.endedBy, late.finishedAt]).toEqual(['finished', 'time', s.deadline]);
		expect(late.items[0]!.kind === 'mcq' && late.items[0]!.answer).toBeNull();
		expect(reduceExam(s, { type: 'tick', now: s.deadline + 1 }).endedBy).toBe('time');
		expect(reduceExam(s, { type: 'tick', now: s.deadline - 1 }).phase).toBe('mcq');
	});

	it('scores: right answers, pass mark, domain breakdown, missed questions with explanation and source', () => {
		let s = run();
		const mcqs = s.items.filter((i) => i.kind === 'mcq').length;
		// Every multiple-choice question right except the first, which is left unanswered.
		for (let i = 1; i < mcqs; i++) {
			s = reduceExam(s, { type: 'goto', now, index: i });
			s = reduceExam(s, { type: 'choose', now, option: rightOption(s) });
		}
		s = reduceExam(s, { type: 'startDomc', now });
		// Every DOMC question answered truthfully: right.
		while (s.phase === 'domc') {
			const item = s.items[s.current] as DomcItem;
			const shown = item.candidate.card.options[item.order[item.responses.length]!]!;
			s = reduceExam(s, { type: 'respond', now: now + 1000, yes: shown.correct });
		}
		expect([s.phase, s.endedBy]).toEqual(['finished', 'submitted']);
		const r = scoreExam(s, DCA_DOMAINS);
		expect([r.correct, r.total, r.score]).toEqual([9, 10, 0.9]);
		expect(r.passed).toBe(true);
		expect(r.byDomain.reduce((a, d) => a + d.total, 0)).toBe(10);
		expect(r.byDomain.reduce((a, d) => a + d.correct, 0)).toBe(9);
		expect(r.missed).toHaveLength(1);
		const miss = r.missed[0]!;
		const card = s.items[0]!.candidate.card as McqCard;
		expect(miss).toMatchObject({
			cardId: card.id,
			given: 'No answer',
			correct: [card.options[card.answer]],
			explanation: card.source.text,
			source: `${card.source.section} › Basics`
		});
		expect(scoreExam(s, DCA_DOMAINS).passed).toBe(true);
		expect(scoreExam({ ...s, config: { ...s.config, passMark: 0.95 } }, DCA_DOMAINS).passed).toBe(false);
		// The unanswered question is not a review; the rest are Good.
		const grades = examGrades(s);
		expect(grades).toHaveLength(9);
		expect(grades.every((g) => g.rating === 'good')).toBe(true);
	});

	it('grades wrong answers Again', () => {
		let s = run();
		s = reduceExam(s, { type: 'choose', now, option: (rightOption(s) + 1) % 2 });
		s = reduceExam(s, { type: 'submit', now });
		expect(examGrades(s)).toEqual([
			{ packId: pack.id, cardId: s.items[0]!.candidate.card.id, rating: 'again' }
		]);
		expect(scoreExam(s, DCA_DOMAINS).missed[0]!.given).not.toBe('No answer');
	});
});

describe('examPool', () => {
	it('counts the questions an exam can draw, per weighted domain in order, and those of no listed domain', () => {
		const pool = examPool(
			[{ domain: 'b' }, { domain: 'a' }, { domain: 'b' }, { domain: null }, { domain: 'elsewhere' }],
			[
				{ id: 'a', weight: 0.6 },
				{ id: 'b', weight: 0.3 },
				{ id: 'c', weight: 0.1 }
			]
		);
		expect(pool).toEqual({
			total: 5,
			byDomain: [
				{ id: 'a', count: 1 },
				{ id: 'b', count: 2 },
				{ id: 'c', count: 0 }
			],
			untagged: 2
		});
	});
});
