import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NEW_STATES } from '$lib/core/scheduler/new-state';
import { bulkPutInSlices, PUT_SLICE } from '$lib/storage/chunks';
import { DeckhandDb, type StateRecord } from '$lib/storage/db';
import { importPack } from '$lib/storage/imports';
import type { CardId, PackId } from '$lib/core/pack/types';
import { makePack } from '../../fixtures/pack-factory';

const now = Date.UTC(2026, 10, 28, 9);
let db: DeckhandDb;

beforeEach(() => {
	db = new DeckhandDb(`test-${Math.random()}`);
});

function states(n: number): StateRecord[] {
	return Array.from({ length: n }, (_, i) => ({
		...NEW_STATES.newState(`c${i}` as CardId, 'p' as PackId, now),
		sectionId: '',
		order: i
	}));
}

describe('bulkPutInSlices', () => {
	it('writes every record, a slice at a time', async () => {
		const spy = vi.spyOn(db.states, 'bulkPut');
		await db.transaction('rw', db.states, () => bulkPutInSlices(db.states, states(250), 100));
		expect(spy.mock.calls.map((c) => c[0].length)).toEqual([100, 100, 50]);
		expect(await db.states.count()).toBe(250);
	});

	it('rolls every slice back when a later one fails in the same transaction', async () => {
		const rows = states(PUT_SLICE * 2 + 1);
		// The last slice holds a record without a key, which IndexedDB refuses.
		(rows[rows.length - 1] as Partial<StateRecord>).cardId = undefined;
		await expect(db.transaction('rw', db.states, () => bulkPutInSlices(db.states, rows))).rejects.toThrow();
		expect(await db.states.count()).toBe(0);
	});

	it('installs a pack larger than a slice with every card and state, in order', async () => {
		const pack = makePack(PUT_SLICE * 2 + 7);
		const r = await importPack(db, pack, NEW_STATES, now, { builtIn: true });
		expect(r.ok).toBe(true);
		const cards = await db.cards.where('packId').equals(pack.id).sortBy('order');
		expect(cards.map((c) => c.id)).toEqual(pack.cards.map((c) => c.id));
		const stored = await db.states.toArray();
		expect(stored).toHaveLength(pack.cards.length);
		expect(stored.every((s) => s.state === 'new' && s.due === now && s.reps === 0)).toBe(true);
	});
});
