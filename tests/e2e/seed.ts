/**
 * Seeds the app's IndexedDB from inside the page, through the raw IndexedDB API (the app must have
 * opened the database once, so the schema exists). Used by end-to-end tests and the benchmarks; the
 * shipped app has no seeding route.
 */
import type { Page } from '@playwright/test';
import type { Pack } from '../../src/lib/core/pack/types';

export interface SeedOptions {
	pack: Pack;
	/** Reviews per card to write as history (with matching studied states); 0 leaves every card new. */
	logsPerCard?: number;
	/** Fraction of cards given a history (the rest stay new). */
	studiedShare?: number;
	/** Settings record to store (merged over defaults by the app). */
	settings?: Record<string, unknown>;
	now?: number;
	/** Replace every stored state: only these cards get one (so only they can be studied). */
	onlyCardIds?: string[];
}

/** Writes a pack, its cards and states (and optionally review history) straight into IndexedDB. */
export async function seed(page: Page, opts: SeedOptions): Promise<void> {
	await page.evaluate(async (o) => {
		const DAY = 86_400_000;
		const now = o.now ?? Date.now();
		const db: IDBDatabase = await new Promise((res, rej) => {
			const r = indexedDB.open('deckhand');
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		const { cards, ...meta } = o.pack;
		const tx = db.transaction(
			['packs', 'packCards', 'states', 'logs', 'settings', 'summaries', 'reviewBlocks'],
			'readwrite'
		);
		// The per-hour review counts the app keeps with every log (src/lib/core/stats/tally.ts, HourBlock).
		// (Counted inline: tsx would wrap a named helper in __name, which the page does not have.)
		const blocks = new Map<number, { reviews: Uint32Array; reviewState: Uint32Array; passed: Uint32Array }>();
		type Written = {
			cardId: string;
			sectionId: string;
			state: string;
			due: number;
			stability: number;
			lastReview: number | null;
		};
		const written: Written[] = [];
		tx.objectStore('packs').put({ ...meta, installedAt: now, builtIn: false });
		// The pack's cards, whole, as one record (schema version 8).
		tx.objectStore('packCards').put({ packId: meta.id, version: meta.version, cards });
		const stateStore = tx.objectStore('states');
		const logStore = tx.objectStore('logs');
		const perCard = o.logsPerCard ?? 0;
		if (o.onlyCardIds) {
			stateStore.clear();
			tx.objectStore('summaries').clear();
		}
		const studied = Math.floor(cards.length * (o.studiedShare ?? 1));
		cards.forEach((card, order) => {
			if (o.onlyCardIds && !o.onlyCardIds.includes(card.id)) return;
			const fresh = {
				cardId: card.id,
				packId: meta.id,
				state: 'new',
				due: now,
				stability: 0,
				difficulty: 0,
				scheduledDays: 0,
				learningSteps: 0,
				reps: 0,
				lapses: 0,
				lastReview: null
			};
			if (perCard === 0 || order >= studied) {
				// A new card has no stored state (schema version 8); its summary entry says new.
				written.push({ ...fresh, due: 0, sectionId: card.sectionId });
				return;
			}
			// A plausible history: reviews 15 days apart, growing stability; the last one sets the due date,
			// so a spread of cards (those last seen longer ago than their stability) is due today.
			let before: Record<string, unknown> = fresh;
			const finalStability = 20 + (order % 200);
			const lastAgo = 1 + (order % 97);
			for (let i = 0; i < perCard; i++) {
				const t = now - (lastAgo + (perCard - 1 - i) * 15) * DAY;
				const stability = (finalStability * (i + 1)) / perCard;
				const after = {
					...fresh,
					state: 'review',
					due: t + stability * DAY,
					stability,
					difficulty: 5,
					scheduledDays: Math.round(stability),
					reps: i + 1,
					lastReview: t
				};
				logStore.add({
					cardId: card.id,
					packId: meta.id,
					rating: 'good',
					state: i === 0 ? 'new' : 'review',
					reviewedAt: t,
					elapsedDays: i === 0 ? 0 : 15,
					scheduledDays: after.scheduledDays,
					stability,
					difficulty: 5,
					before
				});
				const hour = Math.floor(t / 3_600_000);
				const block = Math.floor(hour / 1024);
				let b = blocks.get(block);
				if (!b) {
					b = {
						reviews: new Uint32Array(1024),
						reviewState: new Uint32Array(1024),
						passed: new Uint32Array(1024)
					};
					blocks.set(block, b);
				}
				b.reviews[hour - block * 1024]! += 1;
				// Every seeded review is graded Good: one of a card in review counts as passed.
				if (i > 0) {
					b.reviewState[hour - block * 1024]! += 1;
					b.passed[hour - block * 1024]! += 1;
				}
				before = after;
			}
			stateStore.put({ ...before, sectionId: card.sectionId, order });
			written.push({ ...(before as Written), sectionId: card.sectionId });
		});
		// The section summaries the app keeps beside the states (see src/lib/storage/summary.ts).
		const codes: Record<string, number> = { new: 0, learning: 1, review: 2, relearning: 3 };
		const sums = new Map<string, { ids: string[]; st: number[]; due: number[]; s: number[]; lr: number[] }>();
		for (const st of written) {
			let g = sums.get(st.sectionId);
			if (!g) sums.set(st.sectionId, (g = { ids: [], st: [], due: [], s: [], lr: [] }));
			g.ids.push(st.cardId);
			g.st.push(codes[st.state] ?? 0);
			g.due.push(st.due);
			g.s.push(st.stability);
			g.lr.push(st.lastReview ?? NaN);
		}
		for (const [sectionId, g] of sums)
			tx.objectStore('summaries').put({
				packId: meta.id,
				sectionId,
				ids: g.ids,
				state: Uint8Array.from(g.st),
				due: Float64Array.from(g.due),
				stability: Float64Array.from(g.s),
				lastReview: Float64Array.from(g.lr)
			});
		for (const [block, b] of blocks) tx.objectStore('reviewBlocks').put({ packId: meta.id, block, ...b });
		if (o.settings) tx.objectStore('settings').put({ key: 'study', value: o.settings });
		await new Promise<void>((res, rej) => {
			tx.oncomplete = () => res();
			tx.onerror = () => rej(tx.error);
		});
		db.close();
	}, opts);
}

export interface DbDump {
	states: {
		packId: string;
		cardId: string;
		state: string;
		reps: number;
		lastReview: number | null;
		due: number;
	}[];
	logs: {
		id: number;
		packId: string;
		cardId: string;
		rating: string;
		reviewedAt: number;
		before: { reps: number };
	}[];
	settings: { key: string; value: unknown }[];
	packs: unknown[];
	cards: unknown[];
	summaries: {
		packId: string;
		sectionId: string;
		ids: string[];
		state: number[];
		due: number[];
		lastReview: (number | null)[];
	}[];
}

/** Reads every store of the app's database. */
export function dump(page: Page): Promise<DbDump> {
	return page.evaluate(async () => {
		const db: IDBDatabase = await new Promise((res, rej) => {
			const r = indexedDB.open('deckhand');
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		const read = (store: string): Promise<unknown[]> =>
			new Promise((res) => {
				const req = db.transaction(store).objectStore(store).getAll();
				req.onsuccess = () => res(req.result as unknown[]);
			});
		const out = {
			states: await read('states'),
			logs: await read('logs'),
			settings: await read('settings'),
			packs: await read('packs'),
			// One row per card, from the packs' cards stored whole (schema version 8).
			cards: ((await read('packCards')) as { packId: string; cards: Record<string, unknown>[] }[]).flatMap(
				(p) => p.cards.map((c, order) => ({ ...c, packId: p.packId, order }))
			),
			summaries: ((await read('summaries')) as Record<string, ArrayLike<number> | string>[]).map((r) => ({
				packId: r.packId,
				sectionId: r.sectionId,
				ids: r.ids,
				state: Array.from(r.state as ArrayLike<number>),
				due: Array.from(r.due as ArrayLike<number>),
				lastReview: Array.from(r.lastReview as ArrayLike<number>, (x) => (Number.isNaN(x) ? null : x))
			}))
		};
		db.close();
		return out as unknown as DbDump;
	}) as Promise<DbDump>;
}
