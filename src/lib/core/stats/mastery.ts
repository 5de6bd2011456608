import { cardKey, MASTERY_THRESHOLD, type RecallFn, type StatsCardState } from './recall';

/** What the statistics need to know of a section. */
export interface SectionRef {
	packId: string;
	id: string;
	title: string;
	domain?: string;
}

/** What the statistics need to know of a card. */
export interface CardRef {
	packId: string;
	id: string;
	sectionId: string;
}

export interface SectionMastery {
	packId: string;
	sectionId: string;
	title: string;
	cards: number;
	mastered: number;
	/** mastered / cards (0 for an empty section). */
	share: number;
}

/** Per section, the share of cards whose predicted recall at `now` is at least 90%. */
export function sectionMastery(
	sections: readonly SectionRef[],
	cards: readonly CardRef[],
	states: readonly StatsCardState[],
	recall: RecallFn,
	now: number
): SectionMastery[] {
	const byKey = new Map<string, StatsCardState>();
	for (const s of states) byKey.set(cardKey(s.packId, s.cardId), s);
	const tally = new Map<string, [number, number]>();
	for (const s of sections) tally.set(cardKey(s.packId, s.id), [0, 0]);
	for (const c of cards) {
		const t = tally.get(cardKey(c.packId, c.sectionId));
		if (!t) continue;
		t[0] += 1;
		const state = byKey.get(cardKey(c.packId, c.id));
		if (state && state.state !== 'new' && recall(state, now) >= MASTERY_THRESHOLD) t[1] += 1;
	}
	return sections.map((s) => {
		const [total, mastered] = tally.get(cardKey(s.packId, s.id))!;
		return {
			packId: s.packId,
			sectionId: s.id,
			title: s.title,
			cards: total,
			mastered,
			share: total === 0 ? 0 : mastered / total
		};
	});
}
