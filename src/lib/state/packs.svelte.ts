/** The Packs page and the card browser: installed packs, their sections and cards, and a search. */
import { searchCards, summarizeSections, type SectionContents } from '../core/pack/browse';
import type { CardKind } from '../core/pack/types';
import type { CardRecord, PackRecord } from '../storage/db';
import { getDb } from '../storage/db';
import { listPackCards, listPacks } from '../storage/packs';
import { ensureBuiltIns } from './app.svelte';

export interface PackOverview {
	pack: PackRecord;
	total: number;
	sections: SectionContents[];
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Every installed pack with card counts by kind per section. */
export class PacksState {
	packs = $state.raw<PackOverview[] | null>(null);
	error = $state<string | null>(null);

	async load(): Promise<void> {
		try {
			await ensureBuiltIns();
			const db = getDb();
			const packs = await listPacks(db);
			const out: PackOverview[] = [];
			for (const pack of packs) {
				const cards = await listPackCards(db, pack.id);
				out.push({ pack, total: cards.length, sections: summarizeSections(pack.sections, cards) });
			}
			this.packs = out.sort((a, b) => a.pack.title.localeCompare(b.pack.title));
		} catch (e) {
			this.error = message(e);
		}
	}
}

/** The card browser: all cards of the installed packs (or one), filtered by a text query and a kind. */
export class BrowseState {
	cards = $state.raw<CardRecord[]>([]);
	packs = $state.raw<PackRecord[]>([]);
	loading = $state(true);
	error = $state<string | null>(null);
	query = $state('');
	kind = $state<CardKind | ''>('');
	packId = $state('');

	results = $derived(
		searchCards(
			this.packId ? this.cards.filter((c) => c.packId === this.packId) : this.cards,
			this.query,
			this.kind
		)
	);

	/** "§2" for a card of a pack's second section. */
	sectionLabel(card: CardRecord): string {
		const order = this.packs
			.find((p) => p.id === card.packId)
			?.sections.find((s) => s.id === card.sectionId)?.order;
		return order ? `§${order}` : '';
	}

	async load(): Promise<void> {
		try {
			await ensureBuiltIns();
			const db = getDb();
			this.packs = await listPacks(db);
			const all: CardRecord[] = [];
			for (const p of this.packs) all.push(...(await listPackCards(db, p.id)));
			this.cards = all;
		} catch (e) {
			this.error = message(e);
		} finally {
			this.loading = false;
		}
	}
}
