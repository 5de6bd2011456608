/**
 * Per-section schedule summaries: the few numbers the home page and the queue need for every card of a
 * section, packed in arrays (in document order) inside one record. Reading 50 such records is far
 * cheaper than reading 20,000 state records: IndexedDB clones each record it returns. Every write of a
 * state goes through here in the same transaction, so a summary never disagrees with the states.
 */
import type { CardId, PackId, SectionId } from '../core/pack/types';
import type { LearningState } from '../core/scheduler/types';
import type { DeckhandDb, PackCardsRecord, SectionSummary, StateRecord } from './db';
import { sectionKey } from '../core/pack/keys';

export const STATE_CODES: readonly LearningState[] = ['new', 'learning', 'review', 'relearning'];
const CODE: Record<LearningState, number> = { new: 0, learning: 1, review: 2, relearning: 3 };

/** Builds the summaries of a set of states, one per section, in document order. */
export function summarize(states: readonly StateRecord[]): SectionSummary[] {
	const groups = new Map<string, StateRecord[]>();
	for (const s of states) {
		const k = sectionKey(s.packId, s.sectionId);
		let g = groups.get(k);
		if (!g) groups.set(k, (g = []));
		g.push(s);
	}
	return [...groups.values()].map((g) => {
		g.sort((a, b) => a.order - b.order);
		const first = g[0]!;
		return {
			packId: first.packId,
			sectionId: first.sectionId,
			ids: g.map((s) => s.cardId),
			state: Uint8Array.from(g, (s) => CODE[s.state]),
			due: Float64Array.from(g, (s) => s.due),
			stability: Float64Array.from(g, (s) => s.stability),
			lastReview: Float64Array.from(g, (s) => s.lastReview ?? NaN)
		};
	});
}

/** A pack's section summaries built card by card, in pack order; a section appears once it is opened. */
function summaryBuilder(packId: PackId) {
	type Group = { ids: CardId[]; state: number[]; due: number[]; stability: number[]; last: number[] };
	const groups = new Map<string, Group>();
	return {
		section(sectionId: string): Group {
			let g = groups.get(sectionId);
			if (!g) groups.set(sectionId, (g = { ids: [], state: [], due: [], stability: [], last: [] }));
			return g;
		},
		done: (): SectionSummary[] =>
			[...groups].map(([sectionId, g]) => ({
				packId,
				sectionId: sectionId as SectionId,
				ids: g.ids,
				state: Uint8Array.from(g.state),
				due: Float64Array.from(g.due),
				stability: Float64Array.from(g.stability),
				lastReview: Float64Array.from(g.last)
			}))
	};
}

/** A card of a pack in its place: the pack's cards in document order, after an import. */
export interface PlacedCard {
	id: CardId;
	sectionId: SectionId;
	order: number;
}

/**
 * The summaries of a pack after an import, without reading its states back: each card's figures come
 * from the states just written, or else from the pack's summaries before the import, or, for a card in
 * `unseen` (new to this device: it has no state), a new card's (state 0, due 0, no stability, never
 * reviewed: what summarizePack gives a card without a state). Null when a card is in none of them (the
 * caller rebuilds from the states instead).
 */
export function carrySummaries(
	packId: PackId,
	placed: readonly PlacedCard[],
	written: readonly StateRecord[],
	before: readonly SectionSummary[],
	unseen: ReadonlySet<string> = new Set()
): SectionSummary[] | null {
	const fresh = new Map(written.map((s) => [s.cardId as string, s]));
	const old = new Map<string, [SectionSummary, number]>();
	for (const sum of before) sum.ids.forEach((id, i) => old.set(id, [sum, i]));
	const summaries = summaryBuilder(packId);
	for (const card of placed) {
		const g = summaries.section(card.sectionId);
		const s = fresh.get(card.id);
		if (s) {
			g.state.push(CODE[s.state]);
			g.due.push(s.due);
			g.stability.push(s.stability);
			g.last.push(s.lastReview ?? NaN);
		} else if (unseen.has(card.id)) {
			g.state.push(0);
			g.due.push(0);
			g.stability.push(0);
			g.last.push(NaN);
		} else {
			const hit = old.get(card.id);
			if (!hit) return null;
			const [sum, i] = hit;
			g.state.push(sum.state[i]!);
			g.due.push(sum.due[i]!);
			g.stability.push(sum.stability[i]!);
			g.last.push(sum.lastReview[i]!);
		}
		g.ids.push(card.id);
	}
	return summaries.done();
}

