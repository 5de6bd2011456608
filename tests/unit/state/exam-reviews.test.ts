/**
 * "Count my answers as reviews": the exam grades its cards with the learner's scheduler, exactly as a
 * study session would, in one transaction, and tells other tabs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { examConfig, examGrades, reduceExam, startExam, type ExamState } from '$lib/core/exam';
import { DCA_DOMAINS } from '$lib/core/pack/domains';
import { Scheduler, type CardState, type Rating } from '$lib/core/scheduler';
import { getDb } from '$lib/storage/db';
import { loadExamCandidates } from '$lib/storage/exams';
import { getStates } from '$lib/storage/study';
import { countAsReviews } from '$lib/state/exam.svelte';
import { settings } from '$lib/state/settings.svelte';
import { StudyState } from '$lib/state/study.svelte';
import { examFixturePack } from '../../fixtures/exam-pack';
import { installPack } from '../../fixtures/install';

// The built-in pack is fetched over HTTP in the app; these tests install their own.
vi.mock('$lib/state/builtin', () => ({ builtInPacks: () => [] }));

const T = Date.UTC(2026, 10, 28, 9);
const pack = examFixturePack();
/** Not the defaults: one learning step, lower retention, a short maximum interval, fuzz on. */
const LEARNER = {
	desiredRetention: 0.8,
	learningSteps: ['5m'],
	relearningSteps: ['30m'],
	maximumIntervalDays: 3,
	enableFuzz: true,
	newPerDay: 500
};

async function freshDb(): Promise<void> {
	const db = getDb();
	await db.delete();
	await db.open();
	await installPack(db, pack, T - 60_000);
	expect(await settings.save(LEARNER)).toBe(true);
}

/** An exam over the whole pack, answered right and wrong in turn. */
async function takeExam(): Promise<ExamState> {
	const candidates = await loadExamCandidates(getDb());
	let s = startExam(candidates, DCA_DOMAINS, examConfig({ length: 100, countAsReviews: true }), 3, T - 1000);
	let n = 0;
	s.items.forEach((item, i) => {
		if (item.kind !== 'mcq') return;
		const card = item.candidate.card;
		const right = card.options.findIndex((o) => o.startsWith('Right'));
		s = reduceExam(
			{ ...s, current: i },
			{ type: 'choose', option: n++ % 2 ? right : (right + 1) % card.options.length, now: T - 900 }
		);
	});
	s = reduceExam(s, { type: 'startDomc', now: T - 800 });
	while (s.phase === 'domc') {
		const item = s.items[s.current]!;
		if (item.kind !== 'domc') break;
		const option = item.candidate.card.options[item.order[item.responses.length]!]!;
		s = reduceExam(s, {
			type: 'respond',
			yes: s.current % 2 ? option.correct : !option.correct,
			now: T - 700
		});
	}
	return reduceExam(s, { type: 'submit', now: T });
}

function statesOf(keys: [string, string][]): Promise<(CardState | undefined)[]> {
	return getStates(getDb(), keys).then((xs) =>
		xs.map((x) => x && ({ ...x, sectionId: undefined, order: undefined } as unknown as CardState))
	);
}

describe('an exam counted as reviews', () => {
	beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: T }));
	afterEach(() => vi.useRealTimers());

	it('leaves every card as the same grades in a study session would, with the learner’s settings', async () => {
		await freshDb();
		const exam = await takeExam();
		const grades = examGrades(exam);
		expect(grades.length).toBeGreaterThan(10);
		expect(new Set(grades.map((g) => g.rating))).toEqual(new Set(['good', 'again']));
		const keys = grades.map((g) => [g.packId, g.cardId] as [string, string]);

		const heard: string[] = [];
		const tab = new BroadcastChannel('deckhand');
		tab.onmessage = (e: MessageEvent<{ type: string; key: string }>) => {
			if (e.data.type === 'graded') heard.push(e.data.key);
		};
		expect(await countAsReviews(exam, T)).toBeNull();
		const fromExam = await statesOf(keys);
		// One transaction, so the log count is all or nothing: one review per answered question.
		expect(await getDb().logs.count()).toBe(grades.length);

		// The same grades, at the same time, through a study session on a fresh database.
		await freshDb();
		const rating = new Map<string, Rating>(grades.map((g) => [g.cardId, g.rating]));
		const study = new StudyState({ packId: pack.id });
		await study.load();
		const done = new Set<string>();
		while (study.current && !done.has(study.current.card.id)) {
			const id = study.current.card.id;
			done.add(id);
			const card = study.current.card;
			// Any answer will do: the grade given is the exam's, whatever the verdict suggests.
			await study.respond(
				card.kind === 'mcq'
					? { kind: 'option', index: 0 }
					: { kind: 'domc', says: card.kind === 'domc' ? card.options.map((o) => o.correct) : [] }
			);
			expect(study.answered).toBe(true);
			await study.grade(rating.get(id) ?? 'good');
			await study.settled();
		}
		expect([...rating.keys()].every((id) => done.has(id))).toBe(true);
		const fromStudy = await statesOf(keys);
		expect(fromExam).toEqual(fromStudy);

		// The learner's settings made a difference: the library's defaults schedule otherwise.
		const defaults = new Scheduler();
		const first = grades.find((g) => g.rating === 'good')!;
		const fresh = defaults.newState(first.cardId as never, first.packId as never, T - 60_000);
		const i = keys.findIndex(([, c]) => c === first.cardId);
		expect(defaults.grade(fresh, 'good', T).state.due).not.toBe(fromExam[i]!.due);

		await new Promise((r) => setTimeout(r, 50));
		tab.close();
		expect(new Set(heard)).toEqual(new Set(keys.map(([p, c]) => `${p}\u0000${c}`)));
	});
});
