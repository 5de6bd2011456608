import { describe, expect, it } from 'vitest';
import { logUid, withLogUids } from '$lib/core/sync';
import { DeckhandDb } from '$lib/storage/db';

const state = {
	cardId: 'c1',
	packId: 'p',
	state: 'new',
	due: 1000,
	stability: 0,
	difficulty: 0,
	scheduledDays: 0,
	learningSteps: 0,
	reps: 0,
	lapses: 0,
	lastReview: null
};
const log = (cardId: string, reviewedAt: number, rating = 'good') => ({
	cardId,
	packId: 'p',
	rating,
	state: 'new',
	reviewedAt,
	elapsedDays: 0,
	scheduledDays: 0,
	stability: 1,
	difficulty: 5,
	before: { ...state, cardId }
});

describe('schema version 10 (sync)', () => {
	it('v7 -> v10: a seeded version-7 database opens with nothing lost and every log holding its stable id', async () => {
		const name = `upgrade-10-${Math.random()}`;
		const v7 = new DeckhandDb(name, 7);
		await v7.open();
		await v7.table('packs').put({ id: 'p', version: 1, title: 'P', sections: [] });
		await v7.table('settings').put({ key: 'study', value: { newPerDay: 5 } });
		// Two records of one review (same card, millisecond and grade) stay two reviews.
		await v7.table('logs').bulkAdd([log('c1', 500), log('c2', 600, 'again'), log('c2', 600, 'again')]);
		await v7.table('exams').add({ startedAt: 1, seed: 2 });
		v7.close();

		const db = new DeckhandDb(name);
		await db.open();
		expect(db.verno).toBe(10);
		const logs = await db.logs.toArray();
		expect(logs).toHaveLength(3);
		expect(logs.map((l) => l.id)).toEqual([1, 2, 3]);
		// The upgrade's frozen copy gives the ids core/sync gives (the ones a graded review gets).
		expect(logs[0]!.uid).toBe(logUid(logs[0]!));
		expect(logs[1]!.uid).toBe(logUid(logs[1]!));
		expect(logs[2]!.uid).toBe(`${logUid(logs[2]!)}-2`);
		expect(logs.map((l) => l.uid)).toEqual(
			withLogUids(logs.map((l) => ({ ...l, uid: undefined }))).map((l) => l.uid)
		);
		expect(await db.logs.where('uid').equals(logs[1]!.uid!).count()).toBe(1);
		expect((await db.settings.get('study'))?.value).toEqual({ newPerDay: 5 });
		expect(await db.exams.count()).toBe(1);
		expect(await db.table('syncMeta').count()).toBe(0);
		expect(await db.table('syncDeleted').count()).toBe(0);
		// The index is unique: the same review cannot be stored twice.
		await expect(db.logs.add({ ...logs[0]!, id: undefined })).rejects.toThrow();
		db.close();
	});
});
