/**
 * Which cards a session shows, in which order. Pure: storage hands in the candidates it read through
 * its indexes, this decides the order and applies the day's limits.
 */
import type { Card, PackId, SectionId } from '../pack/types';
import type { CardState } from '../scheduler/types';
import { cardKey } from '../pack/keys';

/** A card with its pack, its place in the pack, and its scheduling state. */
export interface QueueItem<C extends Card = Card> {
	card: C & { packId: PackId; order: number };
	state: CardState;
}

/**
 * What to study: everything, one pack, or chosen sections of a pack; cram ignores due dates. A drill is
 * a cram (the schedule is left alone) on one exam domain, one objective, or chosen cards (the questions
 * missed in an exam).
 */
export interface StudyScope {
	packId?: PackId;
	sectionIds?: SectionId[];
	cram?: boolean;
	drill?: Drill;
}

export type Drill =
	| { domain: string }
	| { objective: string }
	/** Cards as "packId\u0000cardId" keys, see itemKey. */
	| { cards: string[] };

/** Whether a card belongs to a drill (its own domain, else its section's; its objective tags). */
export function inDrill(
	drill: Drill,
	card: {
		id: string;
		packId: string;
		domain?: string | undefined;
		objectives?: readonly string[] | undefined;
	},
	sectionDomain: string | undefined
): boolean {
	if ('domain' in drill) return (card.domain ?? sectionDomain) === drill.domain;
	if ('objective' in drill) return card.objectives?.includes(drill.objective) === true;
	return drill.cards.includes(itemKey({ packId: card.packId, cardId: card.id }));
}

/** A stable string key for a card across packs. */
export function itemKey(item: { packId: string; cardId: string } | QueueItem): string {
	return 'card' in item ? cardKey(item.card.packId, item.card.id) : cardKey(item.packId, item.cardId);
}

/** Whether a state falls inside a scope (pack and sections; `sectionOf` gives a state's section). */
export function inScope(scope: StudyScope, packId: string, sectionId: string | undefined): boolean {
	if (scope.packId !== undefined && scope.packId !== packId) return false;
	if (scope.sectionIds && scope.sectionIds.length > 0)
		return sectionId !== undefined && scope.sectionIds.includes(sectionId as SectionId);
	return true;
}

/** The least a due card needs for ordering: its id, state and due date. */
export interface DueEntry {
	cardId: string;
	state: CardState['state'];
	due: number;
}

/**
 * Due cards in the order to show them: (re)learning cards already due first (earliest first, they are
 * time-sensitive), then reviews by lowest predicted recall, cut to the reviews left for today.
 */
export function orderDue<S extends Pick<CardState, 'cardId' | 'state' | 'due'> | DueEntry>(
	due: readonly S[],
	now: number,
	recall: (s: S, now: number) => number,
	reviewsLeft: number
): S[] {
	const learning = due.filter((s) => s.state !== 'review' && s.due <= now).sort((a, b) => a.due - b.due);
	const reviews = due
		.filter((s) => s.state === 'review')
		.map((s) => ({ s, r: recall(s, now) }))
		.sort((a, b) => a.r - b.r || a.s.due - b.s.due || (a.s.cardId < b.s.cardId ? -1 : 1))
		.slice(0, Math.max(0, reviewsLeft))
		.map((x) => x.s);
	return [...learning, ...reviews];
}

/**
 * New cards interleaved across sections: one from each section in turn, each section's cards in
 * document order, the sections in document order, up to `limit`.
 */
export function interleaveNew<T>(groups: readonly (readonly T[])[], limit: number): T[] {
	const out: T[] = [];
	const max = Math.max(0, limit);
	for (let round = 0; out.length < max; round++) {
		let any = false;
		for (const g of groups) {
			const item = g[round];
			if (item === undefined) continue;
			any = true;
			out.push(item);
			if (out.length >= max) break;
		}
		if (!any) break;
	}
	return out;
}

/** The day's remaining allowance, never below zero. */
export function remaining(limit: number, doneToday: number): number {
	return Math.max(0, limit - doneToday);
}
