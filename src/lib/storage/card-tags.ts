import type { CardTags } from '../core/stats/readiness';
import type { DeckhandDb } from './db';
import { cardKey } from '../core/pack/keys';

/** The exam tags (own domain, objectives) of the installed cards that carry any, keyed "packId\u0000cardId". */
export async function loadCardTags(db: DeckhandDb): Promise<CardTags> {
	const tags = new Map<string, { domain?: string; objectives?: readonly string[] }>();
	// Each installed pack's cards are one record (schema version 8).
	await db.packCards.each((record) => {
		for (const c of record.cards) {
			if (c.domain === undefined && c.objectives === undefined) continue;
			tags.set(cardKey(record.packId, c.id), {
				...(c.domain !== undefined ? { domain: c.domain } : {}),
				...(c.objectives !== undefined ? { objectives: c.objectives } : {})
			});
		}
	});
	return tags;
}
