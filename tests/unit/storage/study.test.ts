import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Scheduler } from '$lib/core/scheduler';
import { DeckhandDb } from '$lib/storage/db';
import { installPack } from '../../fixtures/install';
import {
	buildQueue,
	buildQueueHead,
	buildQueueKeys,
	countStudy,
	getState,
	loadHomeCounts,
	openSession,
	loadSessionHistory,
	recordGrade,
	undoGrade,
	type DayWindow
} from '$lib/storage/study';
import { QUOTA_MESSAGE } from '$lib/storage/errors';
import { everyKindPack, flashcardPack } from '../../fixtures/packs';

const now = Date.UTC(2026, 0, 1, 9);
const DAY = 86_400_000;
const win = (t: number): DayWindow => ({
	now: t,
	dayStart: Date.UTC(2026, 0, 1, 4),
	dayEnd: Date.UTC(2026, 0, 2, 4)
});
const limits = { newPerDay: 20, reviewsPerDay: 200 };
const pack = flashcardPack('p', 3, 1);
let db: DeckhandDb;
const scheduler = new Scheduler({ enableFuzz: false });

beforeEach(async () => {
	db = new DeckhandDb(`test-${Math.random()}`);
	await installPack(db, pack, now);
});
afterEach(() => {
	vi.restoreAllMocks();
	db.close();
});

describe('study storage', () => {
	it('installs a pack with every card new', async () => {
		expect(await countStudy(db, now)).toEqual({ due: 0, new: 3 });
		const queue = await buildQueue(db, {}, win(now), limits, scheduler);
		expect(queue.map((q) => q.card.kind === 'flashcard' && q.card.front)).toEqual([
			'Front 1',
			'Front 2',
			'Front 3'
		]);
	});

	it('records a grade as a state and a log together, and reinstalling keeps it', async () => {
		const [first] = await buildQueue(db, {}, win(now), limits, scheduler);
		const out = scheduler.grade(first!.state, 'again', now);
		const r = await recordGrade(db, out.state, out.log);
		expect(r.ok).toBe(true);
		expect(await db.logs.count()).toBe(1);
		await installPack(db, pack, now + 1000);
		const kept = await getState(db, pack.id, first!.card.id);
		expect(kept).toMatchObject(out.state);
		const later = now + 60 * 60 * 1000;
		expect(await countStudy(db, later)).toEqual({ due: 1, new: 2 });
	});

	it('refuses a stale grade: the same card graded twice from the same state writes once', async () => {
		const [first] = await buildQueue(db, {}, win(now), limits, scheduler);
		const a = scheduler.grade(first!.state, 'good', now);
		const b = scheduler.grade(first!.state, 'easy', now + 10);
		expect((await recordGrade(db, a.state, a.log)).ok).toBe(true);
		const second = await recordGrade(db, b.state, b.log);
		expect(second.ok).toBe(false);
		if (!second.ok) expect(second.errors.kind).toBe('stale');
		expect(await db.logs.count()).toBe(1);
		expect((await getState(db, pack.id, first!.card.id))!.reps).toBe(1);
	});

	it('undo restores the exact state and removes the log in one transaction', async () => {
		const [first] = await buildQueue(db, {}, win(now), limits, scheduler);
		const before = await getState(db, pack.id, first!.card.id);
		const out = scheduler.grade(first!.state, 'good', now);
		const r = await recordGrade(db, out.state, out.log);
		if (!r.ok) throw new Error('grade failed');
		const u = await undoGrade(db, r.value);
		expect(u.ok).toBe(true);
		// Back to never reviewed: no state is stored, and the card reads as new again (due when read).
		expect(await db.states.get([pack.id, first!.card.id])).toBeUndefined();
		expect({ ...(await getState(db, pack.id, first!.card.id)), due: 0 }).toEqual({ ...before, due: 0 });
		expect(await db.logs.count()).toBe(0);
		expect((await undoGrade(db, r.value)).ok).toBe(false);
	});

	it('a full disk gives a clear message and writes nothing', async () => {
		const [first] = await buildQueue(db, {}, win(now), limits, scheduler);
		const out = scheduler.grade(first!.state, 'good', now);
		vi.spyOn(db.logs, 'add').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		const r = await recordGrade(db, out.state, out.log);
		expect(r).toEqual({ ok: false, errors: { kind: 'quota', message: QUOTA_MESSAGE } });
		expect((await getState(db, pack.id, first!.card.id))!.state).toBe('new');
		vi.restoreAllMocks();
		expect(await db.logs.count()).toBe(0);
	});

	it('keeps a session and its grades for Undo after a reload', async () => {
		const dayStart = win(now).dayStart;
		const s = await openSession(db, 'all', now, dayStart);
		const [first] = await buildQueue(db, {}, win(now), limits, scheduler);
		const out = scheduler.grade(first!.state, 'good', now);
		const r = await recordGrade(db, out.state, out.log, s.id);
		expect(r.ok).toBe(true);
		const again = await openSession(db, 'all', now + 1000, dayStart);
		expect(again.logIds).toHaveLength(1);
		const history = await loadSessionHistory(db, again);
		expect(history[0]!.item.card.id).toBe(first!.card.id);
		expect(history[0]!.item.state.state).toBe('new');
		const tomorrow = await openSession(db, 'all', now + DAY, dayStart + DAY);
		expect(tomorrow.logIds).toEqual([]);
	});
});

