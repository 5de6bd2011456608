/**
 * Importing, updating, exporting, removing and resetting packs. Every write is one transaction over the
 * tables it touches, so an import that fails half-way (a full disk, a closed tab) changes nothing.
 */
import { planUpdate, type InstalledPack, type UpdatePlan } from '../core/pack/merge';
import type { Card, Pack } from '../core/pack/types';
import { fail, ok, type Result } from '../core/result';
import type { NewStates } from '../core/scheduler/new-state';
import type { CardRecord, DeckhandDb, PackRecord, RetiredRecord, StateRecord } from './db';
import { bulkPutInSlices } from './chunks';
import { rebuildSummaries } from './summary';

type Key = [string, string];

/** A stored card without its storage fields: the card as the pack file has it. */
function toCard(record: CardRecord | RetiredRecord): Card {
	const { packId: _p, order: _o, ...rest } = record as RetiredRecord;
	const { retiredAt: _r, state: _s, ...card } = rest as typeof rest & Partial<RetiredRecord>;
	return card as Card;
}

interface InstalledRecords {
	record: PackRecord;
	cards: CardRecord[];
	retired: RetiredRecord[];
}

async function readRecords(db: DeckhandDb, packId: string): Promise<InstalledRecords | null> {
	return db.transaction('r', db.packs, db.cards, db.retired, async () => {
		const record = await db.packs.get(packId);
		if (!record) return null;
		const cards = await db.cards.where('packId').equals(packId).sortBy('order');
		const retired = await db.retired.where('packId').equals(packId).toArray();
		return { record, cards, retired };
	});
}

function toInstalled(r: InstalledRecords | null): InstalledPack | null {
	return r && { version: r.record.version, cards: r.cards.map(toCard), retired: r.retired.map(toCard) };
}

/** What the device holds of a pack (its cards in study and its retired cards), or null. */
export async function readInstalled(db: DeckhandDb, packId: string): Promise<InstalledPack | null> {
	return toInstalled(await readRecords(db, packId));
}

export interface ImportOptions {
	/** The learner agreed to replace an equal or older version. */
	confirmed?: boolean;
	builtIn?: boolean;
}

const failure = (message: string): Result<never> => fail([{ path: 'import', message }]);

