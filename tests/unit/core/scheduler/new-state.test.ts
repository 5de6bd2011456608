import { describe, expect, it } from 'vitest';
import { createEmptyCard, State } from 'ts-fsrs';
import { Scheduler } from '$lib/core/scheduler';
import { NEW_STATES, newCardState } from '$lib/core/scheduler/new-state';
import type { CardId, PackId } from '$lib/core/pack/types';

const times = [0, Date.UTC(2026, 0, 1, 9, 0, 0), Date.UTC(2026, 10, 28, 23, 59, 59, 999)];

describe('newCardState (no ts-fsrs)', () => {
	it('equals the scheduler’s own new state, which maps ts-fsrs’s createEmptyCard', () => {
		const scheduler = new Scheduler();
		for (const now of times) {
			expect(newCardState('c1' as CardId, 'p' as PackId, now)).toEqual(
				scheduler.newState('c1' as CardId, 'p' as PackId, now)
			);
		}
	});

	it('holds every field of ts-fsrs’s empty card, field by field', () => {
		const now = times[1]!;
		const empty = createEmptyCard(new Date(now));
		const s = newCardState('c1' as CardId, 'p' as PackId, now);
		expect(empty.state).toBe(State.New);
		expect(s).toEqual({
			cardId: 'c1',
			packId: 'p',
			state: 'new',
			due: empty.due.getTime(),
			stability: empty.stability,
			difficulty: empty.difficulty,
			scheduledDays: empty.scheduled_days,
			learningSteps: empty.learning_steps,
			reps: empty.reps,
			lapses: empty.lapses,
			lastReview: empty.last_review ?? null
		});
		// Nothing of the library's own record is left unmapped (elapsed_days is deprecated and always 0).
		expect(Object.keys(empty).sort()).toEqual(
			[
				'due',
				'stability',
				'difficulty',
				'elapsed_days',
				'scheduled_days',
				'learning_steps',
				'reps',
				'lapses',
				'state',
				'last_review'
			].sort()
		);
		expect(empty.elapsed_days).toBe(0);
	});

	it('can be graded by the scheduler like a state it made itself', () => {
		const scheduler = new Scheduler({ enableFuzz: false });
		const now = times[1]!;
		const plain = scheduler.grade(NEW_STATES.newState('c' as CardId, 'p' as PackId, now), 'good', now);
		const own = scheduler.grade(scheduler.newState('c' as CardId, 'p' as PackId, now), 'good', now);
		expect(plain).toEqual(own);
	});
});
