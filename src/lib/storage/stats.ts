import type { CardRef, SectionRef } from '../core/stats/mastery';
import type { StatsCardState } from '../core/stats/recall';
import {
	blockKey,
	blockOf,
	countInBlock,
	emptyBlock,
	talliesFromBlocks,
	type HourBlock,
	type HourTally
} from '../core/stats/tally';
import type { ReviewLog } from '../core/scheduler/types';
import type { DeckhandDb } from './db';
import { STATE_CODES } from './summary';

/** Everything the statistics are computed from. */
export interface StatsData {
	packs: { id: string; title: string }[];
	sections: SectionRef[];
	cards: CardRef[];
	/** Every card's schedule, as far as statistics need it. */
	states: StatsCardState[];
	/** Review counts per hour over the whole history (empty unless asked for). */
	tallies: HourTally[];
	/** The logs after `logsSince`. */
	recentLogs: ReviewLog[];
}

type LogCounts = Pick<ReviewLog, 'packId' | 'reviewedAt' | 'state' | 'rating'>;

/**
 * Counts logs into the kept per-hour review counts (`sign` 1, for logs just added) or takes them out
 * (`sign` -1, for logs just deleted). Call inside the transaction that writes the logs, with
 * `db.reviewBlocks` in its scope, so the counts never disagree with the logs.
 */
export async function countReviews(db: DeckhandDb, logs: readonly LogCounts[], sign: 1 | -1): Promise<void> {
	const keys = new Map<string, [string, number]>();
	for (const l of logs)
		keys.set(blockKey(l.packId, blockOf(l.reviewedAt)), [l.packId, blockOf(l.reviewedAt)]);
	const found = await db.reviewBlocks.bulkGet([...keys.values()]);
	const blocks = new Map<string, HourBlock>();
	for (const b of found) if (b) blocks.set(blockKey(b.packId, b.block), b);
	for (const l of logs) {
		const block = blockOf(l.reviewedAt);
		const key = blockKey(l.packId, block);
		let b = blocks.get(key);
		if (!b) blocks.set(key, (b = emptyBlock(l.packId, block)));
		countInBlock(b, l, sign);
	}
	await db.reviewBlocks.bulkPut([...blocks.values()]);
}

/**
 * Reads packs, sections, every card's section and schedule (from the per-section summaries: tens of
 * records, not every card and state), the per-hour review counts (unless `withTallies` is false) and
 * the review logs after `logsSince` (readiness needs just the last week's).
 */
export async function loadStatsData(
	db: DeckhandDb,
	logsSince: number,
	withTallies = true
): Promise<StatsData> {
	return db.transaction('r', [db.packs, db.summaries, db.reviewBlocks, db.logs], async () => {
		const [packs, summaries, blocks, recentLogs] = await Promise.all([
			db.packs.toArray(),
			db.summaries.toArray(),
			withTallies ? db.reviewBlocks.toArray() : [],
			db.logs.where('reviewedAt').above(logsSince).toArray()
		]);
		const sections: SectionRef[] = packs.flatMap((p) =>
			p.sections.map((s) => ({
				packId: p.id,
				id: s.id,
				title: s.title,
				...(s.domain ? { domain: s.domain } : {})
			}))
		);
		const cards: CardRef[] = [];
		const states: StatsCardState[] = [];
		for (const sum of summaries) {
			sum.ids.forEach((cardId, i) => {
				cards.push({ packId: sum.packId, id: cardId, sectionId: sum.sectionId });
				const last = sum.lastReview[i]!;
				states.push({
					packId: sum.packId,
					cardId,
					state: STATE_CODES[sum.state[i]!] ?? 'new',
					due: sum.due[i]!,
					stability: sum.stability[i]!,
					lastReview: Number.isNaN(last) ? null : last
				});
			});
		}
		return {
			packs: packs.map((p) => ({ id: p.id, title: p.title })),
			sections,
			cards,
			states,
			tallies: talliesFromBlocks(blocks),
			recentLogs
		};
	});
}
