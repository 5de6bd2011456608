import { describe, expect, it } from 'vitest';
import { DCA_DOMAINS } from '$lib/core/pack/domains';
import {
	buildStatsPage,
	examReadiness,
	firstReviewsAfterByCard,
	joinCards,
	recallAt,
	sectionMastery,
	type RecallFn
} from '$lib/core/stats';
import { CLOCK, log, state, utc } from '../../../fixtures/stats';

const now = utc(2026, 3, 11, 10);
const recall: RecallFn = (s, at) => s.stability * (at === now ? 1 : 0.5);

const sections = [
	{ packId: 'p', id: 'a', title: 'A', domain: 'orchestration' },
	{ packId: 'p', id: 'b', title: 'B', domain: 'networking' },
	{ packId: 'q', id: 'a', title: 'Other pack A', domain: 'security' }
];
const cards = [
	{ packId: 'p', id: 'c1', sectionId: 'a' },
	{ packId: 'p', id: 'c2', sectionId: 'a' },
	{ packId: 'p', id: 'c3', sectionId: 'b' },
	{ packId: 'q', id: 'c1', sectionId: 'a' },
	{ packId: 'q', id: 'c9', sectionId: 'gone' }
];

describe('joinCards', () => {
	it('matches states given in the cards’ order by position', () => {
		const states = cards.map((c) => state(c.id, { stability: 0.5 }, c.packId));
		const join = joinCards(sections, cards, states);
		expect([...join.section]).toEqual([0, 0, 1, 2, -1]);
		expect(join.state.every((s, i) => s === states[i])).toBe(true);
	});

	it('finds states in any order, by pack and card, and leaves cards without one empty', () => {
		const q1 = state('c1', { stability: 0.2 }, 'q');
		const p3 = state('c3', { stability: 0.7 });
		const p1 = state('c1', { stability: 0.9 });
		const join = joinCards(sections, cards, [q1, p3, p1]);
		expect(join.state).toEqual([p1, undefined, p3, q1, undefined]);
	});

	it('predicts recall once per card, 0 for new cards and cards without a state', () => {
		const states = [state('c2', { stability: 0.8, state: 'new' }), state('c1', { stability: 0.6 })];
		expect([...recallAt(joinCards(sections, cards, states), recall, now)]).toEqual([0.6, 0, 0, 0, 0]);
	});
});

describe('firstReviewsAfterByCard', () => {
	it('gives each card its first review after the date, told apart by pack', () => {
		const logs = [
			log(utc(2026, 3, 9), 'good', 'review', 'c1'),
			log(utc(2026, 3, 6), 'good', 'review', 'c1'),
			log(utc(2026, 3, 1), 'good', 'review', 'c1'),
			log(utc(2026, 3, 7), 'good', 'review', 'c1', state('c1', {}, 'q'), 'q')
		];
		const first = firstReviewsAfterByCard(cards, logs, utc(2026, 3, 4));
		expect(first.map((l) => l && [l.packId, l.reviewedAt])).toEqual([
			['p', utc(2026, 3, 6)],
			undefined,
			undefined,
			['q', utc(2026, 3, 7)],
			undefined
		]);
	});
});

describe('buildStatsPage', () => {
	it('gives the same mastery and readiness as computing each on its own', () => {
		const states = [
			state('c3', { stability: 0.95 }),
			state('c1', { stability: 0.92 }),
			state('c1', { stability: 0.3 }, 'q'),
			state('c2', { stability: 0.99, state: 'new' })
		];
		const logs = [log(now - 2 * 86_400_000, 'good', 'review', 'c3', state('c3', { stability: 0.4 }))];
		const page = buildStatsPage(
			{ sections, cards, states, tallies: [], recentLogs: logs },
			DCA_DOMAINS,
			recall,
			now,
			CLOCK
		);
		expect(page.mastery).toEqual(sectionMastery(sections, cards, states, recall, now));
		expect(page.readiness).toEqual(examReadiness(DCA_DOMAINS, sections, cards, states, logs, recall, now));
		expect(page.mastery.map((m) => [m.cards, m.mastered])).toEqual([
			[2, 1],
			[1, 1],
			[1, 0]
		]);
		const net = page.readiness.domains.find((d) => d.id === 'networking')!;
		// c3 now at 0.95; a week ago it was in the state its review two days ago replaced (0.4 × 0.5).
		expect([net.score, net.weekAgo]).toEqual([0.95, 0.2]);
	});
});
