import { describe, expect, it } from 'vitest';
import { Scheduler } from '$lib/core/scheduler';
import type { QueueItem } from '$lib/core/queue';
import {
	answer,
	canUndo,
	cardsLeft,
	dropCard,
	enqueue,
	graded,
	rejected,
	startSession,
	stored,
	undone
} from '$lib/core/session';
import { everyKindPack } from '../../../fixtures/packs';

const t0 = Date.UTC(2026, 0, 1, 9);
const MIN = 60_000;
const scheduler = new Scheduler({ enableFuzz: false });
const pack = everyKindPack();
const items: QueueItem[] = pack.cards.slice(0, 3).map((card, order) => ({
	card: { ...card, packId: pack.id, order },
	state: scheduler.newState(card.id, pack.id, t0)
}));

describe('session machine', () => {
	it('shows, answers, grades and moves on', () => {
		let s = startSession(items, t0);
		expect(s.current?.card.id).toBe('f1');
		expect(s.phase).toBe('question');
		s = answer(s, { verdict: null, suggested: null, feedback: null });
		expect(s.phase).toBe('answered');
		const out = scheduler.grade(s.current!.state, 'easy', t0);
		s = graded(s, out.state, 1, t0, 'easy');
		expect(s.current?.card.id).toBe('m1');
		expect(s.phase).toBe('question');
		expect(s.reviewed).toBe(1);
		expect(cardsLeft(s)).toBe(2);
	});

	it('brings a learning card back when it falls due, and learns ahead when nothing else is left', () => {
		let s = startSession(items.slice(0, 2), t0);
		const out = scheduler.grade(s.current!.state, 'again', t0); // 1 minute step
		s = graded(s, out.state, 1, t0, 'again');
		expect(s.current?.card.id).toBe('m1');
		expect(s.pending.map((p) => p.card.id)).toEqual(['f1']);
		const out2 = scheduler.grade(s.current!.state, 'easy', t0 + 2 * MIN);
		s = graded(s, out2.state, 2, t0 + 2 * MIN, 'easy');
		expect(s.current?.card.id).toBe('f1');
		expect(s.current?.state.state).toBe('learning');
		expect(s.pending).toEqual([]);
	});

	it('undo puts the last card back on screen with the state it had', () => {
		let s = startSession(items, t0);
		const first = s.current!;
		s = answer(s, { verdict: 'correct', suggested: 'good', feedback: null });
		s = graded(s, scheduler.grade(first.state, 'again', t0).state, 7, t0, 'again');
		expect(canUndo(s)).toBe(true);
		expect(s.history.at(-1)?.logId).toBe(7);
		s = undone(s);
		expect(s.current).toEqual(first);
		expect(s.pending).toEqual([]);
		expect(s.queue.map((q) => q.card.id)).toEqual(['m1', 't1']);
		expect(s.reviewed).toBe(0);
		expect(canUndo(s)).toBe(false);
		expect(undone(s)).toBe(s);
	});

	it('drops a card graded in another tab, moving on if it is on screen', () => {
		let s = startSession(items, t0);
		s = dropCard(s, `${pack.id}\u0000t1`, t0);
		expect(s.queue.map((q) => q.card.id)).toEqual(['m1']);
		s = dropCard(s, `${pack.id}\u0000f1`, t0);
		expect(s.current?.card.id).toBe('m1');
		expect(cardsLeft(s)).toBe(1);
	});

	it('cram: Again brings the card back after a few others; nothing pending', () => {
		let s = startSession(items, t0, true);
		s = graded(s, s.current!.state, null, t0, 'again');
		expect(s.queue.map((q) => q.card.id)).toEqual(['t1', 'f1']);
		expect(s.pending).toEqual([]);
		expect(s.history.at(-1)?.logId).toBeNull();
	});

	it('takes the rest of a queue loaded later, without duplicates', () => {
		let s = startSession(items.slice(0, 1), t0);
		s = enqueue(s, items, t0);
		expect([s.current, ...s.queue].map((q) => q?.card.id)).toEqual(['f1', 'm1', 't1']);
		const empty = enqueue(startSession([], t0), items.slice(1, 2), t0);
		expect(empty.current?.card.id).toBe('m1');
	});

	it('ends when every card is done', () => {
		let s = startSession(items.slice(0, 1), t0);
		s = graded(s, scheduler.grade(s.current!.state, 'easy', t0).state, 1, t0, 'easy');
		expect(s.current).toBeNull();
		expect(cardsLeft(s)).toBe(0);
	});
});

describe('grades written behind the screen', () => {
	const gradeOn = (s: ReturnType<typeof startSession>, rating: 'again' | 'easy') => {
		const a = answer(s, { verdict: null, suggested: null, feedback: null });
		return graded(a, scheduler.grade(a.current!.state, rating, t0).state, null, t0, rating);
	};

	it('a stored grade gets its log id, so Undo can find it', () => {
		let s = gradeOn(startSession(items, t0), 'easy');
		const entry = s.history[0]!;
		expect(entry.logId).toBeNull();
		s = stored(s, entry, 7);
		expect(s.history.map((e) => e.logId)).toEqual([7]);
		expect(s.reviewed).toBe(1);
	});

	it('grades that could not be written are taken back and their cards return, earliest first', () => {
		let s = gradeOn(startSession(items, t0), 'again'); // f1 into learning, m1 on screen
		s = gradeOn(s, 'easy'); // m1 graded, the third card on screen
		expect(s.reviewed).toBe(2);
		const third = s.current!.card.id;
		s = rejected(s, [...s.history], true, t0 + 1);
		expect(s.current?.card.id).toBe('f1');
		expect(s.current?.state.reps).toBe(0);
		expect(s.phase).toBe('question');
		expect(s.queue.map((i) => i.card.id)).toEqual(['m1', third]);
		expect(s.pending).toEqual([]);
		expect(s.history).toEqual([]);
		expect(s.reviewed).toBe(0);
		expect(cardsLeft(s)).toBe(3);
	});

	it('a grade made stale by another tab leaves the count and the session', () => {
		let s = gradeOn(startSession(items, t0), 'again');
		const entry = s.history[0]!;
		s = rejected(s, [entry], false, t0 + 1);
		expect(s.reviewed).toBe(0);
		expect(s.current?.card.id).toBe('m1');
		expect(s.pending).toEqual([]);
		expect(cardsLeft(s)).toBe(2);
	});
});
