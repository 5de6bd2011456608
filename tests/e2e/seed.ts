/**
 * Seeding and reading the app's database in end-to-end tests and benchmarks. Seeding goes through the
 * app's own storage code, bundled for the page (app-seed.ts); the shipped app has no seeding route.
 */
import type { Page } from '@playwright/test';
import { seedApp, type SeedOptions } from './app-seed';

export type { SeedOptions };

/** Writes a pack, its cards and states (and optionally review history and settings) into the app's database. */
export function seed(page: Page, opts: SeedOptions): Promise<void> {
	return seedApp(page, opts);
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
