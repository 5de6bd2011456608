import type { CardRef, SectionRef } from '../core/stats/mastery';
import type { CardState, ReviewLog } from '../core/scheduler/types';
import type { DeckhandDb } from './db';

/** Everything the statistics are computed from, read in one transaction. */
export interface StatsData {
	packs: { id: string; title: string }[];
	sections: SectionRef[];
	cards: CardRef[];
	states: CardState[];
	logs: ReviewLog[];
}

/**
 * Reads packs, sections, card-to-section links, states and the review logs (all of them, or only those
 * after `logsSince`: readiness needs just the last week's).
 */
export async function loadStatsData(db: DeckhandDb, logsSince?: number): Promise<StatsData> {
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
		const logQuery = logsSince === undefined ? db.logs : db.logs.where('reviewedAt').above(logsSince);
		const [states, logs] = await Promise.all([db.states.toArray(), logQuery.toArray()]);
		return { packs: packs.map((p) => ({ id: p.id, title: p.title })), sections, cards, states, logs };
	});
}
