import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Pack } from '$lib/core/pack/types';
import { Scheduler } from '$lib/core/scheduler';
import { dayEnd, dayStart } from '$lib/core/scheduler/day';
import { DeckhandDb } from '$lib/storage/db';
import { installPack } from '../../fixtures/install';
import { buildQueue, recordGrade, type DayWindow } from '$lib/storage/study';
import { flashcardPack } from '../../fixtures/packs';

const boundary = { startHour: 4, offsetMinutes: 0 };
const win = (t: number): DayWindow => ({
	now: t,
	dayStart: dayStart(t, boundary),
	dayEnd: dayEnd(t, boundary)
});
const limits = { newPerDay: 20, reviewsPerDay: 200 };
const now = Date.UTC(2026, 0, 1, 9);
const scheduler = new Scheduler({ enableFuzz: false });
let db: DeckhandDb;

/** Four flashcards in one section: 1 and 2 are the forward and reverse of one fact (same source). */
function siblingPack(withFact: boolean): Pack {
	const pack = flashcardPack('sib', 4, 1);
	pack.cards[1] = { ...pack.cards[1]!, source: pack.cards[0]!.source };
	if (withFact) {
		pack.cards[0] = { ...pack.cards[0]!, fact: 'one' };
		pack.cards[1] = {
			...pack.cards[1]!,
			source: { section: 'Section 1', text: 'Another text' },
			fact: 'one'
		};
	}
	return pack;
}

beforeEach(() => {
	db = new DeckhandDb(`test-${Math.random()}`);
});
afterEach(() => db.close());

describe.each([
	['the source text (a pack without facts)', false],
	['the card’s fact', true]
])('sibling cards by %s', (_what, withFact) => {
	beforeEach(async () => {
		await installPack(db, siblingPack(withFact), now);
	});

	it('shows one card of a fact on a study day', async () => {
		const q = await buildQueue(db, {}, win(now), limits, scheduler);
		expect(q.map((i) => i.card.id)).toEqual(['sib-c1', 'sib-c3', 'sib-c4']);
	});

	it('holds the sibling of a card graded today until the next study day begins', async () => {
		const [first] = await buildQueue(db, {}, win(now), limits, scheduler);
		const out = scheduler.grade(first!.state, 'easy', now);
		expect((await recordGrade(db, out.state, out.log)).ok).toBe(true);
		const later = await buildQueue(db, {}, win(now + 60_000), limits, scheduler);
		expect(later.map((i) => i.card.id)).toEqual(['sib-c3', 'sib-c4']);
		// 03:59 the next morning is still the same study day (it starts at 4 am).
		const lateNight = Date.UTC(2026, 0, 2, 3, 59);
		expect((await buildQueue(db, {}, win(lateNight), limits, scheduler)).map((i) => i.card.id)).not.toContain(
			'sib-c2'
		);
		const nextDay = await buildQueue(db, {}, win(Date.UTC(2026, 0, 2, 4)), limits, scheduler);
		expect(nextDay.map((i) => i.card.id)).toContain('sib-c2');
	});

	it('brings a card graded Again back the same day, and still holds its sibling', async () => {
		const [first] = await buildQueue(db, {}, win(now), limits, scheduler);
		const out = scheduler.grade(first!.state, 'again', now);
		await recordGrade(db, out.state, out.log);
		const q = await buildQueue(db, {}, win(now + 30 * 60_000), limits, scheduler);
		expect(q.map((i) => i.card.id)).toEqual(['sib-c1', 'sib-c3', 'sib-c4']);
	});
});
