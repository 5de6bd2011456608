import { describe, expect, it } from 'vitest';
import { DCA_DOMAINS } from '$lib/core/pack/domains';
import {
	currentStreak,
	dayIndex,
	dayLabel,
	dueForecast,
	examReadiness,
	reviewHeatmap,
	sectionMastery,
	statesAsOf,
	tallyHours,
	trueRetention,
	type RecallFn
} from '$lib/core/stats';
import { CLOCK, log, state, utc } from '../../../fixtures/stats';

// Wednesday 11 March 2026, 11:00 in UTC+1.
const now = utc(2026, 3, 11, 10);
// The stub prediction: a card's recall is whatever its stability says, at any time.
const recall: RecallFn = (s) => s.stability;

describe('study days', () => {
	it('start at the configured hour in local time', () => {
		expect(dayLabel(dayIndex(utc(2026, 3, 11, 2, 59), CLOCK))).toBe('2026-03-10');
		expect(dayLabel(dayIndex(utc(2026, 3, 11, 3, 0), CLOCK))).toBe('2026-03-11');
		expect(dayLabel(dayIndex(utc(2026, 3, 11, 3, 0), { startHour: 0, offsetMinutes: -300 }))).toBe(
			'2026-03-10'
		);
	});
});

const activity = [
	log(utc(2026, 3, 11, 9)), // 10:00 local → 11 March
	log(utc(2026, 3, 11, 2, 30)), // 03:30 local, before the day starts → 10 March
	log(utc(2026, 3, 10, 12)), // 10 March
	log(utc(2026, 3, 9, 23, 30)), // 00:30 local on the 10th → 9 March
	log(utc(2026, 3, 7, 12)), // Saturday 7 March
	log(utc(2026, 3, 12, 12)) // tomorrow
];
const activityHours = [...tallyHours(activity).values()];

describe('reviewHeatmap', () => {
	it('counts reviews per study day over whole weeks ending today', () => {
		const h = reviewHeatmap(activityHours, now, CLOCK, 2);
		expect(h.days[0]!.date).toBe('2026-03-02'); // a Monday
		expect(h.days.at(-1)!.date).toBe('2026-03-11');
		expect(h.days).toHaveLength(10);
		const active = h.days.filter((d) => d.count > 0).map((d) => [d.date, d.count]);
		expect(active).toEqual([
			['2026-03-07', 1],
			['2026-03-09', 1],
			['2026-03-10', 2],
			['2026-03-11', 1]
		]);
		expect([h.total, h.activeDays, h.max]).toEqual([5, 4, 2]);
	});
});

describe('currentStreak', () => {
	it('counts consecutive days ending today', () => {
		expect(currentStreak(activityHours, now, CLOCK)).toEqual({ current: 3, today: true });
	});
	it('keeps the streak alive through a day not yet studied', () => {
		// 04:00 local on the 12th: a new study day, the review at 13:00 has not happened yet.
		expect(currentStreak(activityHours, utc(2026, 3, 12, 3), CLOCK)).toEqual({ current: 3, today: false });
		expect(currentStreak(activityHours, utc(2026, 3, 13, 10), CLOCK)).toEqual({ current: 4, today: false });
	});
	it('is zero after a day without reviews', () => {
		expect(currentStreak(activityHours, utc(2026, 3, 14, 10), CLOCK)).toEqual({ current: 0, today: false });
		expect(currentStreak([], now, CLOCK).current).toBe(0);
	});
});

describe('dueForecast', () => {
	it('puts overdue cards on today and leaves new cards out', () => {
		const f = dueForecast(
			[
				state('new', { state: 'new', due: utc(2026, 3, 1) }),
				state('overdue', { due: utc(2026, 3, 1) }),
				state('tonight', { due: utc(2026, 3, 11, 20) }),
				state('small-hours', { due: utc(2026, 3, 12, 2) }), // 03:00 local: still the 11th
				state('tomorrow', { due: utc(2026, 3, 12, 4), state: 'learning' }),
				state('last-day', { due: utc(2026, 4, 9, 12) }),
				state('beyond', { due: utc(2026, 4, 10, 12) })
			],
			now,
			CLOCK
		);
		expect(f).toHaveLength(30);
		expect(f[0]).toEqual({ offset: 0, date: '2026-03-11', count: 3 });
		expect(f[1]).toEqual({ offset: 1, date: '2026-03-12', count: 1 });
		expect(f[29]).toEqual({ offset: 29, date: '2026-04-09', count: 1 });
		expect(f.reduce((a, d) => a + d.count, 0)).toBe(5);
	});
});

