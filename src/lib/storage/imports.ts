/**
 * Importing, updating, exporting, removing and resetting packs. Every write is one transaction over the
 * tables it touches, so an import that fails half-way (a full disk, a closed tab) changes nothing.
 */
import { planUpdate, type InstalledPack, type UpdatePlan } from '../core/pack/merge';
import type { Card, Pack } from '../core/pack/types';
import { fail, ok, type Result } from '../core/result';
import type { NewStates } from '../core/scheduler/new-state';
import type { Table } from 'dexie';
import type { CardRecord, DeckhandDb, PackRecord, RetiredRecord, StateRecord } from './db';
import { carrySummaries, rebuildSummaries, type PlacedCard } from './summary';
import { isQuota } from './errors';
import type { InstalledPackRow } from '../core/pack/installed';

type Key = [string, string];

/**
 * Records per bulk write, and chunks in flight. Measured in Chromium at 20,000 cards: one bulk write
 * of everything blocked the page for 1.3-2.8 s at a time; chunks in flight keep the database busy while
 * the page prepares the next, so 250 four deep and 100 two deep both took 2.5 s in all. The smaller
 * setting leaves shorter tasks (the first chunks are cloned in one task): Lighthouse's blocking time on
 * a first visit, which installs the built-in pack, fell from 310-550 ms to 70 ms.
 */
const CHUNK = 100;
const IN_FLIGHT = 2;

/** Records a step of an import as a performance measure (`deckhand:import:<step>`) for the benchmark. */
function measure(step: string, start: number): number {
	const end = performance.now();
	performance.measure(`deckhand:import:${step}`, { start, end });
	return end;
}

/**
 * Writes rows in chunks inside the caller's transaction, several in flight so the database never waits
 * on the page. Each chunk's completion is reported; it all stays one transaction.
 */
async function writeChunked<T>(
	table: Table<T, Key>,
	rows: readonly T[],
	written: (n: number) => void
): Promise<void> {
	const pending: Promise<unknown>[] = [];
	for (let i = 0; i < rows.length; i += CHUNK) {
		const chunk = rows.slice(i, i + CHUNK);
		pending.push(table.bulkPut(chunk).then(() => written(chunk.length)));
		if (pending.length >= IN_FLIGHT) await pending.shift();
	}
	await Promise.all(pending);
}

/** A stored card without its storage fields: the card as the pack file has it. */
function toCard(record: CardRecord | RetiredRecord): Card {
	const { packId: _p, order: _o, ...rest } = record as RetiredRecord;
	const { retiredAt: _r, state: _s, ...card } = rest as typeof rest & Partial<RetiredRecord>;
	return card as Card;
}

interface InstalledRecords {
	record: PackRecord;
	/** The pack's cards as stored (the file's cards, in pack order; no storage fields). */
	cards: Card[];
	retired: RetiredRecord[];
}

async function readRecords(db: DeckhandDb, packId: string): Promise<InstalledRecords | null> {
	return db.transaction('r', db.packs, db.packCards, db.retired, async () => {
		const record = await db.packs.get(packId);
		if (!record) return null;
		// The stored cards as they are: a copy of each with its pack and place, at 20,000 cards, took
		// longer than the comparison they are read for.
		const cards = (await db.packCards.get(packId))?.cards ?? [];
		const retired = await db.retired.where('packId').equals(packId).toArray();
		return { record, cards, retired };
	});
}

function toInstalled(r: InstalledRecords | null): InstalledPack | null {
	return r && { version: r.record.version, cards: r.cards, retired: r.retired.map(toCard) };
}

/** What the device holds of a pack (its cards in study and its retired cards), or null. */
export async function readInstalled(db: DeckhandDb, packId: string): Promise<InstalledPack | null> {
	return toInstalled(await readRecords(db, packId));
}

export interface ImportOptions {
	/** The learner agreed to replace an equal or older version. */
	confirmed?: boolean;
	builtIn?: boolean;
	/** Told how many cards and states are written so far, out of how many, as the writes go on. */
	onProgress?: (written: number, total: number) => void;
}

const failure = (message: string): Result<never> => fail([{ path: 'import', message }]);

function describeError(e: unknown): string {
	if (isQuota(e)) {
		return 'Your device is out of storage space, so the pack was not imported. Nothing was changed: free some space and try again.';
	}
	return `The pack could not be saved, and nothing was changed (${e instanceof Error ? e.message : String(e)}).`;
}

