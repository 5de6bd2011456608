import { beforeEach, describe, expect, it } from 'vitest';
import type { Card, CardId, Pack, PackId } from '$lib/core/pack/types';
import { Scheduler } from '$lib/core/scheduler';
import { exportBackup, parseBackup, restoreBackup } from '$lib/storage/backup';
import { DeckhandDb, type StateRecord } from '$lib/storage/db';
import {
	exportPack,
	importPack,
	listInstalledPacks,
	readInstalled,
	removePack,
	resetPackProgress
} from '$lib/storage/imports';
import { listPackCards } from '$lib/storage/packs';
import { getState, recordGrade } from '$lib/storage/study';
import { rebuildSummaries } from '$lib/storage/summary';
import { flashcard, makePack } from '../../fixtures/pack-factory';

const now = Date.UTC(2026, 10, 28, 9);
const scheduler = new Scheduler({ enableFuzz: false });
let db: DeckhandDb;

beforeEach(() => {
	db = new DeckhandDb(`test-${Math.random()}`);
});

/** Grades a card Good and returns its new state. */
async function study(packId: string, cardId: string, at = now) {
	const state = await getState(db, packId, cardId);
	const out = scheduler.grade(state!, 'good', at);
	await recordGrade(db, out.state, out.log);
	return out.state;
}

/** One card of an installed pack, with its place, or undefined. */
async function cardOf(packId: string, cardId: string) {
	return (await listPackCards(db, packId)).find((c) => c.id === cardId);
}

/** Everything in the database, for "nothing changed" checks. */
async function snapshot() {
	return {
		packs: await db.packs.toArray(),
		cards: await db.packCards.toArray(),
		states: await db.states.toArray(),
		logs: await db.logs.toArray(),
		retired: await db.retired.toArray()
	};
}

