/** What the home page shows: cards due and new, per pack and section, and today's progress. */
import type { PackId, SectionId } from '../pack/types';

export interface StudyCounts {
	due: number;
	new: number;
}

export interface SectionCounts extends StudyCounts {
	sectionId: SectionId;
	title: string;
	order: number;
}

export interface PackCounts extends StudyCounts {
	packId: PackId;
	title: string;
	sections: SectionCounts[];
}

export interface TodayProgress {
	/** Grades given today (since the day started). */
	reviewed: number;
	/** New cards seen for the first time today. */
	newSeen: number;
	/** Reviews of cards in the review state today. */
	reviewsDone: number;
}

export interface HomeCounts extends StudyCounts {
	/** New cards the learner may still start today (the per-day limit applied). */
	newAvailable: number;
	/** Due reviews the learner may still do today (the per-day limit applied). */
	dueAvailable: number;
	today: TodayProgress;
	packs: PackCounts[];
}
