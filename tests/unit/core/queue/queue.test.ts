import { describe, expect, it } from 'vitest';
import { inScope, interleaveNew, orderDue, remaining } from '$lib/core/queue';
import type { CardState } from '$lib/core/scheduler';

const t = Date.UTC(2026, 0, 10, 9);
function st(id: string, state: CardState['state'], due: number, stability = 5): CardState {
	return {
		cardId: id as never,
		packId: 'p' as never,
		state,
		due,
		stability,
		difficulty: 5,
		scheduledDays: 1,
		learningSteps: 0,
		reps: 1,
		lapses: 0,
		lastReview: t - 10 * 86_400_000
	};
}

describe('queue ordering', () => {
	it('puts due learning cards first, then reviews by lowest recall, within the review limit', () => {
		const recall = (s: CardState) => (s.stability > 100 ? 0.99 : s.stability / 100);
		const out = orderDue(
			[
				st('r1', 'review', t - 1, 50),
				st('l1', 'learning', t - 5),
				st('r2', 'review', t - 2, 10),
				st('l2', 'relearning', t + 60_000),
				st('r3', 'review', t, 30)
			],
			t,
			recall,
			2
		);
		expect(out.map((s) => s.cardId)).toEqual(['l1', 'r2', 'r3']);
	});

	it('interleaves sections round-robin, keeping each section’s order', () => {
		expect(interleaveNew([['a1', 'a2', 'a3'], ['b1'], ['c1', 'c2']], 10)).toEqual([
			'a1',
			'b1',
			'c1',
			'a2',
			'c2',
			'a3'
		]);
		expect(interleaveNew([['a1', 'a2'], ['b1']], 2)).toEqual(['a1', 'b1']);
		expect(interleaveNew([['a1']], 0)).toEqual([]);
	});

	it('scopes by pack and sections, and never allows a negative allowance', () => {
		expect(inScope({}, 'p', 's')).toBe(true);
		expect(inScope({ packId: 'q' as never }, 'p', 's')).toBe(false);
		expect(inScope({ packId: 'p' as never, sectionIds: ['s' as never] }, 'p', 's')).toBe(true);
		expect(inScope({ sectionIds: ['x' as never] }, 'p', 's')).toBe(false);
		expect(remaining(20, 25)).toBe(0);
		expect(remaining(20, 5)).toBe(15);
	});
});
