import { describe, expect, it } from 'vitest';
import {
	BLOCK_HOURS,
	countInBlock,
	reviewHeatmap,
	tallyBlocks,
	tallyHours,
	talliesFromBlocks,
	trueRetention
} from '$lib/core/stats';
import { CLOCK, log, utc } from '../../../fixtures/stats';

const now = utc(2026, 3, 11, 10);
const HOUR = 3_600_000;

describe('hour blocks (the per-hour counts the app keeps)', () => {
	const logs = [
		log(utc(2026, 3, 11, 9), 'good'),
		log(utc(2026, 3, 11, 9, 30), 'again'),
		log(utc(2026, 3, 10, 12), 'hard', 'learning'),
		log(utc(2026, 3, 9, 23, 30), 'easy', 'review', 'c', undefined, 'q'),
		log(utc(2025, 12, 1), 'good', 'relearning')
	];

	it('hold the same hour tallies as the logs, packs added together', () => {
		const blocks = [...tallyBlocks(logs).values()];
		// One block per pack and 1,024 hours: December is in an earlier block than March.
		expect(blocks.filter((b) => b.packId === 'q')).toHaveLength(1);
		expect(new Set(blocks.filter((b) => b.packId === 'p').map((b) => b.block)).size).toBeGreaterThan(1);
		expect(talliesFromBlocks(blocks)).toEqual([...tallyHours(logs).values()].sort((a, b) => a.hour - b.hour));
		expect(talliesFromBlocks(blocks).find((t) => t.hour === utc(2026, 3, 11, 9) / HOUR)).toEqual({
			hour: utc(2026, 3, 11, 9) / HOUR,
			reviews: 2,
			reviewState: 2,
			passed: 1
		});
	});

	it('give the hand-computed heatmap and retention', () => {
		const tallies = talliesFromBlocks([...tallyBlocks(logs).values()]);
		const h = reviewHeatmap(tallies, now, CLOCK, 2);
		expect(h.days.filter((d) => d.count > 0).map((d) => [d.date, d.count])).toEqual([
			['2026-03-09', 1],
			['2026-03-10', 1],
			['2026-03-11', 2]
		]);
		const r = trueRetention(tallies, now, CLOCK, 1, 1);
		expect(r.weeks.map((w) => [w.start, w.reviews, w.passed])).toEqual([['2026-03-09', 3, 2]]);
	});

	it('take a deleted log back out, never below zero, and refuse a log of another block', () => {
		const [b] = tallyBlocks([logs[0]!]).values();
		countInBlock(b!, logs[1]!);
		countInBlock(b!, logs[0]!, -1);
		countInBlock(b!, logs[0]!, -1);
		expect(talliesFromBlocks([b!])).toEqual([]);
		expect([b!.reviews, b!.reviewState, b!.passed].map((a) => a.reduce((n, x) => n + x, 0))).toEqual([
			0, 0, 0
		]);
		expect(() => countInBlock(b!, log(utc(2026, 3, 11, 9) + BLOCK_HOURS * HOUR))).toThrow(/not in block/);
	});
});
