import { describe, expect, it } from 'vitest';
import {
	BEYOND_EXAM,
	asCandidate,
	examConfig,
	examDomainOf,
	reduceExam,
	scoreExam,
	startExam,
	type ExamSource,
	type ExamState,
	type MultiItem
} from '$lib/core/exam';
import { DCA_DOMAINS } from '$lib/core/pack/domains';
import type { Card, CardId, SectionId } from '$lib/core/pack/types';
import { multiCard, outputCard, scenarioCard } from '../../../fixtures/new-kinds';

const now = Date.UTC(2026, 10, 28, 9);

/** 40 questions per domain, of every choice kind (one in eight multiple select), each tagged with one of three objectives. */
function bank(): ExamSource[] {
	const out: ExamSource[] = [];
	DCA_DOMAINS.forEach((d, di) => {
		for (let i = 0; i < 40; i++) {
			const objectives = [`${di + 1}.${(i % 3) + 1}`];
			const id = `${d.id}-${i}` as CardId;
			const sectionId = `s${di}-${i % 4}` as SectionId;
			const templates: Card[] = [
				{ ...scenarioCard, id, sectionId, objectives, domain: d.id },
				{ ...outputCard, id, sectionId, objectives, domain: d.id },
				{ ...multiCard, id, sectionId, objectives, domain: d.id },
				{
					id,
					sectionId,
					kind: 'mcq',
					stem: 'Which?',
					options: ['Right', 'Wrong'],
					answer: 0,
					source: { section: d.title, text: 'x' },
					objectives
				}
			];
			out.push({
				packId: 'p',
				card: templates[[0, 1, 3, 3, 0, 2, 3, 1][i % 8]!] as ExamSource['card'],
				sectionTitle: d.title,
				domain: d.id
			});
		}
	});
	return out;
}

describe('which cards are in the exam', () => {
	it("uses a card's own domain, else its section's, and leaves out material beyond the exam", () => {
		expect(examDomainOf({ domain: 'security' }, 'networking')).toBe('security');
		expect(examDomainOf({}, 'networking')).toBe('networking');
		expect(examDomainOf({}, null)).toBeNull();
		expect(examDomainOf({ domain: BEYOND_EXAM }, 'networking')).toBeUndefined();
		expect(examDomainOf({}, BEYOND_EXAM)).toBeUndefined();
	});
});

describe('the exam draw', () => {
	const sources = bank();

	it('draws every domain by its weight over 200 seeds, within one question of its share', () => {
		const counts = new Map<string, number[]>();
		for (let seed = 1; seed <= 200; seed++) {
			const exam = startExam(sources, DCA_DOMAINS, examConfig(), seed, now);
			expect(exam.items).toHaveLength(55);
			const per = new Map<string, number>();
			for (const item of exam.items)
				per.set(item.candidate.domain!, (per.get(item.candidate.domain!) ?? 0) + 1);
			for (const d of DCA_DOMAINS) counts.set(d.id, [...(counts.get(d.id) ?? []), per.get(d.id) ?? 0]);
		}
		for (const d of DCA_DOMAINS) {
			const n = counts.get(d.id)!;
			for (const x of n) expect(Math.abs(x - 55 * d.weight)).toBeLessThanOrEqual(1);
		}
	});

	it('asks most questions as DOMC, the rest as multiple choice and multiple select, in that order', () => {
		for (const seed of [1, 2, 3, 99]) {
			const exam = startExam(sources, DCA_DOMAINS, examConfig(), seed, now);
			const kinds = exam.items.map((i) => i.kind);
			const domc = kinds.filter((k) => k === 'domc').length;
			expect(domc).toBe(Math.round(55 * 0.75));
			expect(kinds).toContain('mcq');
			expect(kinds).toContain('multi');
			expect(kinds.indexOf('domc')).toBe(kinds.length - domc);
			// Every multiple-select card stays multiple select; scenarios and outputs keep their context.
			for (const item of exam.items) {
				if (item.candidate.card.kind === 'multi-select') expect(item.kind).toBe('multi');
			}
		}
	});

	it('is the same exam for the same seed', () => {
		const a = startExam(sources, DCA_DOMAINS, examConfig(), 7, now);
		const b = startExam(sources, DCA_DOMAINS, examConfig(), 7, now);
		expect(a.items.map((i) => [i.kind, i.candidate.card.id])).toEqual(
			b.items.map((i) => [i.kind, i.candidate.card.id])
		);
	});
});

