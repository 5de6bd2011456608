/**
 * Schema version 8's upgrade, frozen: it carries its own copies of what it needs and calls no live
 * helper, so later changes to the storage code never change what it does to a version 7 database.
 *
 * Version 7 kept one record per card (`cards`) and one state per card, a new card included. Version 8
 * keeps each installed pack's cards as one record (`packCards`: the cards in pack order, without the
 * storage fields) and a state only for a card that has been reviewed. The per-section summaries are
 * unchanged: they already list every card, a new one with state code 0.
 */
import type { Transaction } from 'dexie';

interface V7Card {
	packId: string;
	order: number;
	[field: string]: unknown;
}

interface V7State {
	packId: string;
	cardId: string;
	state: string;
	reps: number;
	lastReview: number | null;
}

/** Records read per step, so a large database is not read in one go. */
const PAGE = 2_000;

export async function upgradeToV8(tx: Transaction): Promise<void> {
	const byPack = new Map<string, V7Card[]>();
	await tx
		.table('cards')
		.toCollection()
		.each((c: V7Card) => {
			let list = byPack.get(c.packId);
			if (!list) byPack.set(c.packId, (list = []));
			list.push(c);
		});
	const packs = new Map<string, number>();
	await tx
		.table('packs')
		.toCollection()
		.each((p: { id: string; version: number }) => packs.set(p.id, p.version));
	const records = [...byPack].map(([packId, list]) => {
		list.sort((a, b) => a.order - b.order);
		return {
			packId,
			version: packs.get(packId) ?? 0,
			cards: list.map(({ packId: _p, order: _o, ...card }) => card)
		};
	});
	await tx.table('packCards').bulkPut(records);

	// A state that was never reviewed is what a new card is without one: drop it.
	const states = tx.table('states');
	let after: unknown = null;
	for (;;) {
		const page: V7State[] =
			after === null
				? await states.orderBy(':id').limit(PAGE).toArray()
				: await states.where(':id').above(after).limit(PAGE).toArray();
		if (page.length === 0) break;
		const unreviewed = page
			.filter((s) => s.state === 'new' && s.reps === 0 && s.lastReview === null)
			.map((s) => [s.packId, s.cardId]);
		if (unreviewed.length) await states.bulkDelete(unreviewed);
		const last = page[page.length - 1]!;
		after = [last.packId, last.cardId];
	}
}