describe('importPack', () => {
	const v1 = makePack(4, { version: 1 });

	it('installs a new pack with every card new', async () => {
		const r = await importPack(db, v1, scheduler, now);
		expect(r.ok && r.value.kind).toBe('install');
		// The cards as one record; a new card has no stored state, and reads as new.
		expect(await db.packCards.count()).toBe(1);
		expect((await listPackCards(db, v1.id)).map((c) => c.id)).toEqual(v1.cards.map((c) => c.id));
		expect(await db.states.count()).toBe(0);
		for (const c of v1.cards) expect((await getState(db, v1.id, c.id))?.state).toBe('new');
	});

	it('updates to a newer version: unchanged and edited cards keep progress, new cards start new, removed cards retire', async () => {
		await importPack(db, v1, scheduler, now);
		const [c1, c2, c3, c4] = v1.cards as [Card, Card, Card, Card];
		const s1 = await study(v1.id, c1.id);
		const s2 = await study(v1.id, c2.id);
		const s4 = await study(v1.id, c4.id);
		const v2 = makePack(0, {
			version: 2,
			cards: [c1, { ...c2, back: 'Corrected.' } as Card, c3, flashcard('c9')]
		});

		const r = await importPack(db, v2, scheduler, now + 1000);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value).toMatchObject({
			kind: 'update',
			unchanged: [c1.id, c3.id],
			changed: [c2.id],
			added: ['c9'],
			retired: [c4.id]
		});
		expect(await db.states.get([v1.id, c1.id])).toMatchObject(s1);
		expect(await db.states.get([v1.id, c2.id])).toMatchObject(s2);
		expect((await getState(db, v1.id, c3.id))?.state).toBe('new');
		expect((await getState(db, v1.id, 'c9'))?.state).toBe('new');
		expect(await db.states.get([v1.id, c4.id])).toBeUndefined();
		expect(await cardOf(v1.id, c4.id)).toBeUndefined();
		const edited = await cardOf(v1.id, c2.id);
		expect(edited?.kind === 'flashcard' && edited.back).toBe('Corrected.');
		expect((await cardOf(v1.id, 'c9'))?.order).toBe(3);
		// The retired card keeps its state and its review log.
		const retired = await db.retired.get([v1.id, c4.id]);
		expect(retired?.state).toMatchObject(s4);
		expect(await db.logs.where('[packId+cardId]').equals([v1.id, c4.id]).count()).toBe(1);
		expect((await db.packs.get(v1.id))?.version).toBe(2);
		// The per-section study summaries follow: the retired card is out, the new one in.
		const summaries = await db.summaries.where('packId').equals(v1.id).toArray();
		expect(Object.fromEntries(summaries.map((s) => [s.sectionId, s.ids]))).toEqual({
			s1: [c1.id, 'c9'],
			s2: [c2.id],
			s3: [c3.id]
		});

		// Version 3 brings the retired card back with its progress; no card is ever duplicated.
		const v3 = makePack(0, { version: 3, cards: [...v2.cards, c4] });
		const r3 = await importPack(db, v3, scheduler, now + 2000);
		expect(r3.ok && r3.value.restored).toEqual([c4.id]);
		expect(await db.states.get([v1.id, c4.id])).toMatchObject({ ...s4, order: 4 });
		expect(await db.retired.count()).toBe(0);
		expect(await listPackCards(db, v1.id)).toHaveLength(5);
		// Only the three reviewed cards have a state.
		expect(await db.states.count()).toBe(3);
	});

	it('cards that move in the pack get their new place; unchanged ones in place are kept as stored', async () => {
		await importPack(db, v1, scheduler, now);
		const [c1, c2, c3, c4] = v1.cards as [Card, Card, Card, Card];
		const s3 = await study(v1.id, c3.id);
		await importPack(db, makePack(0, { version: 2, cards: [c3, c1, c2, c4] }), scheduler, now + 1);
		const orders = (await listPackCards(db, v1.id)).map((c) => [c.id, c.order]);
		expect(orders).toEqual([
			[c3.id, 0],
			[c1.id, 1],
			[c2.id, 2],
			[c4.id, 3]
		]);
		expect(await db.states.get([v1.id, c3.id])).toMatchObject({ ...s3, order: 0 });
		expect(await db.states.count()).toBe(1);
	});

	it('an equal or older version is written only when confirmed', async () => {
		await importPack(db, { ...v1, version: 2 }, scheduler, now);
		const before = await snapshot();
		const older = makePack(2, { version: 1 });
		const refused = await importPack(db, older, scheduler, now + 1);
		expect(refused.ok === false && refused.errors[0]?.message).toMatch(/confirm to replace/);
		expect(await snapshot()).toEqual(before);
		const confirmed = await importPack(db, older, scheduler, now + 1, { confirmed: true });
		expect(confirmed.ok && confirmed.value.kind).toBe('older');
		expect(await listPackCards(db, older.id)).toHaveLength(2);
		expect(await db.retired.count()).toBe(2);
	});

	it('a failing import changes nothing', async () => {
		await importPack(db, v1, scheduler, now);
		await study(v1.id, v1.cards[0]!.id);
		const before = await snapshot();
		// A card that cannot be stored (a function cannot be cloned) fails in the middle of the writes.
		const broken = makePack(0, {
			version: 2,
			cards: [flashcard('n1'), { ...flashcard('n2'), extra: () => 1 } as unknown as Card]
		});
		const r = await importPack(db, broken, scheduler, now + 1);
		expect(r.ok === false && r.errors[0]?.message).toMatch(/nothing was changed/);
		expect(await snapshot()).toEqual(before);
	});
});

describe('importPack at scale (more cards than one write chunk)', () => {
	const big = makePack(2_100, { version: 1 });

	it('writes the cards as one record and no state, reports progress, and builds the summaries a rebuild reads back', async () => {
		const seen: [number, number][] = [];
		const r = await importPack(db, big, scheduler, now, { onProgress: (w, t) => seen.push([w, t]) });
		expect(r.ok).toBe(true);
		expect(seen.at(-1)).toEqual([1, 1]);
		expect(seen.every(([w], i) => i === 0 || w > seen[i - 1]![0])).toBe(true);
		expect(await db.packCards.count()).toBe(1);
		expect(await db.states.count()).toBe(0);
		const written = await db.summaries.toArray();
		await db.transaction('rw', db.packCards, db.states, db.summaries, () => rebuildSummaries(db, big.id));
		expect(await db.summaries.toArray()).toEqual(written);
	});

	it('a fresh install that fails to store writes nothing', async () => {
		const cards = big.cards.map((c, i) => (i === 2_050 ? ({ ...c, extra: () => 1 } as unknown as Card) : c));
		const r = await importPack(db, { ...big, cards }, scheduler, now);
		expect(r.ok === false && r.errors[0]?.message).toMatch(/nothing was changed/);
		expect(await snapshot()).toEqual({ packs: [], cards: [], states: [], logs: [], retired: [] });
		expect(await db.summaries.count()).toBe(0);
	});
});

