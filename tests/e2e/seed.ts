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
		const tx = db.transaction(['packs', 'cards', 'states', 'logs', 'settings'], 'readwrite');
		tx.objectStore('packs').put({ ...meta, installedAt: now, builtIn: false });
		const cardStore = tx.objectStore('cards');
		const stateStore = tx.objectStore('states');
		const logStore = tx.objectStore('logs');
		const perCard = o.logsPerCard ?? 0;
		const studied = Math.floor(cards.length * (o.studiedShare ?? 1));
		cards.forEach((card, order) => {
			cardStore.put({ ...card, packId: meta.id, order });
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
				stateStore.put({ ...fresh, sectionId: card.sectionId, order });
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
				before = after;
			}
			stateStore.put({ ...before, sectionId: card.sectionId, order });
		});
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
			cards: await read('cards')
		};
		db.close();
		return out as DbDump;
	}) as Promise<DbDump>;
}