function describeError(e: unknown): string {
	const names = [e, (e as { inner?: unknown } | null)?.inner].map(
		(x) => (x as { name?: unknown } | null)?.name
	);
	if (names.includes('QuotaExceededError')) {
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
	try {
		return await db.transaction('rw', [db.packs, db.cards, db.states, db.retired, db.summaries], async () => {
			const stored = await readRecords(db, pack.id);
			const plan = planUpdate(toInstalled(stored), pack);
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

			const retiring = await db.cards.bulkGet(plan.retired.map((id) => [pack.id, id] as Key));
			const retiringStates = await db.states.bulkGet(plan.retired.map((id) => [pack.id, id] as Key));
			const retiredRows: RetiredRecord[] = [];
			retiring.forEach((card, i) => {
				if (card) retiredRows.push({ ...card, retiredAt: now, state: retiringStates[i] ?? null });
			});
			await db.retired.bulkPut(retiredRows);
			await db.cards.bulkDelete(plan.retired.map((id) => [pack.id, id] as Key));
			await db.states.bulkDelete(plan.retired.map((id) => [pack.id, id] as Key));

			const restoredRows = await db.retired.bulkGet(plan.restored.map((id) => [pack.id, id] as Key));
			await db.retired.bulkDelete(plan.restored.map((id) => [pack.id, id] as Key));
			const restoredState = new Map<string, StateRecord>();
			for (const r of restoredRows) if (r?.state) restoredState.set(r.id, r.state);

			// Write only what differs: edited, new and restored cards, and cards that moved in the pack.
			// An unchanged card in its old place is already stored as it is (at 20,000 cards this matters).
			const before = new Map((stored?.cards ?? []).map((c) => [c.id as string, c.order]));
			const unchanged = new Set<string>(plan.unchanged);
			const rows: CardRecord[] = [];
			const seen = new Set<string>();
			for (const card of cards) {
				// Incoming duplicates were refused by the parser; the first of an id wins here as well.
				if (seen.has(card.id)) continue;
				seen.add(card.id);
				const order = seen.size - 1;
				if (unchanged.has(card.id) && before.get(card.id) === order) continue;
				rows.push({ ...card, packId: pack.id, order });
			}
			await bulkPutInSlices(db.cards, rows);
			// Cards in study keep their state, which follows the card's section and place (the queue's
			// indexes use them); new cards start new and restored ones get their state back.
			const place = new Map(rows.map((r) => [r.id as string, r]));
			const moved = rows.filter((r) => before.has(r.id));
			const movedStates = await db.states.bulkGet(moved.map((r) => [pack.id, r.id] as Key));
			const states: StateRecord[] = [];
			movedStates.forEach((st, i) => {
				const row = moved[i]!;
				if (st && (st.sectionId !== row.sectionId || st.order !== row.order)) {
					states.push({ ...st, sectionId: row.sectionId, order: row.order });
				}
			});
			for (const id of [...plan.added, ...plan.restored]) {
				const row = place.get(id)!;
				const kept = restoredState.get(id);
				const state = kept ?? scheduler.newState(row.id, pack.id, now);
				states.push({ ...state, sectionId: row.sectionId, order: row.order });
			}
			await bulkPutInSlices(db.states, states);
			await rebuildSummaries(db, pack.id);
			return ok(plan);
		});
	} catch (e) {
		return failure(describeError(e));
	}
}

/** A pack as its file has it (cards in pack order, no progress), or null when it is not installed. */
export async function exportPack(db: DeckhandDb, packId: string): Promise<Pack | null> {
	return db.transaction('r', db.packs, db.cards, async () => {
		const record = await db.packs.get(packId);
		if (!record) return null;
		const { installedAt: _i, builtIn: _b, ...meta } = record;
		const cards = await db.cards.where('packId').equals(packId).sortBy('order');
		return { ...meta, cards: cards.map(toCard) };
	});
}

/** Removes a pack with everything learned on it: cards, retired cards, states and review logs. */
export async function removePack(db: DeckhandDb, packId: string): Promise<void> {
	await db.transaction(
		'rw',
		[db.packs, db.cards, db.states, db.retired, db.logs, db.summaries, db.sessions, db.reviewBlocks],
		async () => {
			await db.packs.delete(packId);
			await db.summaries.where('packId').equals(packId).delete();
			// A saved session may list this pack's review logs for Undo; it is dropped with them.
			await db.sessions.clear();
			await db.cards.where('packId').equals(packId).delete();
			await db.states.where('packId').equals(packId).delete();
			await db.retired.where('packId').equals(packId).delete();
			await db.logs.where('packId').equals(packId).delete();
			await db.reviewBlocks.where('packId').equals(packId).delete();
		}
	);
}

/** Sets every card of a pack back to new and deletes its review logs; the cards stay installed. */
export async function resetPackProgress(
	db: DeckhandDb,
	packId: string,
	scheduler: NewStates,
	now: number
): Promise<void> {
	await db.transaction(
		'rw',
		[db.cards, db.states, db.retired, db.logs, db.summaries, db.sessions, db.reviewBlocks],
		async () => {
			const cards = await db.cards.where('packId').equals(packId).toArray();
			await db.states.where('packId').equals(packId).delete();
			await db.states.bulkPut(
				cards.map((c) => ({
					...scheduler.newState(c.id, c.packId, now),
					sectionId: c.sectionId,
					order: c.order
				}))
			);
			await db.retired.where('packId').equals(packId).modify({ state: null });
			await db.logs.where('packId').equals(packId).delete();
			await db.reviewBlocks.where('packId').equals(packId).delete();
			await rebuildSummaries(db, packId);
			// A saved session may list the deleted review logs for Undo; it is dropped with them.
			await db.sessions.clear();
		}
	);
}

export interface InstalledPackRow {
	id: string;
	title: string;
	author: string;
	version: number;
	builtIn: boolean;
	cards: number;
	/** Cards graded at least once. */
	studied: number;
	retired: number;
}

/** Every installed pack with its card counts, for the Packs page. */
export async function listInstalledPacks(db: DeckhandDb): Promise<InstalledPackRow[]> {
	return db.transaction('r', [db.packs, db.cards, db.states, db.retired], async () => {
		const packs = await db.packs.toArray();
		return Promise.all(
			packs.map(async (p) => ({
				id: p.id,
				title: p.title,
				author: p.author,
				version: p.version,
				builtIn: p.builtIn,
				cards: await db.cards.where('packId').equals(p.id).count(),
				studied: await db.states
					.where('packId')
					.equals(p.id)
					.filter((s) => s.state !== 'new')
					.count(),
				retired: await db.retired.where('packId').equals(p.id).count()
			}))
		);
	});
}