describe('trueRetention', () => {
	const logs = [
		log(utc(2026, 3, 10), 'good'),
		log(utc(2026, 3, 10), 'again'),
		log(utc(2026, 3, 9), 'again', 'learning'),
		log(utc(2026, 3, 4), 'hard'),
		log(utc(2026, 3, 4), 'good', 'relearning'),
		log(utc(2026, 2, 20), 'again'),
		log(utc(2026, 2, 20), 'easy'),
		log(utc(2026, 1, 5), 'good')
	];
	it('is the share of review-state reviews not graded Again, by week and month', () => {
		const r = trueRetention(tallyHours(logs).values(), now, CLOCK, 3, 2);
		expect(r.weeks.map((w) => [w.start, w.reviews, w.passed, w.retention])).toEqual([
			['2026-02-23', 0, 0, null],
			['2026-03-02', 1, 1, 1],
			['2026-03-09', 2, 1, 0.5]
		]);
		expect(r.months.map((m) => [m.label, m.reviews, m.passed, m.retention])).toEqual([
			['Feb 2026', 2, 1, 0.5],
			['Mar 2026', 3, 2, 2 / 3]
		]);
	});
});

const sections = [
	{ packId: 'p', id: 'a', title: 'A', domain: 'orchestration' },
	{ packId: 'p', id: 'b', title: 'B', domain: 'networking' },
	{ packId: 'p', id: 'c', title: 'C' },
	{ packId: 'q', id: 'a', title: 'Other pack A' }
];
const cards = [
	{ packId: 'p', id: 'c1', sectionId: 'a' },
	{ packId: 'p', id: 'c2', sectionId: 'a' },
	{ packId: 'p', id: 'c3', sectionId: 'a' },
	{ packId: 'p', id: 'c4', sectionId: 'b' },
	{ packId: 'p', id: 'c5', sectionId: 'c' },
	{ packId: 'q', id: 'c1', sectionId: 'a' }
];

describe('sectionMastery', () => {
	it('is the share of cards predicted at 90% or more', () => {
		const states = [
			state('c1', { stability: 0.95 }),
			state('c2', { stability: 0.9 }),
			state('c3', { stability: 0.5 }),
			state('c4', { stability: 0.99, state: 'new' }),
			state('c1', { stability: 0.2 }, 'q')
		];
		const m = sectionMastery(sections, cards, states, recall, now);
		expect(m.map((s) => [s.title, s.cards, s.mastered, s.share])).toEqual([
			['A', 3, 2, 2 / 3],
			['B', 1, 0, 0],
			['C', 1, 0, 0],
			['Other pack A', 1, 0, 0]
		]);
	});
});

describe('statesAsOf', () => {
	it("takes the state replaced by each card's first review after the date", () => {
		const current = state('c1', { stability: 3 });
		const logs = [
			log(utc(2026, 3, 9), 'good', 'review', 'c1', state('c1', { stability: 2 })),
			log(utc(2026, 3, 6), 'good', 'review', 'c1', state('c1', { stability: 1 })),
			log(utc(2026, 3, 1), 'good', 'review', 'c1', state('c1', { stability: 0.5 }))
		];
		expect(statesAsOf([current], logs, utc(2026, 3, 4))[0]!.stability).toBe(1);
		expect(statesAsOf([current], logs, utc(2026, 3, 10))[0]!.stability).toBe(3);
	});
});

describe('examReadiness', () => {
	it('weights the mean predicted recall per domain by the exam weights, and compares with a week ago', () => {
		const states = [
			state('c1', { stability: 0.8 }),
			state('c2', { state: 'new', stability: 0.7 }),
			state('c3', { stability: 0.4 }),
			state('c4', { stability: 0.9 }),
			state('c5', { stability: 1 })
		];
		const logs = [
			// c1 was reviewed three days ago; before that its recall stood at 0.6.
			log(now - 3 * 86_400_000, 'good', 'review', 'c1', state('c1', { stability: 0.6 })),
			// c4's last review was ten days ago: no change within the week.
			log(now - 10 * 86_400_000, 'good', 'review', 'c4', state('c4', { stability: 0.1 }))
		];
		const r = examReadiness(DCA_DOMAINS, sections, cards, states, logs, recall, now);
		const orch = r.domains.find((d) => d.id === 'orchestration')!;
		expect(orch.cards).toBe(3);
		expect(orch.score).toBeCloseTo((0.8 + 0 + 0.4) / 3, 10);
		expect(orch.weekAgo).toBeCloseTo((0.6 + 0 + 0.4) / 3, 10);
		const net = r.domains.find((d) => d.id === 'networking')!;
		expect([net.score, net.weekAgo]).toEqual([0.9, 0.9]);
		// (0.4 × 0.25 + 0.9 × 0.15) / 0.40 and (1/3 × 0.25 + 0.9 × 0.15) / 0.40
		expect(r.score).toBeCloseTo(0.5875, 10);
		expect(r.weekAgo).toBeCloseTo((0.25 / 3 + 0.135) / 0.4, 10);
		expect(r.change).toBeCloseTo(0.5875 - (0.25 / 3 + 0.135) / 0.4, 10);
		expect(r.coveredWeight).toBeCloseTo(0.4, 10);
		expect(r.uncovered.map((d) => d.id)).toEqual(['images', 'installation', 'security', 'storage']);
	});
	it('has no score when no pack covers a domain', () => {
		const r = examReadiness(DCA_DOMAINS, [], [], [], [], recall, now);
		expect([r.score, r.change, r.coveredWeight, r.uncovered.length]).toEqual([null, null, 0, 6]);
	});
});
