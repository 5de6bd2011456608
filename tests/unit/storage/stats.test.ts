import { describe, expect, it } from 'vitest';
import type { ReviewLog } from '$lib/core/scheduler';
import { Scheduler } from '$lib/core/scheduler';
import { tallyHours, talliesFromBlocks } from '$lib/core/stats';
import { exportBackup, restoreBackup } from '$lib/storage/backup';
import { DeckhandDb } from '$lib/storage/db';
import { removePack, resetPackProgress } from '$lib/storage/imports';
import { listPackCards } from '$lib/storage/packs';
import { installPack } from '../../fixtures/install';
import { loadStatsData } from '$lib/storage/stats';
import { getState, recordGrade, undoGrade } from '$lib/storage/study';
import { examFixturePack } from '../../fixtures/exam-pack';
import { flashcardPack } from '../../fixtures/packs';

const now = Date.UTC(2026, 10, 28, 9);
const HOUR = 3_600_000;
const scheduler = new Scheduler({ enableFuzz: false });
const pack = examFixturePack();

/** The kept counts must always equal the counts of the logs that are there. */
async function expectCountsMatchLogs(db: DeckhandDb): Promise<void> {
	const fromLogs = [...tallyHours(await db.logs.toArray()).values()].sort((a, b) => a.hour - b.hour);
	expect(talliesFromBlocks(await db.reviewBlocks.toArray())).toEqual(fromLogs);
}

/** Every card's current state, in pack order (a never-reviewed card's is new; none is stored). */
async function statesOf(db: DeckhandDb, packId: string) {
	const cards = await listPackCards(db, packId);
	return Promise.all(cards.map(async (c) => (await getState(db, packId, c.id))!));
}

/** Grades the first `n` cards of a pack, each `step` apart from `at`; returns the log ids. */
async function gradeSome(db: DeckhandDb, packId: string, n: number, at: number, step: number) {
	const states = (await statesOf(db, packId)).slice(0, n);
	const ids: number[] = [];
	for (const [i, s] of states.entries()) {
		const out = scheduler.grade(s, i % 3 === 0 ? 'again' : 'good', at + i * step);
		const r = await recordGrade(db, out.state, out.log);
		if (r.ok) ids.push(r.value);
	}
	return ids;
}