/**
 * The summaries of a pack from its cards (in pack order) and its stored states: a card with no state is
 * new. A state of a card no longer in the pack is left out.
 */
export function summarizePack(record: PackCardsRecord, states: readonly StateRecord[]): SectionSummary[] {
	const byCard = new Map(states.map((s) => [s.cardId as string, s]));
	const seen = new Set<string>();
	const summaries = summaryBuilder(record.packId);
	for (const card of record.cards) {
		const g = summaries.section(card.sectionId);
		if (seen.has(card.id)) continue;
		seen.add(card.id);
		const s = byCard.get(card.id);
		g.ids.push(card.id);
		g.state.push(s ? CODE[s.state] : 0);
		g.due.push(s ? s.due : 0);
		g.stability.push(s ? s.stability : 0);
		g.last.push(s?.lastReview ?? NaN);
	}
	return summaries.done();
}

/**
 * Rebuilds the summaries of one pack (or all) from its cards and states. Call inside a transaction over
 * packCards, states and summaries.
 */
export async function rebuildSummaries(db: DeckhandDb, packId?: string): Promise<void> {
	const records = packId === undefined ? await db.packCards.toArray() : [await db.packCards.get(packId)];
	if (packId === undefined) await db.summaries.clear();
	else await db.summaries.where('packId').equals(packId).delete();
	for (const record of records) {
		if (!record) continue;
		const states = await db.states.where('packId').equals(record.packId).toArray();
		await db.summaries.bulkPut(summarizePack(record, states));
	}
}

/** Brings one card's entry up to date after its state was written (same transaction). */
export async function updateSummary(db: DeckhandDb, s: StateRecord): Promise<void> {
	const sum = await db.summaries.get([s.packId, s.sectionId]);
	const i = sum ? sum.ids.indexOf(s.cardId) : -1;
	if (!sum || i < 0) return rebuildSummaries(db, s.packId);
	sum.state[i] = CODE[s.state];
	sum.due[i] = s.due;
	sum.stability[i] = s.stability;
	sum.lastReview[i] = s.lastReview ?? NaN;
	await db.summaries.put(sum);
}

/** Brings many cards' entries up to date at once, each summary read and written once (same transaction). */
export async function updateSummaries(db: DeckhandDb, states: readonly StateRecord[]): Promise<void> {
	const keys = [
		...new Map(states.map((s) => [`${s.packId}\u0000${s.sectionId}`, [s.packId, s.sectionId]])).values()
	];
	const found = await db.summaries.bulkGet(keys as [string, string][]);
	const sums = new Map(found.flatMap((sum) => (sum ? [[`${sum.packId}\u0000${sum.sectionId}`, sum]] : [])));
	const rebuild = new Set<string>();
	for (const s of states) {
		const sum = sums.get(`${s.packId}\u0000${s.sectionId}`);
		const i = sum ? sum.ids.indexOf(s.cardId) : -1;
		if (!sum || i < 0) {
			rebuild.add(s.packId);
			continue;
		}
		sum.state[i] = CODE[s.state];
		sum.due[i] = s.due;
		sum.stability[i] = s.stability;
		sum.lastReview[i] = s.lastReview ?? NaN;
	}
	await db.summaries.bulkPut([...sums.values()].filter((sum) => !rebuild.has(sum.packId)));
	for (const packId of rebuild) await rebuildSummaries(db, packId);
}