describe('queue', () => {
	async function gradeAll(
		items: { state: Parameters<Scheduler['grade']>[0] }[],
		rating: 'good' | 'easy',
		t: number
	) {
		for (const it of items) {
			const out = scheduler.grade(it.state, rating, t);
			await recordGrade(db, out.state, out.log);
		}
	}

	it('interleaves new cards across sections in document order, within the daily limit', async () => {
		await installPack(db, flashcardPack('q', 9, 3), now);
		const q = await buildQueue(
			db,
			{ packId: 'q' as never },
			win(now),
			{ newPerDay: 5, reviewsPerDay: 100 },
			scheduler
		);
		expect(q.map((i) => i.card.id)).toEqual(['q-c1', 'q-c4', 'q-c7', 'q-c2', 'q-c5']);
	});

	it('builds the queue head in one read: the same keys as the queue, its first cards loaded, each pack read once', async () => {
		await installPack(db, flashcardPack('q', 9, 3), now);
		const gets = vi.spyOn(db.packCards, 'bulkGet');
		const head = await buildQueueHead(db, {}, win(now), limits, scheduler, 4);
		// The queue reads the packs for its new cards; loading the first four reads no pack again.
		const packsRead = gets.mock.calls.flatMap(([ids]) => ids);
		expect(packsRead.sort()).toEqual(['p', 'q']);
		gets.mockRestore();
		const keys = await buildQueueKeys(db, {}, win(now), limits, scheduler);
		expect(head.keys).toEqual(keys);
		const whole = await buildQueue(db, {}, win(now), limits, scheduler);
		expect(head.items.map((i) => i.card)).toEqual(whole.slice(0, 4).map((i) => i.card));
		// New cards, never reviewed: their state is made as of the window's time.
		expect(head.items.map((i) => [i.state.state, i.state.due])).toEqual(Array(4).fill(['new', now]));
		expect(head.items.map((i) => i.card.id)).toEqual(keys.slice(0, 4).map(([, c]) => c));
	});

	it('counts new cards already seen today against the limit', async () => {
		await installPack(db, flashcardPack('q', 9, 3), now);
		const first = await buildQueue(
			db,
			{ packId: 'q' as never },
			win(now),
			{ newPerDay: 2, reviewsPerDay: 100 },
			scheduler
		);
		await gradeAll(first, 'easy', now);
		const next = await buildQueue(
			db,
			{ packId: 'q' as never },
			win(now + 1000),
			{ newPerDay: 2, reviewsPerDay: 100 },
			scheduler
		);
		expect(next).toEqual([]);
	});

	it('puts due reviews first, lowest predicted recall first, then new cards; chosen sections only', async () => {
		await installPack(db, flashcardPack('q', 6, 2), now);
		const start = now - 30 * DAY;
		const all = await buildQueue(
			db,
			{ packId: 'q' as never },
			win(start),
			{ newPerDay: 100, reviewsPerDay: 100 },
			scheduler
		);
		// Two cards learnt a month ago with different stability, both due by today.
		const [c1, c2] = all;
		const easy = scheduler.grade(c1!.state, 'easy', start);
		await recordGrade(db, easy.state, easy.log);
		let s2 = scheduler.grade(c2!.state, 'easy', start);
		await recordGrade(db, s2.state, s2.log);
		s2 = scheduler.grade(s2.state, 'good', start + 10 * DAY);
		await recordGrade(db, s2.state, s2.log);
		const q = await buildQueue(db, { packId: 'q' as never }, win(now), limits, scheduler);
		const reviews = q.filter((i) => i.state.state === 'review');
		expect(reviews.length).toBeGreaterThan(0);
		const recalls = reviews.map((i) => scheduler.recall(i.state, now));
		expect(recalls).toEqual([...recalls].sort((a, b) => a - b));
		expect(q.slice(0, reviews.length).every((i) => i.state.state === 'review')).toBe(true);
		const onlyS2 = await buildQueue(
			db,
			{ packId: 'q' as never, sectionIds: ['s2' as never] },
			win(now),
			limits,
			scheduler
		);
		expect(onlyS2.every((i) => i.card.sectionId === 's2')).toBe(true);
		expect(onlyS2.filter((i) => i.state.state === 'new').map((i) => i.card.id)).toEqual(['q-c5', 'q-c6']);
	});

	it('cram takes every card of the chosen sections, due or not', async () => {
		await installPack(db, everyKindPack(), now);
		const q = await buildQueue(
			db,
			{ packId: 'fixture' as never, sectionIds: ['sec-b' as never], cram: true },
			win(now),
			limits,
			scheduler
		);
		expect(q.map((i) => i.card.kind)).toEqual(['mcq', 'cloze', 'command-fill', 'command-order']);
	});

	it('home counts per pack and section, with today’s progress and limits', async () => {
		await installPack(db, everyKindPack(), now);
		const q = await buildQueue(db, { packId: 'fixture' as never }, win(now), limits, scheduler);
		await gradeAll(q.slice(0, 2), 'good', now);
		const c = await loadHomeCounts(db, win(now + 1000), { newPerDay: 5, reviewsPerDay: 200 });
		expect(c.new).toBe(3 + 9 - 2);
		expect(c.newAvailable).toBe(3);
		expect(c.today).toEqual({ reviewed: 2, newSeen: 2, reviewsDone: 0 });
		const fx = c.packs.find((p) => p.packId === 'fixture')!;
		expect(fx.sections.map((s) => [s.title, s.new])).toEqual([
			['Images', 4],
			['Networks', 3]
		]);
		// Learning cards (Good on a new card: 10 minutes) fall due within the hour.
		const later = await loadHomeCounts(db, win(now + 3_600_000), limits);
		expect(later.due).toBe(2);
	});
});
