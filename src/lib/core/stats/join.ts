import type { ReviewLog } from '../scheduler/types';
import type { RecallFn, StatsCardState } from './recall';

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

/**
 * Cards joined to their section and their state by position. Statistics visit every card two or three
 * times; joining once, without building a string key per card, keeps that linear and cheap at 20,000
 * cards.
 */
export interface CardJoin {
	/**
	 * Per section, the index that stands for it: the last section with its pack and id (ids are unique
	 * within a pack, so this is the section itself unless a list repeats one).
	 */
	sameAs: Int32Array;
	/** Per card, the index in `sections` of its section (as `sameAs` gives it), or -1 when unknown. */
	section: Int32Array;
	/** Per card, its stored state (undefined when none is stored). */
	state: (StatsCardState | undefined)[];
}

/** Nested maps (pack, then id) look up by the strings already held, with no key to build. */
type ByPack<T> = Map<string, Map<string, T>>;

function put<T>(map: ByPack<T>, packId: string, id: string, value: T): void {
	let inner = map.get(packId);
	if (!inner) map.set(packId, (inner = new Map()));
	inner.set(id, value);
}

/** Joins each card to its section's index and its state; states in the cards' order are matched at once. */
export function joinCards(
	sections: readonly SectionRef[],
	cards: readonly CardRef[],
	states: readonly StatsCardState[]
): CardJoin {
	const sectionIndex: ByPack<number> = new Map();
	sections.forEach((s, i) => put(sectionIndex, s.packId, s.id, i));
	const sameAs = Int32Array.from(sections, (s) => sectionIndex.get(s.packId)!.get(s.id)!);
	const section = new Int32Array(cards.length);
	const state = new Array<StatsCardState | undefined>(cards.length);
	let byId: ByPack<StatsCardState> | null = null;
	// Cards come grouped by section, so the previous card's section is usually this one's.
	let lastPack = '';
	let lastSection = '';
	let lastIndex = -1;
	for (let i = 0; i < cards.length; i++) {
		const c = cards[i]!;
		if (i === 0 || c.packId !== lastPack || c.sectionId !== lastSection) {
			lastPack = c.packId;
			lastSection = c.sectionId;
			lastIndex = sectionIndex.get(c.packId)?.get(c.sectionId) ?? -1;
		}
		section[i] = lastIndex;
		const s = states[i];
		if (s && s.cardId === c.id && s.packId === c.packId) {
			state[i] = s;
			continue;
		}
		if (!byId) {
			byId = new Map();
			for (const st of states) put(byId, st.packId, st.cardId, st);
		}
		state[i] = byId.get(c.packId)?.get(c.id);
	}
	return { sameAs, section, state };
}

/** Each joined card's predicted recall at `at`: 0 for a card with no state or a new one. */
export function recallAt(join: CardJoin, recall: RecallFn, at: number): Float64Array {
	const out = new Float64Array(join.state.length);
	for (let i = 0; i < out.length; i++) {
		const s = join.state[i];
		if (s && s.state !== 'new') out[i] = recall(s, at);
	}
	return out;
}

/**
 * Each card's first review after `at` (whose `before` is the state that review replaced), by position
 * in `cards`; undefined for a card not reviewed since.
 */
export function firstReviewsAfterByCard<L extends Pick<ReviewLog, 'packId' | 'cardId' | 'reviewedAt'>>(
	cards: readonly CardRef[],
	logs: readonly L[],
	at: number
): (L | undefined)[] {
	const first: ByPack<L> = new Map();
	for (const log of logs) {
		if (log.reviewedAt <= at) continue;
		const seen = first.get(log.packId)?.get(log.cardId);
		if (!seen || log.reviewedAt < seen.reviewedAt) put(first, log.packId, log.cardId, log);
	}
	const out = new Array<L | undefined>(cards.length);
	if (first.size === 0) return out;
	let lastPack = '';
	let inner: Map<string, L> | undefined;
	for (let i = 0; i < cards.length; i++) {
		const c = cards[i]!;
		if (i === 0 || c.packId !== lastPack) {
			lastPack = c.packId;
			inner = first.get(c.packId);
		}
		out[i] = inner?.get(c.id);
	}
	return out;
}