describe('summaries after an import', () => {
	/** The pack's summaries as stored, and as a rebuild from its states gives them. */
	async function storedAndRebuilt(packId: string) {
		const byKey = (a: { sectionId: string }, b: { sectionId: string }) =>
			a.sectionId.localeCompare(b.sectionId);
		const stored = (await db.summaries.where('packId').equals(packId).toArray()).sort(byKey);
		await db.transaction('rw', db.packCards, db.states, db.summaries, () => rebuildSummaries(db, packId));
		const rebuilt = (await db.summaries.where('packId').equals(packId).toArray()).sort(byKey);
		return { stored, rebuilt };
	}

	it('match a rebuild from the states through updates that edit, move, retire, add and restore cards', async () => {
		const v1 = makePack(6);
		await importPack(db, v1, scheduler, now);
		const [c1, c2, c3, c4, c5, c6] = v1.cards as [Card, Card, Card, Card, Card, Card];
		await study(v1.id, c1.id);
		await study(v1.id, c4.id);
		await study(v1.id, c6.id);
		const moved = { ...c4, sectionId: 's3' } as Card;
		const v2 = makePack(0, {
			version: 2,
			cards: [c2, c1, moved, { ...c3, front: 'Edited.' } as Card, c5, flashcard('n1', 's2')]
		});
		expect((await importPack(db, v2, scheduler, now + 1)).ok).toBe(true);
		const afterV2 = await storedAndRebuilt(v1.id);
		expect(afterV2.stored).toEqual(afterV2.rebuilt);
		expect(afterV2.stored.flatMap((s) => s.ids).sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'n1']);
		// c6 comes back with its progress.
		const v3 = makePack(0, { version: 3, cards: [...v2.cards, c6] });
		expect((await importPack(db, v3, scheduler, now + 2)).ok).toBe(true);
		const afterV3 = await storedAndRebuilt(v1.id);
		expect(afterV3.stored).toEqual(afterV3.rebuilt);
		expect(afterV3.stored.find((s) => s.ids.includes('c6' as CardId))?.state).toContain(1);
	});

	it('leave out a state no card of the pack owns', async () => {
		const v1 = makePack(3);
		const stray = {
			...scheduler.newState('ghost' as CardId, v1.id, now),
			sectionId: 's1',
			order: 9
		} as StateRecord;
		await db.states.put(stray);
		await importPack(db, v1, scheduler, now);
		const { stored, rebuilt } = await storedAndRebuilt(v1.id);
		expect(stored).toEqual(rebuilt);
		expect(stored.flatMap((s) => s.ids)).not.toContain('ghost');
	});

	it('are rebuilt from the states when the summaries before the update were missing', async () => {
		const v1 = makePack(4);
		await importPack(db, v1, scheduler, now);
		await study(v1.id, 'c2');
		await db.summaries.clear();
		await importPack(
			db,
			makePack(0, { version: 2, cards: [...v1.cards, flashcard('n1')] }),
			scheduler,
			now + 1
		);
		const { stored, rebuilt } = await storedAndRebuilt(v1.id);
		expect(stored).toEqual(rebuilt);
		expect(stored.flatMap((s) => s.ids)).toHaveLength(5);
	});
});

describe('listInstalledPacks', () => {
	it("counts each pack's cards, the ones studied and the ones retired", async () => {
		const v1 = makePack(5);
		await importPack(db, v1, scheduler, now);
		await importPack(db, makePack(2, { id: 'other' as PackId }), scheduler, now);
		await study(v1.id, 'c1');
		await study(v1.id, 'c2');
		await study(v1.id, 'c5');
		await importPack(db, makePack(0, { version: 2, cards: v1.cards.slice(0, 4) }), scheduler, now + 1);
		const rows = (await listInstalledPacks(db)).sort((a, b) => a.id.localeCompare(b.id));
		expect(rows.map(({ id, cards, studied, retired }) => ({ id, cards, studied, retired }))).toEqual([
			{ id: 'other', cards: 2, studied: 0, retired: 0 },
			{ id: v1.id, cards: 4, studied: 2, retired: 1 }
		]);
	});
});