/**
 * Installs or updates a parsed pack by the update plan, in one transaction: unchanged and edited cards
 * keep their state, new cards start new, removed cards move to `retired` with their state, and returning
 * ones come back with it. An equal or older version is written only when `confirmed`.
 */
export async function importPack(
	db: DeckhandDb,
	pack: Pack,
	scheduler: NewStates,
	now: number,
	options: ImportOptions = {}
): Promise<Result<UpdatePlan>> {
	const start = performance.now();
	try {
		const result = await db.transaction(
			'rw',
			[db.packs, db.packCards, db.states, db.retired, db.summaries],
			async () => {
				let t = start;
				const stored = await readRecords(db, pack.id);
				t = measure('read-installed', t);
				const plan = planUpdate(toInstalled(stored), pack);
				t = measure('plan', t);
				if (plan.needsConfirmation && !options.confirmed) {
					return failure(
						`Version ${pack.version} is not newer than the installed version; confirm to replace it.`
					);
				}
				if (plan.identical) return ok(plan);
				const previous = stored?.record;
				const { cards, ...meta } = pack;
				const record: PackRecord = {
					...meta,
					installedAt: previous?.installedAt ?? now,
					builtIn: options.builtIn ?? previous?.builtIn ?? false
				};
				await db.packs.put(record);

				const storedCards = stored?.cards ?? [];
				const storedOrder = new Map<string, number>();
				storedCards.forEach((c, order) => {
					if (!storedOrder.has(c.id)) storedOrder.set(c.id, order);
				});
				const restoredState = new Map<string, StateRecord>();
				if (plan.retired.length) {
					const keys = plan.retired.map((id) => [pack.id, id] as Key);
					const retiringStates = await db.states.bulkGet(keys);
					const retiredRows: RetiredRecord[] = [];
					plan.retired.forEach((id, i) => {
						const order = storedOrder.get(id);
						if (order !== undefined)
							retiredRows.push({
								...storedCards[order]!,
								packId: pack.id,
								order,
								retiredAt: now,
								state: retiringStates[i] ?? null
							});
					});
					await db.retired.bulkPut(retiredRows);
					await db.states.bulkDelete(keys);
				}
				if (plan.restored.length) {
					const keys = plan.restored.map((id) => [pack.id, id] as Key);
					const restoredRows = await db.retired.bulkGet(keys);
					await db.retired.bulkDelete(keys);
					for (const r of restoredRows) if (r?.state) restoredState.set(r.id, r.state);
				}

				// The cards, whole, as one record: at 20,000 cards one write instead of 20,000.
				const kept: Card[] = [];
				const placed: PlacedCard[] = [];
				const seen = new Set<string>();
				for (const card of cards) {
					// Incoming duplicates were refused by the parser; the first of an id wins here as well.
					if (seen.has(card.id)) continue;
					seen.add(card.id);
					placed.push({ id: card.id, sectionId: card.sectionId, order: kept.length });
					kept.push(card);
				}

				// Only reviewed cards have a state. One that stays follows its card's section and place; a
				// restored one comes back with its state (if it had been reviewed); a new card gets none.
				const states: StateRecord[] = [];
				// The pack's stored states are the reviewed cards' only: read them by pack, not by card key
				// (a bulk get of 20,000 keys, most with no state, took a second and a half).
				const place = new Map(placed.map((c) => [c.id as string, c]));
				for (const st of await db.states.where('packId').equals(pack.id).toArray()) {
					const c = place.get(st.cardId);
					if (c && !restoredState.has(c.id) && (st.sectionId !== c.sectionId || st.order !== c.order))
						states.push({ ...st, sectionId: c.sectionId, order: c.order });
				}
				for (const c of placed) {
					const back = restoredState.get(c.id);
					if (back) states.push({ ...back, sectionId: c.sectionId, order: c.order });
				}
				t = measure('prepare', t);

				const total = 1 + states.length;
				let written = 0;
				const progress = (n: number) => {
					written += n;
					options.onProgress?.(written, total);
				};
				await db.packCards.put({ packId: pack.id, version: pack.version, cards: kept });
				progress(1);
				t = measure('write-cards', t);
				await writeChunked(db.states, states, progress);
				t = measure('write-states', t);
				// The summaries come from the states just written and the summaries before, not from reading
				// the states back; a card in neither is new (no state is stored for it; its summary entry is due 0, as
				// summarizePack makes it). Rebuilt
				// from the cards and states when a summary before is missing a card that stays.
				const before = await db.summaries.where('packId').equals(pack.id).toArray();
				const known = new Set(states.map((s) => s.cardId as string));
				const unseen = new Set(
					placed.filter((c) => !known.has(c.id) && !storedOrder.has(c.id)).map((c) => c.id as string)
				);
				const carried = carrySummaries(pack.id, placed, states, before, unseen);
				if (carried) {
					await db.summaries.where('packId').equals(pack.id).delete();
					await db.summaries.bulkPut(carried);
				} else {
					await rebuildSummaries(db, pack.id);
				}
				measure('write-summaries', t);
				return ok(plan);
			}
		);
		// From the start to the commit: the steps above plus the time IndexedDB takes to commit.
		measure('transaction', start);
		return result;
	} catch (e) {
		return failure(describeError(e));
	}
}

