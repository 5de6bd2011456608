import type { CardRef, SectionRef } from '../core/stats/mastery';
import { tallyHours, type HourTally } from '../core/stats/tally';
import type { CardState, ReviewLog } from '../core/scheduler/types';
import type { DeckhandDb } from './db';

/** Everything the statistics are computed from. */
export interface StatsData {
	packs: { id: string; title: string }[];
	sections: SectionRef[];
	cards: CardRef[];
	states: CardState[];
	/** Review counts per hour over the whole history. */
	tallies: HourTally[];
	/** The logs after `logsSince`. */
	recentLogs: ReviewLog[];
}

/** Settings key of the hour tallies' watermark: the last log id counted, and how many logs were counted. */
export const REVIEW_HOURS_MARK = 'stats.reviewHours';

interface Mark {
	upToId: number;
	count: number;
}

/**
 * Brings the per-hour review counts up to date with the logs and returns them. Only logs added since
 * the last call are read. If logs already counted have gone (an undone grade), the counts are rebuilt.
 */
export async function refreshReviewHours(db: DeckhandDb): Promise<HourTally[]> {
	return db.transaction('rw', db.logs, db.reviewHours, db.settings, async () => {
		const stored = (await db.settings.get(REVIEW_HOURS_MARK))?.value as Mark | undefined;
		let mark: Mark = stored ?? { upToId: 0, count: 0 };
		if ((await db.logs.where(':id').belowOrEqual(mark.upToId).count()) !== mark.count) {
			await db.reviewHours.clear();
			mark = { upToId: 0, count: 0 };
		}
		const fresh = await db.logs.where(':id').above(mark.upToId).toArray();
		if (fresh.length > 0) {
			const hours = [...new Set(fresh.map((l) => Math.floor(l.reviewedAt / 3_600_000)))];
			const known = new Map<number, HourTally>();
			for (const t of await db.reviewHours.bulkGet(hours)) if (t) known.set(t.hour, t);
			const merged = tallyHours(fresh, known);
			await db.reviewHours.bulkPut([...merged.values()]);
			const upToId = fresh.reduce((a, l) => Math.max(a, l.id ?? 0), mark.upToId);
			await db.settings.put({ key: REVIEW_HOURS_MARK, value: { upToId, count: mark.count + fresh.length } });
		}
		return db.reviewHours.toArray();
	});
}

/**
 * Reads packs, sections, card-to-section links, states, the per-hour review counts (brought up to
 * date first, unless `withTallies` is false) and the review logs after `logsSince` (readiness needs
 * just the last week's).
 */
export async function loadStatsData(
	db: DeckhandDb,
	logsSince: number,
	withTallies = true
): Promise<StatsData> {
	const tallies = withTallies ? await refreshReviewHours(db) : [];
	return db.transaction('r', db.packs, db.cards, db.states, db.logs, async () => {
		const packs = await db.packs.toArray();
		const sections: SectionRef[] = packs.flatMap((p) =>
			p.sections.map((s) => ({
				packId: p.id,
				id: s.id,
				title: s.title,
				...(s.domain ? { domain: s.domain } : {})
			}))
		);
		const cards: CardRef[] = [];
		// Only the ids are kept: card content is not needed for statistics.
		await db.cards.each((c) => {
			cards.push({ packId: c.packId, id: c.id, sectionId: c.sectionId });
		});
		const [states, recentLogs] = await Promise.all([
			db.states.toArray(),
			db.logs.where('reviewedAt').above(logsSince).toArray()
		]);
		return {
			packs: packs.map((p) => ({ id: p.id, title: p.title })),
			sections,
			cards,
			states,
			tallies,
			recentLogs
		};
	});
}