describe('asking a card in another form', () => {
	const source = (card: ExamSource['card']): ExamSource => ({
		packId: 'p',
		card,
		sectionTitle: 'S',
		domain: 'orchestration'
	});

	it('shows a scenario as multiple choice with its situation above, keeping each reason', () => {
		const c = asCandidate(source(scenarioCard), 'choice');
		expect(c.lead).toBe(scenarioCard.situation);
		expect(c.card).toMatchObject({
			kind: 'mcq',
			id: scenarioCard.id,
			stem: scenarioCard.question,
			answer: 0
		});
		if (c.card.kind !== 'mcq') throw new Error('not mcq');
		expect(c.card.reasons).toEqual(scenarioCard.options.map((o) => o.why));
		expect(c.objectives).toEqual(['1.1']);
	});

	it('shows a read-the-output question as DOMC with its output', () => {
		const c = asCandidate(source(outputCard), 'domc');
		expect(c.output).toEqual({ command: 'docker network ls', text: outputCard.output });
		expect(c.card).toMatchObject({ kind: 'domc', stem: outputCard.question, options: outputCard.options });
	});
});

describe('multiple select in the exam', () => {
	function multiExam(): ExamState {
		const s: ExamSource = { packId: 'p', card: multiCard, sectionTitle: 'Networking', domain: 'networking' };
		return startExam([s], DCA_DOMAINS, examConfig({ length: 1 }), 1, now);
	}

	it('toggles options, and counts only the exact set of right ones as correct', () => {
		let exam = multiExam();
		expect(exam.items[0]!.kind).toBe('multi');
		const act = (option: number) => (exam = reduceExam(exam, { type: 'choose', option, now: now + 1 }));
		act(0);
		act(2);
		act(2);
		expect((exam.items[0] as MultiItem).answer).toEqual([0]);
		act(1);
		exam = reduceExam(exam, { type: 'submit', now: now + 2 });
		const result = scoreExam(exam, DCA_DOMAINS);
		expect(result.correct).toBe(1);
		expect(result.byObjective).toEqual([{ objective: '4.1', correct: 1, total: 1 }]);
	});

	it('scores a partly right answer as wrong and says what was given', () => {
		let exam = multiExam();
		exam = reduceExam(exam, { type: 'choose', option: 0, now: now + 1 });
		exam = reduceExam(exam, { type: 'submit', now: now + 2 });
		const result = scoreExam(exam, DCA_DOMAINS);
		expect(result.correct).toBe(0);
		expect(result.missed[0]).toMatchObject({
			kind: 'multi',
			given: '7946',
			correct: ['7946', '4789'],
			objectives: ['4.1']
		});
		expect(result.missed[0]!.explanation).toContain('VXLAN');
	});
});

describe('score by objective', () => {
	it('counts each question for its objectives, in study-guide order', () => {
		let exam = startExam(bank(), DCA_DOMAINS, examConfig(), 3, now);
		exam = reduceExam(exam, { type: 'submit', now: now + 1 });
		const result = scoreExam(exam, DCA_DOMAINS);
		const objectives = result.byObjective!.map((o) => o.objective);
		expect(objectives).toEqual([...objectives].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
		expect(result.byObjective!.reduce((a, o) => a + o.total, 0)).toBe(55);
		expect(result.byObjective!.every((o) => o.correct === 0)).toBe(true);
	});
});
