import { describe, expect, it } from 'vitest';
import { DCA_DOMAINS } from '$lib/core/pack/domains';
import {
	SAVED_EXAM_VERSION,
	examConfig,
	parseSavedExam,
	reduceExam,
	saveExamState,
	startExam,
	type ExamCandidate
} from '$lib/core/exam';
import { examFixturePack } from '../../../fixtures/exam-pack';

const now = Date.UTC(2026, 10, 28, 9);

function candidates(): ExamCandidate[] {
	const pack = examFixturePack();
	return pack.cards.flatMap((card) => {
		if (card.kind !== 'mcq' && card.kind !== 'domc') return [];
		const section = pack.sections.find((s) => s.id === card.sectionId)!;
		return [{ packId: pack.id, card, sectionTitle: section.title, domain: section.domain ?? null }];
	});
}

const exam = reduceExam(startExam(candidates(), DCA_DOMAINS, examConfig({ length: 6 }), 3, now), {
	type: 'choose',
	option: 2,
	now: now + 1000
});

describe('parseSavedExam', () => {
	it('reads back what was saved, through JSON too', () => {
		const saved = saveExamState(exam, 'claim-1', now + 1000);
		expect(saved.version).toBe(SAVED_EXAM_VERSION);
		expect(parseSavedExam(saved)).toEqual({ ok: true, value: saved });
		expect(parseSavedExam(JSON.parse(JSON.stringify(saved)))).toEqual({ ok: true, value: saved });
	});

	it.each([
		['nothing', null, 'saved'],
		['another version', { ...saveExamState(exam, 'c', now), version: 2 }, 'saved.version'],
		['no claim', { ...saveExamState(exam, '', now) }, 'saved.claim'],
		['no deadline', saveExamState({ ...exam, deadline: Number.NaN }, 'c', now), 'saved.exam.deadline'],
		['no questions', saveExamState({ ...exam, items: [] }, 'c', now), 'saved.exam.items'],
		['a question out of range', saveExamState({ ...exam, current: 99 }, 'c', now), 'saved.exam.current'],
		[
			'an answer that is not an option',
			saveExamState(
				{ ...exam, items: [{ ...exam.items[0]!, answer: 42 } as never, ...exam.items.slice(1)] },
				'c',
				now
			),
			'saved.exam.items.0.answer'
		],
		['an unknown phase', saveExamState({ ...exam, phase: 'review' as never }, 'c', now), 'saved.exam.phase']
	])('refuses a record with %s', (_, raw, path) => {
		const r = parseSavedExam(raw);
		expect(r.ok).toBe(false);
		expect(r.ok ? [] : r.errors.map((e) => e.path)).toContain(path);
	});
});
