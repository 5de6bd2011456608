/**
 * The once-only count of the review history into per-pack hour blocks (schema version 6), run after the
 * database opens, in slices, instead of inside the upgrade: at 200,000 logs the count takes seconds, and
 * an upgrade holds the database (and so the first screen's data) until it ends. Version 6's upgrade
 * leaves a marker naming the last log to count; each slice counts the next logs up to it in a
 * transaction of its own and moves the marker on, so a closed tab resumes where it stopped. Logs added
 * meanwhile are counted by the grade that writes them, as always.
 */
import type { DeckhandDb } from './db';
import { countReviews } from './stats';

/** The settings key of the marker (version 6's upgrade writes the same literal). */
export const BLOCKS_PENDING_KEY = 'stats.blocksPending';

export interface BlocksPending {
	/** The last log id the count must reach; later logs were counted when written. */
	upTo: number;
	/** Logs up to this id are counted. */
	after: number;
	/** Logs to count in all, and counted so far (for a progress bar). */
	total: number;
	done: number;
}

export interface BlocksProgress {
	done: number;
	total: number;
}

/** The count still to do, or null when there is none. */
export async function blocksPending(db: DeckhandDb): Promise<BlocksPending | null> {
	const rec = await db.settings.get(BLOCKS_PENDING_KEY);
	return (rec?.value as BlocksPending | undefined) ?? null;
}

/**
 * Counts the next `limit` logs into the blocks, in one transaction. Returns the progress, or null when
 * the count is complete (the marker is then gone).
 */
export async function countBlocksSlice(db: DeckhandDb, limit = 2_000): Promise<BlocksProgress | null> {
	return db.transaction('rw', [db.logs, db.reviewBlocks, db.settings], async () => {
		const p = await blocksPending(db);
		if (!p) return null;
		const page = await db.logs.where(':id').between(p.after, p.upTo, false, true).limit(limit).toArray();
		if (page.length === 0) {
			await db.settings.delete(BLOCKS_PENDING_KEY);
			return null;
		}
		await countReviews(db, page, 1);
		const next: BlocksPending = {
			...p,
			after: page.at(-1)!.id!,
			done: Math.min(p.total, p.done + page.length)
		};
		await db.settings.put({ key: BLOCKS_PENDING_KEY, value: next });
		return { done: next.done, total: next.total };
	});
}

/**
 * Whether a log is in the blocks yet: false only for a log the pending count has still to reach (an
 * undo of such a log must not take it out of the blocks, since the count will never put it in). Call
 * inside a transaction over settings.
 */
export async function isCounted(db: DeckhandDb, logId: number): Promise<boolean> {
	const p = await blocksPending(db);
	return !p || logId <= p.after || logId > p.upTo;
}