/** A pack as its file has it (cards in pack order, no progress), or null when it is not installed. */
export async function exportPack(db: DeckhandDb, packId: string): Promise<Pack | null> {
	return db.transaction('r', db.packs, db.packCards, async () => {
		const record = await db.packs.get(packId);
		if (!record) return null;
		const { installedAt: _i, builtIn: _b, ...meta } = record;
		const cards = (await db.packCards.get(packId))?.cards ?? [];
		return { ...meta, cards };
	});
}

/** Removes a pack with everything learned on it: cards, retired cards, states and review logs. */
export async function removePack(db: DeckhandDb, packId: string): Promise<void> {
	await db.transaction(
		'rw',
		[db.packs, db.packCards, db.states, db.retired, db.logs, db.summaries, db.sessions, db.reviewBlocks],
		async () => {
			await db.packs.delete(packId);
			await db.packCards.delete(packId);
			await db.summaries.where('packId').equals(packId).delete();
			// A saved session may list this pack's review logs for Undo; it is dropped with them.
			await db.sessions.clear();
			await db.states.where('packId').equals(packId).delete();
			await db.retired.where('packId').equals(packId).delete();
			await db.logs.where('packId').equals(packId).delete();
			await db.reviewBlocks.where('packId').equals(packId).delete();
		}
	);
}

/**
 * Sets every card of a pack back to new (a new card has no stored state) and deletes its review logs;
 * the cards stay installed. (`scheduler` and `now` are kept for callers: new cards need neither now.)
 */
export async function resetPackProgress(
	db: DeckhandDb,
	packId: string,
	_scheduler: NewStates,
	_now: number
): Promise<void> {
	await db.transaction(
		'rw',
		[db.packCards, db.states, db.retired, db.logs, db.summaries, db.sessions, db.reviewBlocks],
		async () => {
			await db.states.where('packId').equals(packId).delete();
			await db.retired.where('packId').equals(packId).modify({ state: null });
			await db.logs.where('packId').equals(packId).delete();
			await db.reviewBlocks.where('packId').equals(packId).delete();
			await rebuildSummaries(db, packId);
			// A saved session may list the deleted review logs for Undo; it is dropped with them.
			await db.sessions.clear();
		}
	);
}

export type { InstalledPackRow };

/** Every installed pack with its card counts, for the Packs page. */
export async function listInstalledPacks(db: DeckhandDb): Promise<InstalledPackRow[]> {
	return db.transaction('r', [db.packs, db.summaries, db.retired], async () => {
		const packs = await db.packs.toArray();
		// Cards and studied cards are counted from the pack's section summaries (a few records, state
		// code 0 is new), not from its cards or states: at 20,000 cards that took seconds.
		const counts = async (packId: string) => {
			const sums = await db.summaries.where('packId').equals(packId).toArray();
			return {
				cards: sums.reduce((n, sum) => n + sum.ids.length, 0),
				studied: sums.reduce((n, sum) => n + sum.state.reduce((k, code) => k + (code === 0 ? 0 : 1), 0), 0)
			};
		};
		return Promise.all(
			packs.map(async (p) => ({
				id: p.id,
				title: p.title,
				author: p.author,
				version: p.version,
				builtIn: p.builtIn,
				...(await counts(p.id)),
				retired: await db.retired.where('packId').equals(p.id).count()
			}))
		);
	});
}
