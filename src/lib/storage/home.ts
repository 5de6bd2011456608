/**
 * The home page's figures: due and new per pack and section, and today's progress. Apart from the rest
 * of the study storage (queue, grades, sessions) so the first route loads only what its counts need.
 */
import type { HomeCounts, PackCounts, StudyCounts, TodayProgress } from '../core/queue/counts';
import { remaining } from '../core/queue';
import type { DeckhandDb } from './db';
import { STATE_CODES } from './summary';
import { sectionKey } from '../core/pack/keys';

// The figures' shapes are view types in core (components show them without importing storage).
export type { HomeCounts, PackCounts, SectionCounts, StudyCounts, TodayProgress } from '../core/queue/counts';

export interface DayWindow {
	now: number;
	/** When the study day began. */
	dayStart: number;
	/** When it ends: reviews due before then count as due today. */
	dayEnd: number;
}

export interface Limits {
	newPerDay: number;
	reviewsPerDay: number;
}

/** Whether a state is due within the day: learning cards by the minute, reviews by the day. */
export function isDue(state: string, due: number, w: DayWindow): boolean {
	if (state === 'new') return false;
	return state === 'review' ? due < w.dayEnd : due <= w.now;
}

/** What was studied since the day began. */
export async function loadToday(db: DeckhandDb, dayStart: number): Promise<TodayProgress> {
	const logs = await db.logs.where('reviewedAt').aboveOrEqual(dayStart).toArray();
	return {
		reviewed: logs.length,
		newSeen: logs.filter((l) => l.state === 'new').length,
		reviewsDone: logs.filter((l) => l.state === 'review').length
	};
}

/**
 * The home page's figures in one read: due and new per pack and section from the section summaries
 * (a few dozen records, not one per card), and today's progress from the log index.
 */
export async function loadHomeCounts(db: DeckhandDb, w: DayWindow, limits: Limits): Promise<HomeCounts> {
	return db.transaction('r', db.summaries, db.packs, db.logs, async () => {
		const [sums, packs, today] = await Promise.all([
			db.summaries.toArray(),
			db.packs.toArray(),
			loadToday(db, w.dayStart)
		]);
		const bySection = new Map<string, StudyCounts>();
		for (const sum of sums) {
			const c = { due: 0, new: 0 };
			for (let i = 0; i < sum.ids.length; i++) {
				const st = STATE_CODES[sum.state[i]!]!;
				if (st === 'new') c.new += 1;
				else if (isDue(st, sum.due[i]!, w)) c.due += 1;
			}
			bySection.set(sectionKey(sum.packId, sum.sectionId), c);
		}
		const packCounts: PackCounts[] = packs
			.map((p) => {
				const sections = [...p.sections]
					.sort((a, b) => a.order - b.order)
					.map((s) => ({
						sectionId: s.id,
						title: s.title,
						order: s.order,
						...(bySection.get(sectionKey(p.id, s.id)) ?? { due: 0, new: 0 })
					}));
				return {
					packId: p.id,
					title: p.title,
					due: sections.reduce((n, s) => n + s.due, 0),
					new: sections.reduce((n, s) => n + s.new, 0),
					sections
				};
			})
			.sort((a, b) => a.title.localeCompare(b.title));
		const due = packCounts.reduce((n, p) => n + p.due, 0);
		const fresh = packCounts.reduce((n, p) => n + p.new, 0);
		return {
			due,
			new: fresh,
			newAvailable: Math.min(fresh, remaining(limits.newPerDay, today.newSeen)),
			dueAvailable: Math.min(due, remaining(limits.reviewsPerDay, today.reviewsDone)),
			today,
			packs: packCounts
		};
	});
}