describe('export, remove, reset', () => {
	it('exports exactly the pack that was imported', async () => {
		const pack = makePack(6, { version: 3 });
		await importPack(db, pack, scheduler, now);
		const out = await exportPack(db, pack.id);
		expect(out).toEqual(pack);
		expect(JSON.stringify(out)).toBe(JSON.stringify(pack));
		expect(await exportPack(db, 'missing')).toBeNull();
	});

	it('round trip: an exported pack imported on a fresh profile has identical cards', async () => {
		const pack = makePack(5);
		await importPack(db, pack, scheduler, now);
		const exported = (await exportPack(db, pack.id)) as Pack;
		const fresh = new DeckhandDb(`fresh-${Math.random()}`);
		await importPack(fresh, JSON.parse(JSON.stringify(exported)) as Pack, scheduler, now);
		expect(await fresh.packCards.toArray()).toEqual(await db.packCards.toArray());
		expect(await readInstalled(fresh, pack.id)).toEqual(await readInstalled(db, pack.id));
	});

	it('round trip with a backup: a fresh profile restored from it has identical cards and progress', async () => {
		const pack = makePack(6);
		await importPack(db, pack, scheduler, now);
		await study(pack.id, 'c1');
		await study(pack.id, 'c2');
		// An update retires c6, so the backup must carry a retired card with its state too.
		await importPack(db, makePack(0, { version: 2, cards: pack.cards.slice(0, 5) }), scheduler, now + 1);
		const backup = JSON.parse(JSON.stringify(await exportBackup(db, now + 2)));
		const parsed = parseBackup(backup);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const fresh = new DeckhandDb(`fresh-${Math.random()}`);
		expect((await restoreBackup(fresh, parsed.value)).ok).toBe(true);
		for (const table of ['packs', 'packCards', 'states', 'logs', 'retired'] as const) {
			expect(await fresh[table].toArray(), table).toEqual(await db[table].toArray());
		}
		expect(await readInstalled(fresh, pack.id)).toEqual(await readInstalled(db, pack.id));
	});

	it('removes a pack with its progress and leaves other packs alone', async () => {
		const other = makePack(2, { id: 'other' as PackId });
		await importPack(db, makePack(3), scheduler, now);
		await importPack(db, other, scheduler, now);
		await study('test-pack', 'c1');
		await study('other', 'c1');
		await removePack(db, 'test-pack');
		expect(await db.packs.toCollection().primaryKeys()).toEqual(['other']);
		expect(await db.packCards.get('test-pack')).toBeUndefined();
		expect(await db.states.where('packId').equals('test-pack').count()).toBe(0);
		expect(await db.logs.count()).toBe(1);
	});

	it('resets a pack to new cards without review logs', async () => {
		await importPack(db, makePack(3), scheduler, now);
		await study('test-pack', 'c1');
		await study('test-pack', 'c2');
		await resetPackProgress(db, 'test-pack', scheduler, now + 5);
		// A new card has no stored state: none is left, and each card reads as new.
		expect(await db.states.count()).toBe(0);
		for (const id of ['c1', 'c2', 'c3']) expect((await getState(db, 'test-pack', id))?.reps).toBe(0);
		expect((await listInstalledPacks(db))[0]).toMatchObject({ cards: 3, studied: 0 });
		expect(await db.logs.count()).toBe(0);
	});
});

describe('schema upgrade', () => {
	it('opening a version 1 database at version 5 keeps every record and adds the retired table', async () => {
		const name = `upgrade-${Math.random()}`;
		const old = new DeckhandDb(name, 1);
		const pack = makePack(3);
		const { cards, ...meta } = pack;
		await old.packs.put({ ...meta, installedAt: now, builtIn: false });
		await old.table('cards').bulkPut(cards.map((c, order) => ({ ...c, packId: pack.id, order })));
		// Version 1 states had no section or place; the version 2 upgrade adds them.
		await old.states.bulkPut(cards.map((c) => scheduler.newState(c.id, pack.id, now)) as StateRecord[]);
		old.close();

		const current = new DeckhandDb(name, 5);
		expect(await current.table('cards').count()).toBe(3);
		expect(await current.states.count()).toBe(3);
		expect(await current.retired.count()).toBe(0);
		expect(current.verno).toBe(5);
		expect((await current.states.get([pack.id, 'c2']))?.order).toBe(1);
		const stored = await current.table('cards').orderBy('[packId+id]').toArray();
		expect(stored.map(({ packId: _p, order: _o, ...c }) => c)).toEqual(cards);
	});
});
