import type { ReviewLog } from '../scheduler/types';

const HOUR_MS = 3_600_000;

/**
 * Review counts for one UTC hour. The activity charts need only these counts, so the app keeps them
 * in a table instead of reading every log; an hour maps to one study day for any whole-hour time zone
 * and day-start hour (a half-hour zone can put up to 30 minutes of reviews on the neighbouring day).
 */
export interface HourTally {
	/** Hours since 1970-01-01T00:00Z. */
	hour: number;
	reviews: number;
	/** Reviews of cards that were in the review state. */
	reviewState: number;
	/** Of those, the ones not graded Again. */
	passed: number;
}

/** Adds logs to per-hour tallies (a new map unless one is given to add to). */
export function tallyHours(
	logs: readonly Pick<ReviewLog, 'reviewedAt' | 'state' | 'rating'>[],
	into: Map<number, HourTally> = new Map()
): Map<number, HourTally> {
	for (const log of logs) {
		const hour = Math.floor(log.reviewedAt / HOUR_MS);
		let t = into.get(hour);
		if (!t) {
			t = { hour, reviews: 0, reviewState: 0, passed: 0 };
			into.set(hour, t);
		}
		t.reviews += 1;
		if (log.state === 'review') {
			t.reviewState += 1;
			if (log.rating !== 'again') t.passed += 1;
		}
	}
	return into;
}

/** The instant an hour tally starts. */
export function hourStart(t: HourTally): number {
	return t.hour * HOUR_MS;
}

/** Hours in one block of kept review counts (about six weeks). */
export const BLOCK_HOURS = 1024;

/**
 * One pack's review counts for BLOCK_HOURS consecutive hours, in arrays indexed by the hour within the
 * block. The app keeps these in the same transaction as every log write, so statistics read a few
 * dozen small records instead of every log, and removing a pack's logs removes its blocks.
 */
export interface HourBlock {
	packId: string;
	/** floor(hour / BLOCK_HOURS). */
	block: number;
	reviews: Uint32Array;
	reviewState: Uint32Array;
	passed: Uint32Array;
}

/** The block a review at `reviewedAt` is counted in. */
export function blockOf(reviewedAt: number): number {
	return Math.floor(Math.floor(reviewedAt / HOUR_MS) / BLOCK_HOURS);
}

/** A block with no reviews. */
export function emptyBlock(packId: string, block: number): HourBlock {
	return {
		packId,
		block,
		reviews: new Uint32Array(BLOCK_HOURS),
		reviewState: new Uint32Array(BLOCK_HOURS),
		passed: new Uint32Array(BLOCK_HOURS)
	};
}

/** Counts one log into its block (`sign` 1), or takes it back out (`sign` -1, for a deleted log). */
export function countInBlock(
	b: HourBlock,
	log: Pick<ReviewLog, 'reviewedAt' | 'state' | 'rating'>,
	sign: 1 | -1 = 1
): void {
	const i = Math.floor(log.reviewedAt / HOUR_MS) - b.block * BLOCK_HOURS;
	if (i < 0 || i >= BLOCK_HOURS) throw new Error(`review at ${log.reviewedAt} is not in block ${b.block}`);
	// Unsigned arrays: a count never goes below zero, even if asked to take back a log never counted.
	b.reviews[i] = Math.max(0, b.reviews[i]! + sign);
	if (log.state === 'review') {
		b.reviewState[i] = Math.max(0, b.reviewState[i]! + sign);
		if (log.rating !== 'again') b.passed[i] = Math.max(0, b.passed[i]! + sign);
	}
}

/** The key that tells blocks apart (pack and block number). */
export function blockKey(packId: string, block: number): string {
	return `${packId}\u0000${block}`;
}

/** Counts logs into blocks per pack (new blocks unless a map of blocks by `blockKey` is given). */
export function tallyBlocks(
	logs: Iterable<Pick<ReviewLog, 'packId' | 'reviewedAt' | 'state' | 'rating'>>,
	into: Map<string, HourBlock> = new Map()
): Map<string, HourBlock> {
	for (const log of logs) {
		const block = blockOf(log.reviewedAt);
		const key = blockKey(log.packId, block);
		let b = into.get(key);
		if (!b) into.set(key, (b = emptyBlock(log.packId, block)));
		countInBlock(b, log);
	}
	return into;
}

/** The hours with reviews that a set of blocks holds, the packs' counts added together, oldest first. */
export function talliesFromBlocks(blocks: readonly HourBlock[]): HourTally[] {
	// Add the packs' blocks up block by block in typed arrays, then walk the hours in order: no map of
	// 17,000 hours and no sort.
	const sums = new Map<number, [Uint32Array, Uint32Array, Uint32Array]>();
	for (const b of blocks) {
		let sum = sums.get(b.block);
		if (!sum) {
			sum = [new Uint32Array(BLOCK_HOURS), new Uint32Array(BLOCK_HOURS), new Uint32Array(BLOCK_HOURS)];
			sums.set(b.block, sum);
		}
		const [reviews, reviewState, passed] = sum;
		for (let i = 0; i < BLOCK_HOURS; i++) {
			if (b.reviews[i] === 0) continue;
			reviews[i]! += b.reviews[i]!;
			reviewState[i]! += b.reviewState[i]!;
			passed[i]! += b.passed[i]!;
		}
	}
	const out: HourTally[] = [];
	for (const block of [...sums.keys()].sort((a, b) => a - b)) {
		const [reviews, reviewState, passed] = sums.get(block)!;
		const first = block * BLOCK_HOURS;
		for (let i = 0; i < BLOCK_HOURS; i++) {
			if (reviews[i] === 0) continue;
			out.push({ hour: first + i, reviews: reviews[i]!, reviewState: reviewState[i]!, passed: passed[i]! });
		}
	}
	return out;
}
