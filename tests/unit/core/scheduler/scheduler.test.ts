import { describe, expect, it } from 'vitest';
import { Scheduler, type Rating } from '$lib/core/scheduler';
import type { CardId, PackId } from '$lib/core/pack/types';
import { createEmptyCard, fsrs, State } from 'ts-fsrs';

const DAY = 86_400_000;
const start = Date.UTC(2026, 0, 1, 9, 0, 0);

describe('Scheduler', () => {
	it('pins the intervals of a fixed rating sequence with fuzz off (FSRS-6 defaults, retention 0.90)', () => {
		const s = new Scheduler({ enableFuzz: false });
		let state = s.newState('c1' as CardId, 'p' as PackId, start);
		let now = start;
		const ratings: Rating[] = ['good', 'good', 'good', 'good', 'again', 'good', 'easy'];
		const intervals: number[] = [];
		for (const r of ratings) {
			const out = s.grade(state, r, now);
			state = out.state;
			intervals.push(Math.round(((state.due - now) / DAY) * 1440) / 1440);
			now = state.due;
		}
		// Minutes for the learning steps, then days once in review; a lapse relearns for 10 minutes.
		const shown = intervals.map((d) => (d < 1 ? `${Math.round(d * 1440)}m` : `${Math.round(d)}d`));
		expect(shown).toEqual(['10m', '2d', '11d', '46d', '10m', '3d', '12d']);
		expect(state.reps).toBe(7);
		expect(state.lapses).toBe(1);
	});

	it('pins intervals at retention 0.80 with one learning step and a capped maximum interval', () => {
		const s = new Scheduler({
			enableFuzz: false,
			desiredRetention: 0.8,
			learningSteps: ['5m'],
			relearningSteps: ['5m'],
			maximumIntervalDays: 30
		});
		let state = s.newState('c2' as CardId, 'p' as PackId, start);
		let now = start;
		const shown: string[] = [];
		for (const r of ['again', 'good', 'good', 'good', 'easy', 'hard', 'again', 'good'] as Rating[]) {
			state = s.grade(state, r, now).state;
			const d = (state.due - now) / DAY;
			shown.push(d < 1 ? `${Math.round(d * 1440)}m` : `${Math.round(d)}d`);
			now = state.due;
		}
		// One 5-minute step; the 30-day cap holds for Good, Easy and Hard alike; a lapse relearns for 5 minutes.
		expect(shown).toEqual(['5m', '1d', '7d', '30d', '30d', '30d', '5m', '11d']);
		expect(state.scheduledDays).toBeLessThanOrEqual(30);
	});

	it('writes a log that holds the state it replaced', () => {
		const s = new Scheduler({ enableFuzz: false });
		const before = s.newState('c1' as CardId, 'p' as PackId, start);
		const { state, log } = s.grade(before, 'good', start + 5000, 5000);
		expect(log.before).toEqual(before);
		expect(log.rating).toBe('good');
		expect(log.state).toBe('new');
		expect(log.durationMs).toBe(5000);
		expect(state.state).toBe('learning');
		expect(state.lastReview).toBe(start + 5000);
	});

	it('previews every grade, harder grades no later than easier ones', () => {
		const s = new Scheduler({ enableFuzz: false });
		const p = s.preview(s.newState('c' as CardId, 'p' as PackId, start), start);
		expect(p.again).toBeLessThanOrEqual(p.hard);
		expect(p.hard).toBeLessThanOrEqual(p.good);
		expect(p.good).toBeLessThan(p.easy);
	});

	it('predicts recall near the desired retention when a review card falls due', () => {
		const s = new Scheduler({ enableFuzz: false });
		let state = s.newState('c' as CardId, 'p' as PackId, start);
		state = s.grade(state, 'easy', start).state;
		expect(state.state).toBe('review');
		const r = s.retrievability(state, state.due);
		expect(r).toBeGreaterThan(0.85);
		expect(r).toBeLessThan(0.95);
	});

	it("gives ts-fsrs's own get_retrievability (whole days, 8-decimal stability) without building its card", () => {
		const s = new Scheduler({ enableFuzz: false });
		const f = fsrs({ enable_fuzz: false });
		const rows: [number, number][] = [];
		for (const stability of [0.1, 1, 2.345678912345, 10, 87.5])
			for (const after of [0, 0.4 * DAY, DAY - 1, DAY, 2.7 * DAY, 30 * DAY, 400 * DAY, -DAY]) {
				const card = {
					...createEmptyCard(start),
					state: State.Review,
					stability,
					last_review: new Date(start)
				};
				const expected = f.get_retrievability(card, new Date(start + after), false);
				rows.push([
					s.retrievability({ state: 'review', stability, lastReview: start }, start + after),
					expected
				]);
			}
		for (const [got, expected] of rows) expect(got).toBe(expected);
		expect(s.retrievability({ state: 'new', stability: 3, lastReview: null }, start)).toBe(0);
	});
});
