import { describe, expect, it } from 'vitest';
import { Scheduler } from '$lib/core/scheduler';
import { tallyHours, talliesFromBlocks } from '$lib/core/stats';
import { DeckhandDb } from '$lib/storage/db';
import { blocksPending, countBlocksSlice, isCounted } from '$lib/storage/review-blocks';
import { getState, recordGrade, undoGrade } from '$lib/storage/study';
import { summarize } from '$lib/storage/summary';
import { flashcardPack } from '../../fixtures/packs';

const now = Date.UTC(2026, 10, 28, 9);
const scheduler = new Scheduler({ enableFuzz: false });

describe('the once-only count of an upgraded review history', () => {
	it('runs after opening, in slices; grades and undos meanwhile leave the counts equal to the logs', async () => {
		// A version 5 database (before per-hour blocks) with a pack and 50 old review logs.
		const name = `blocks-${Math.random()}`;
		const v5 = new DeckhandDb(name, 5);
		await v5.open();
		const pack = flashcardPack('p', 3, 1);
		const { cards, ...meta } = pack;
		await v5.table('packs').put({ ...meta, installedAt: now, builtIn: false });
		await v5.table('cards').bulkPut(cards.map((c, order) => ({ ...c, packId: pack.id, order })));
		const states = cards.map((c, order) => ({
			...scheduler.newState(c.id, pack.id, now),
			sectionId: c.sectionId,
			order
		}));
		await v5.table('states').bulkPut(states);
		await v5.table('summaries').bulkPut(summarize(states));
		const old = Array.from({ length: 50 }, (_, i) => ({
			cardId: cards[0]!.id,
			packId: pack.id,
			rating: i % 4 === 0 ? 'again' : 'good',
			state: i === 0 ? 'new' : 'review',
			reviewedAt: now - (50 - i) * 86_400_000,
			before: states[0]
		}));
		await v5.table('logs').bulkAdd(old);
		v5.close();

		const db = new DeckhandDb(name);
		await db.open();
		expect(await blocksPending(db)).toEqual({ upTo: 50, after: 0, total: 50, done: 0 });
		expect(await db.reviewBlocks.count()).toBe(0);
		expect(await countBlocksSlice(db, 20)).toEqual({ done: 20, total: 50 });
		// An old log the count has reached is in the blocks; one it has not reached is not yet.
		expect(await isCounted(db, 20)).toBe(true);
		expect(await isCounted(db, 21)).toBe(false);

		// A grade during the count writes log 51, counted at once; its undo takes it out again.
		const state = (await getState(db, pack.id, cards[1]!.id))!;
		const out = scheduler.grade(state, 'good', now);
		const r = await recordGrade(db, out.state, out.log);
		expect(r.ok && r.value).toBe(51);
		expect(await isCounted(db, 51)).toBe(true);
		const again = scheduler.grade((await getState(db, pack.id, cards[2]!.id))!, 'again', now + 60_000);
		const r2 = await recordGrade(db, again.state, again.log);
		expect(r2.ok).toBe(true);
		if (r2.ok) expect((await undoGrade(db, r2.value)).ok).toBe(true);

		while (await countBlocksSlice(db, 20));
		expect(await blocksPending(db)).toBeNull();
		const fromLogs = [...tallyHours(await db.logs.toArray()).values()].sort((a, b) => a.hour - b.hour);
		expect(fromLogs.reduce((n, t) => n + t.reviews, 0)).toBe(51);
		expect(talliesFromBlocks(await db.reviewBlocks.toArray())).toEqual(fromLogs);
		db.close();
	});
});