describe('per-hour review counts kept with the logs', () => {
	it('count every grade in the same transaction, and take an undone one back out', async () => {
		const db = new DeckhandDb(`stats-${Math.random()}`);
		await installPack(db, pack, now);
		const [a, b] = await statesOf(db, pack.id);
		const first = scheduler.grade(a!, 'good', now);
		const firstId = await recordGrade(db, first.state, first.log);
		// b in review (as if studied yesterday), graded Hard: a passed review-state review.
		const inReview = { ...b!, state: 'review' as const, lastReview: now - 86_400_000, reps: 1 };
		await db.states.put(inReview);
		const hard = scheduler.grade(inReview, 'hard', now + 60_000);
		expect((await recordGrade(db, hard.state, hard.log)).ok).toBe(true);
		const again = scheduler.grade(hard.state, 'again', now + 120_000);
		expect((await recordGrade(db, again.state, again.log)).ok).toBe(true);
		const hour = now / HOUR;
		expect((await loadStatsData(db, now)).tallies).toEqual([{ hour, reviews: 3, reviewState: 2, passed: 1 }]);
		// Undo the Again, then the first grade: each log leaves the counts with it.
		const lastId = (await db.logs.orderBy(':id').last())!.id!;
		expect((await undoGrade(db, lastId)).ok).toBe(true);
		expect(firstId.ok && (await undoGrade(db, firstId.value)).ok).toBe(true);
		expect((await loadStatsData(db, now)).tallies).toEqual([{ hour, reviews: 1, reviewState: 1, passed: 1 }]);
		await expectCountsMatchLogs(db);
	});

	it('a refused grade or undo changes nothing', async () => {
		const db = new DeckhandDb(`stats-${Math.random()}`);
		await installPack(db, pack, now);
		const [a] = await statesOf(db, pack.id);
		const out = scheduler.grade(a!, 'good', now);
		expect((await recordGrade(db, out.state, out.log)).ok).toBe(true);
		// The same grade again is stale (the stored state moved on): no second count.
		expect((await recordGrade(db, out.state, out.log)).ok).toBe(false);
		expect((await undoGrade(db, 999)).ok).toBe(false);
		await expectCountsMatchLogs(db);
		expect(await db.reviewBlocks.count()).toBe(1);
	});

	it('removing or resetting a pack drops its counts and keeps the other packs’', async () => {
		const db = new DeckhandDb(`stats-${Math.random()}`);
		const other = flashcardPack('other', 6, 2);
		await installPack(db, pack, now);
		await installPack(db, other, now);
		// Reviews an hour apart over a block boundary (1,024 hours), in both packs.
		await gradeSome(db, pack.id, 8, now, 200 * HOUR);
		await gradeSome(db, other.id, 5, now, 300 * HOUR);
		await expectCountsMatchLogs(db);
		expect(await db.reviewBlocks.where('packId').equals(pack.id).count()).toBeGreaterThan(1);

		await resetPackProgress(db, other.id, scheduler, now);
		expect(await db.reviewBlocks.where('packId').equals(other.id).count()).toBe(0);
		await expectCountsMatchLogs(db);
		await gradeSome(db, other.id, 2, now + HOUR, 1);
		await removePack(db, pack.id);
		expect(await db.reviewBlocks.where('packId').equals(pack.id).count()).toBe(0);
		expect((await loadStatsData(db, now)).tallies).toEqual([
			{ hour: now / HOUR + 1, reviews: 2, reviewState: 0, passed: 0 }
		]);
		await expectCountsMatchLogs(db);
	});

	it('restoring a backup rebuilds the counts from its logs', async () => {
		const db = new DeckhandDb(`stats-${Math.random()}`);
		await installPack(db, pack, now);
		await gradeSome(db, pack.id, 4, now, 5 * HOUR);
		const backup = await exportBackup(db, now);
		await gradeSome(db, pack.id, 10, now + 900 * HOUR, HOUR);
		const log: ReviewLog = backup.logs[0]!;
		// One more log only in the backup: the restored counts follow the backup, not the database.
		backup.logs.push({ ...log, id: 1000, reviewedAt: now - 5000 * HOUR });
		expect((await restoreBackup(db, backup)).ok).toBe(true);
		expect(await db.logs.count()).toBe(5);
		await expectCountsMatchLogs(db);
	});
});

describe('loadStatsData', () => {
	it('reads every card’s schedule from the section summaries, the same as the states', async () => {
		const db = new DeckhandDb(`stats-${Math.random()}`);
		await installPack(db, pack, now);
		await gradeSome(db, pack.id, 6, now, HOUR);
		const data = await loadStatsData(db, now - 1);
		const states = await statesOf(db, pack.id);
		const pick = (s: (typeof data.states)[number]) => ({
			packId: s.packId,
			cardId: s.cardId,
			state: s.state,
			// A new card's due is not stored (it has no state); nothing reads it.
			due: s.state === 'new' ? null : s.due,
			stability: s.stability,
			lastReview: s.lastReview
		});
		const byKey = (a: { cardId: string }, b: { cardId: string }) => a.cardId.localeCompare(b.cardId);
		expect(data.states.map(pick).sort(byKey)).toEqual(states.map(pick).sort(byKey));
		expect(data.cards).toHaveLength(states.length);
		expect(data.recentLogs).toHaveLength(6);
		expect(data.tallies.reduce((n, t) => n + t.reviews, 0)).toBe(6);
		expect((await loadStatsData(db, now, false)).tallies).toEqual([]);
	});
});
