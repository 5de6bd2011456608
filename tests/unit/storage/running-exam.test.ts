import { describe, expect, it } from 'vitest';
import { DCA_DOMAINS } from '$lib/core/pack/domains';
import {
	countAnswered,
	examConfig,
	mcqCount,
	reduceExam,
	saveExamState,
	scoreExam,
	startExam,
	type ExamState
} from '$lib/core/exam';
import { exportBackup } from '$lib/storage/backup';
import { DeckhandDb } from '$lib/storage/db';
import {
	RUNNING_EXAM_KEY,
	claimRunningExam,
	discardRunningExam,
	finishRunningExam,
	listExams,
	loadExamCandidates,
	loadRunningExam,
	saveRunningExam
} from '$lib/storage/exams';
import { installPack } from '../../fixtures/install';
import { examFixturePack } from '../../fixtures/exam-pack';

const now = Date.UTC(2026, 10, 28, 9);

async function setUp(): Promise<{ db: DeckhandDb; exam: ExamState }> {
	const db = new DeckhandDb(`running-${Math.random()}`);
	await installPack(db, examFixturePack(), now);
	const candidates = await loadExamCandidates(db);
	const exam = startExam(candidates, DCA_DOMAINS, examConfig({ length: 10 }), 7, now);
	return { db, exam };
}

/** Answers the first two multiple-choice questions, flags the second, then goes to the DOMC part and says No once. */
function answerSome(exam: ExamState): ExamState {
	let s = reduceExam(exam, { type: 'choose', option: 1, now: now + 1000 });
	s = reduceExam(s, { type: 'goto', index: 1, now: now + 2000 });
	s = reduceExam(s, { type: 'choose', option: 0, now: now + 3000 });
	s = reduceExam(s, { type: 'flag', now: now + 4000 });
	s = reduceExam(s, { type: 'startDomc', now: now + 5000 });
	return reduceExam(s, { type: 'respond', yes: false, now: now + 6000 });
}

describe('the exam in progress kept on the device', () => {
	it('round-trips questions, answers, flags, DOMC progress and the absolute deadline', async () => {
		const { db, exam } = await setUp();
		expect(mcqCount(exam)).toBeGreaterThanOrEqual(2);
		expect(await loadRunningExam(db)).toEqual({ ok: true, value: null });

		expect((await claimRunningExam(db, saveExamState(exam, 'tab-a', now))).ok).toBe(true);
		const later = answerSome(exam);
		expect((await saveRunningExam(db, saveExamState(later, 'tab-a', now + 6000))).ok).toBe(true);

		// A new connection, as after a reload.
		db.close();
		const again = new DeckhandDb(db.name);
		const back = await loadRunningExam(again);
		expect(back.ok).toBe(true);
		const saved = back.ok ? back.value! : null;
		expect(saved!.claim).toBe('tab-a');
		expect(saved!.exam).toEqual(later);
		expect(saved!.exam.deadline).toBe(now + exam.config.timeLimitMs);
		expect(saved!.exam.phase).toBe('domc');
		const [first, second] = saved!.exam.items;
		expect(first).toMatchObject({ kind: 'mcq', answer: 1, flagged: false });
		expect(second).toMatchObject({ kind: 'mcq', answer: 0, flagged: true });
		expect(saved!.exam.items[mcqCount(later)]).toMatchObject({ kind: 'domc', responses: [false] });
		expect(countAnswered(saved!.exam)).toBe(countAnswered(later));
		// The machine carries on from the stored state exactly as from the one in memory.
		const tick = { type: 'respond', yes: true, now: now + 7000 } as const;
		expect(reduceExam(saved!.exam, tick)).toEqual(reduceExam(later, tick));
		again.close();
	});

	it('a second tab that resumes the exam takes it over: the first one can no longer save or finish it', async () => {
		const { db, exam } = await setUp();
		await claimRunningExam(db, saveExamState(exam, 'tab-a', now));
		await claimRunningExam(db, saveExamState(exam, 'tab-b', now + 500));

		const stale = await saveRunningExam(db, saveExamState(answerSome(exam), 'tab-a', now + 6000));
		expect(stale.ok ? null : stale.errors.kind).toBe('stale');
		const finished = reduceExam(exam, { type: 'submit', now: now + 7000 });
		const lost = await finishRunningExam(db, 'tab-a', scoreExam(finished, DCA_DOMAINS));
		expect(lost.ok ? null : lost.errors.message).toMatch(/another tab/);
		expect(await listExams(db)).toHaveLength(0);

		// The tab holding it finishes it once: the history gets one entry and the kept exam is gone.
		const won = await finishRunningExam(db, 'tab-b', scoreExam(finished, DCA_DOMAINS));
		expect(won.ok).toBe(true);
		expect(await listExams(db)).toHaveLength(1);
		expect(await loadRunningExam(db)).toEqual({ ok: true, value: null });
		const twice = await finishRunningExam(db, 'tab-b', scoreExam(finished, DCA_DOMAINS));
		expect(twice.ok).toBe(false);
		expect(await listExams(db)).toHaveLength(1);
	});

	it('is forgotten when discarded, and left out of backups', async () => {
		const { db, exam } = await setUp();
		await db.settings.put({ key: 'theme', value: 'dark' });
		await claimRunningExam(db, saveExamState(exam, 'tab-a', now));
		const backup = await exportBackup(db, now);
		expect(backup.settings.map((s) => s.key)).toEqual(['theme']);
		await discardRunningExam(db);
		expect(await loadRunningExam(db)).toEqual({ ok: true, value: null });
		expect(await db.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' });
	});

	it('a damaged record is reported, not resumed', async () => {
		const { db, exam } = await setUp();
		await db.settings.put({
			key: RUNNING_EXAM_KEY,
			value: { ...saveExamState(exam, 'tab-a', now), exam: { ...exam, items: [{ kind: 'essay' }] } }
		});
		const r = await loadRunningExam(db);
		expect(r.ok).toBe(false);
		expect(r.ok ? [] : r.errors.map((e) => e.path)).toContain('saved.exam.items.0');
	});
});
