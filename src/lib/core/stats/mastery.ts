import { joinCards, recallAt, type CardJoin, type CardRef, type SectionRef } from './join';
import { MASTERY_THRESHOLD, type RecallFn, type StatsCardState } from './recall';

export type { CardRef, SectionRef } from './join';

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
	const join = joinCards(sections, cards, states);
	return masteryOfJoined(sections, join, recallAt(join, recall, now));
}

/** `sectionMastery` from cards already joined and their recall at `now` (0 for new cards). */
export function masteryOfJoined(
	sections: readonly SectionRef[],
	join: CardJoin,
	recallNow: Float64Array
): SectionMastery[] {
	const total = new Uint32Array(sections.length);
	const mastered = new Uint32Array(sections.length);
	for (let i = 0; i < join.section.length; i++) {
		const si = join.section[i]!;
		if (si < 0) continue;
		total[si]! += 1;
		// A new card's recall is 0, below the threshold.
		if (recallNow[i]! >= MASTERY_THRESHOLD) mastered[si]! += 1;
	}
	return sections.map((s, i) => {
		const at = join.sameAs[i]!;
		const cards = total[at]!;
		return {
			packId: s.packId,
			sectionId: s.id,
			title: s.title,
			cards,
			mastered: mastered[at]!,
			share: cards === 0 ? 0 : mastered[at]! / cards
		};
	});
}
