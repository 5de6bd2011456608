import type { CardTags } from '../core/stats/readiness';
import type { DeckhandDb } from './db';

/** The exam tags (own domain, objectives) of the installed cards that carry any, keyed "packId\u0000cardId". */
export async function loadCardTags(db: DeckhandDb): Promise<CardTags> {
	const tags = new Map<string, { domain?: string; objectives?: readonly string[] }>();
	await db.cards.each((c) => {
		if (c.domain === undefined && c.objectives === undefined) return;
		tags.set(`${c.packId}\u0000${c.id}`, {
			...(c.domain !== undefined ? { domain: c.domain } : {}),
			...(c.objectives !== undefined ? { objectives: c.objectives } : {})
		});
	});
	return tags;
}
