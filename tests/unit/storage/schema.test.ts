import { describe, expect, it } from 'vitest';
import { talliesFromBlocks } from '$lib/core/stats';
import { DeckhandDb } from '$lib/storage/db';
import { countBlocksSlice, type BlocksProgress } from '$lib/storage/review-blocks';
import { SCHEMA_VERSIONS } from '$lib/storage/schema';

describe('schema upgrades', () => {
	it('declares versions in ascending order, each with a reason', () => {
		const versions = SCHEMA_VERSIONS.map((v) => v.version);
		expect(versions).toEqual([...versions].sort((a, b) => a - b));
		expect(SCHEMA_VERSIONS.every((v) => v.reason.length > 10)).toBe(true);
	});

	it('v1 -> v2: a seeded version-1 database opens with nothing lost and states placed in their sections', async () => {
		const name = `upgrade-${Math.random()}`;
		const v1 = new DeckhandDb(name, 1);
		await v1.open();
		expect(v1.verno).toBe(1);
		const state = {
			cardId: 'c1',
			packId: 'p',
			state: 'review',
			due: 1000,
			stability: 3,
			difficulty: 5,
			scheduledDays: 3,
			learningSteps: 0,
			reps: 2,
			lapses: 0,
			lastReview: 500
		};
		await v1
			.table('packs')
			.put({ id: 'p', version: 1, title: 'P', sections: [{ id: 's1', title: 'S', order: 1 }] });
		await v1.table('cards').bulkPut([
			{ packId: 'p', id: 'c1', kind: 'flashcard', sectionId: 's1', order: 0, front: 'F', back: 'B' },
			{ packId: 'p', id: 'c2', kind: 'flashcard', sectionId: 's1', order: 1, front: 'F2', back: 'B2' }
		]);
		await v1
			.table('states')
			.bulkPut([state, { ...state, cardId: 'c2', state: 'new', reps: 0, lastReview: null }]);
		await v1
			.table('logs')
			.add({ cardId: 'c1', packId: 'p', rating: 'good', state: 'new', reviewedAt: 500, before: state });
		await v1.table('settings').put({ key: 'study', value: { desiredRetention: 0.85 } });
		v1.close();

		const v2 = new DeckhandDb(name, 2);
		await v2.open();
		expect(v2.verno).toBe(2);
		expect(await v2.packs.count()).toBe(1);
		expect(await v2.table('cards').count()).toBe(2);
		expect(await v2.logs.count()).toBe(1);
		expect((await v2.settings.get('study'))?.value).toEqual({ desiredRetention: 0.85 });
		const s1 = await v2.states.get(['p', 'c1']);
		expect(s1).toEqual({ ...state, sectionId: 's1', order: 0 });
		// The new indexes answer queries over the upgraded records.
		expect(await v2.states.where('[state+due]').between(['review', 0], ['review', 2000]).count()).toBe(1);
		expect(
			await v2.states.where('[state+packId+sectionId+order]').between(['new'], ['new', []]).primaryKeys()
		).toEqual([['p', 'c2']]);
		expect(await v2.sessions.count()).toBe(0);
		v2.close();
	});

	it('v2 -> v3: a seeded version-2 database gains section summaries that match its states', async () => {
		const name = `upgrade3-${Math.random()}`;
		const v2 = new DeckhandDb(name, 2);
		await v2.open();
		const base = {
			packId: 'p',
			due: 1000,
			stability: 3,
			difficulty: 5,
			scheduledDays: 3,
			learningSteps: 0,
			reps: 2,
			lapses: 0
		};
		await v2.table('states').bulkPut([
			{ ...base, cardId: 'c2', state: 'new', lastReview: null, sectionId: 's1', order: 1 },
			{ ...base, cardId: 'c1', state: 'review', lastReview: 500, sectionId: 's1', order: 0 },
			{ ...base, cardId: 'c3', state: 'learning', lastReview: 700, sectionId: 's2', order: 2 }
		]);
		await v2.table('logs').add({ cardId: 'c1', packId: 'p', rating: 'good', state: 'new', reviewedAt: 500 });
		v2.close();

		const v3 = new DeckhandDb(name, 3);
		await v3.open();
		expect(v3.verno).toBe(3);
		expect(await v3.states.count()).toBe(3);
		expect(await v3.logs.count()).toBe(1);
		const s1 = await v3.summaries.get(['p', 's1']);
		expect(s1?.ids).toEqual(['c1', 'c2']);
		expect(Array.from(s1!.state)).toEqual([2, 0]);
		expect(Array.from(s1!.lastReview)).toEqual([500, NaN]);
		expect((await v3.summaries.get(['p', 's2']))?.ids).toEqual(['c3']);
		v3.close();
	});

	it('v3 -> v4: a seeded version-3 database opens with nothing lost and an empty exam history', async () => {
		const name = `upgrade4-${Math.random()}`;
		const v3 = new DeckhandDb(name, 3);
		await v3.open();
		const state = {
			cardId: 'c1',
			packId: 'p',
			state: 'review',
			due: 1000,
			stability: 3,
			difficulty: 5,
			scheduledDays: 3,
			learningSteps: 0,
			reps: 2,
			lapses: 0,
			lastReview: 500,
			sectionId: 's1',
			order: 0
		};
		const summary = {
			packId: 'p',
			sectionId: 's1',
			ids: ['c1'],
			state: new Uint8Array([2]),
			due: new Float64Array([1000]),
			stability: new Float64Array([3]),
			lastReview: new Float64Array([500])
		};
		await v3.table('packs').put({ id: 'p', version: 1, title: 'P', sections: [] });
		await v3.table('cards').put({ packId: 'p', id: 'c1', kind: 'flashcard', sectionId: 's1', order: 0 });
		await v3.table('states').put(state);
		await v3.table('summaries').put(summary);
		await v3.table('logs').add({ cardId: 'c1', packId: 'p', rating: 'good', state: 'new', reviewedAt: 500 });
		await v3.table('sessions').put({ id: 'all', startedAt: 400, dayStart: 0, logIds: [1] });
		await v3.table('settings').put({ key: 'study', value: { desiredRetention: 0.85 } });
		v3.close();

		const v4 = new DeckhandDb(name, 4);
		await v4.open();
		expect(v4.verno).toBe(4);
		expect(await v4.table('packs').toArray()).toEqual([{ id: 'p', version: 1, title: 'P', sections: [] }]);
		expect(await v4.table('states').toArray()).toEqual([state]);
		expect(await v4.table('summaries').toArray()).toEqual([summary]);
		expect(await v4.table('logs').count()).toBe(1);
		expect((await v4.table('sessions').get('all'))?.logIds).toEqual([1]);
		expect((await v4.table('settings').get('study'))?.value).toEqual({ desiredRetention: 0.85 });
		expect(await v4.table('exams').count()).toBe(0);
		expect(await v4.table('reviewHours').count()).toBe(0);
		v4.close();
	});

	it('v4 -> v5: a seeded version-4 database opens with nothing lost and an empty retired-cards table', async () => {
		const name = `upgrade-${Math.random()}`;
		const v4 = new DeckhandDb(name, 4);
		await v4.open();
		await v4.table('packs').put({ id: 'p', version: 1, title: 'P', sections: [] });
		await v4.table('cards').put({ packId: 'p', id: 'c1', kind: 'flashcard', sectionId: 's1', order: 0 });
		await v4.table('states').put({
			cardId: 'c1',
			packId: 'p',
			state: 'review',
			due: 1000,
			stability: 3,
			difficulty: 5,
			scheduledDays: 3,
			learningSteps: 0,
			reps: 2,
			lapses: 0,
			lastReview: 500,
			sectionId: 's1',
			order: 0
		});
		await v4.table('logs').add({ cardId: 'c1', packId: 'p', rating: 'good', state: 'new', reviewedAt: 500 });
		v4.close();

		const v5 = new DeckhandDb(name, 5);
		await v5.open();
		expect(v5.verno).toBe(5);
		expect([
			await v5.packs.count(),
			await v5.table('cards').count(),
			await v5.states.count(),
			await v5.logs.count()
		]).toEqual([1, 1, 1, 1]);
		expect(await v5.retired.count()).toBe(0);
		expect(await v5.retired.where('packId').equals('p').count()).toBe(0);
		v5.close();
	});
	it('v5 -> v6: a seeded version-5 database opens with nothing lost and its review counts per pack and hour', async () => {
		const name = `upgrade-${Math.random()}`;
		const v5 = new DeckhandDb(name, 5);
		await v5.open();
		const H = 3_600_000;
		const t0 = Date.UTC(2026, 10, 28, 9);
		await v5.table('packs').bulkPut([
			{ id: 'p', version: 1, title: 'P', sections: [] },
			{ id: 'q', version: 1, title: 'Q', sections: [] }
		]);
		await v5.table('cards').put({ packId: 'p', id: 'c1', kind: 'flashcard', sectionId: 's1', order: 0 });
		await v5.table('states').put({
			cardId: 'c1',
			packId: 'p',
			state: 'review',
			due: t0,
			stability: 3,
			difficulty: 5,
			scheduledDays: 3,
			learningSteps: 0,
			reps: 2,
			lapses: 0,
			lastReview: t0 - H,
			sectionId: 's1',
			order: 0
		});
		const log = (packId: string, at: number, rating: string, state: string) => ({
			cardId: 'c1',
			packId,
			rating,
			state,
			reviewedAt: at,
			elapsedDays: 0,
			scheduledDays: 1,
			stability: 1,
			difficulty: 5,
			before: { cardId: 'c1', packId, state: 'new' }
		});
		// Hand-counted: hour h0 of pack p has 3 reviews (2 in review state, 1 passed); p's second log falls
		// 2,000 hours later (another block); q shares hour h0 with one learning review.
		const logs = [
			log('p', t0, 'good', 'new'),
			log('p', t0 + 60_000, 'again', 'review'),
			log('p', t0 + 120_000, 'easy', 'review'),
			log('p', t0 + 2000 * H, 'hard', 'relearning'),
			log('q', t0 + 30_000, 'good', 'learning')
		];
		await v5.table('logs').bulkAdd(logs);
		await v5.table('settings').bulkPut([
			{ key: 'theme', value: 'dark' },
			{ key: 'stats.reviewHours', value: { upToId: 5, count: 5 } }
		]);
		await v5.table('reviewHours').put({ hour: t0 / H, reviews: 4, reviewState: 2, passed: 1 });
		const before = {
			packs: await v5.table('packs').toArray(),
			cards: await v5.table('cards').toArray(),
			states: await v5.table('states').toArray(),
			logs: await v5.table('logs').toArray(),
			summaries: await v5.table('summaries').toArray()
		};
		v5.close();

		const v6 = new DeckhandDb(name, 6);
		await v6.open();
		expect(v6.verno).toBe(6);
		expect(await v6.packs.toArray()).toEqual(before.packs);
		expect(await v6.table('cards').toArray()).toEqual(before.cards);
		expect(await v6.states.toArray()).toEqual(before.states);
		expect(await v6.logs.toArray()).toEqual(before.logs);
		expect(await v6.summaries.toArray()).toEqual(before.summaries);
		// The old counts' watermark and table are gone; every other setting stays. The count itself is
		// left to run after opening, in slices, from a marker naming the last log to count.
		expect(await v6.settings.toArray()).toEqual([
			{ key: 'stats.blocksPending', value: { upTo: 5, after: 0, total: 5, done: 0 } },
			{ key: 'theme', value: 'dark' }
		]);
		expect(v6.tables.map((t) => t.name)).not.toContain('reviewHours');
		expect(await v6.reviewBlocks.count()).toBe(0);
		const seen: BlocksProgress[] = [];
		for (let p = await countBlocksSlice(v6, 2); p; p = await countBlocksSlice(v6, 2)) seen.push(p);
		expect(seen).toEqual([
			{ done: 2, total: 5 },
			{ done: 4, total: 5 },
			{ done: 5, total: 5 }
		]);
		expect(await v6.settings.toArray()).toEqual([{ key: 'theme', value: 'dark' }]);
		const h0 = t0 / H;
		expect(talliesFromBlocks(await v6.reviewBlocks.toArray())).toEqual([
			{ hour: h0, reviews: 4, reviewState: 2, passed: 1 },
			{ hour: h0 + 2000, reviews: 1, reviewState: 0, passed: 0 }
		]);
		expect(talliesFromBlocks(await v6.reviewBlocks.where('packId').equals('q').toArray())).toEqual([
			{ hour: h0, reviews: 1, reviewState: 0, passed: 0 }
		]);
		expect(await v6.reviewBlocks.where('packId').equals('p').count()).toBe(2);
		v6.close();
	});

	it('v6 -> v7: a seeded version-6 database opens with nothing lost, its states without the unused indexes', async () => {
		const name = `upgrade-${Math.random()}`;
		const v6 = new DeckhandDb(name, 6);
		await v6.open();
		const now = Date.UTC(2026, 10, 28, 9);
		await v6.table('packs').put({ id: 'p', version: 1, title: 'P', sections: [] });
		const states = ['new', 'learning', 'review', 'relearning'].map((state, i) => ({
			cardId: `c${i}`,
			packId: 'p',
			state,
			due: now + (i - 2) * 86_400_000,
			stability: i,
			difficulty: 5,
			scheduledDays: i,
			learningSteps: 0,
			reps: i,
			lapses: 0,
			lastReview: i === 0 ? null : now - 86_400_000,
			sectionId: 's1',
			order: i
		}));
		await v6
			.table('cards')
			.bulkPut(
				states.map((s) => ({ packId: 'p', id: s.cardId, kind: 'flashcard', sectionId: 's1', order: s.order }))
			);
		await v6.table('states').bulkPut(states);
		await v6
			.table('logs')
			.add({ cardId: 'c2', packId: 'p', rating: 'good', state: 'learning', reviewedAt: now });
		await v6.table('settings').put({ key: 'theme', value: 'dark' });
		const before = {
			packs: await v6.table('packs').toArray(),
			cards: await v6.table('cards').toArray(),
			states: await v6.table('states').toArray(),
			logs: await v6.table('logs').toArray(),
			settings: await v6.table('settings').toArray()
		};
		v6.close();

		const v7 = new DeckhandDb(name, 7);
		await v7.open();
		expect(v7.verno).toBe(7);
		expect(await v7.packs.toArray()).toEqual(before.packs);
		expect(await v7.table('cards').toArray()).toEqual(before.cards);
		expect(await v7.states.toArray()).toEqual(before.states);
		expect(await v7.logs.toArray()).toEqual(before.logs);
		expect(await v7.settings.toArray()).toEqual(before.settings);
		const indexes = v7.states.schema.indexes.map((i) => i.name).sort();
		expect(indexes).toEqual(['[state+due]', 'packId', 'state']);
		// The indexes the home counts read still answer: one new card, two studied cards due by now.
		expect(await v7.states.where('state').equals('new').count()).toBe(1);
		expect(
			await v7.states
				.where('[state+due]')
				.between(['learning', -Infinity], ['learning', now], true, true)
				.count()
		).toBe(1);
		v7.close();
	});

	it('v7 -> v8: a seeded version-7 database opens with the cards of each pack as one record, states only for reviewed cards, nothing else lost', async () => {
		const name = `upgrade-${Math.random()}`;
		const v7 = new DeckhandDb(name, 7);
		await v7.open();
		const now = Date.UTC(2026, 10, 28, 9);
		const sections = [
			{ id: 's1', title: 'One', order: 1, subsections: [] },
			{ id: 's2', title: 'Two', order: 2, subsections: [] }
		];
		await v7.table('packs').bulkPut([
			{ id: 'p', version: 3, title: 'P', sections, installedAt: now, builtIn: true },
			{ id: 'q', version: 1, title: 'Q', sections: [sections[0]], installedAt: now, builtIn: false }
		]);
		// Cards written out of order, with fields of format 2 and a kind the app may not know yet: the
		// upgrade keeps every field and puts them in pack order.
		const cardsP = [
			{ id: 'c0', kind: 'flashcard', sectionId: 's1', front: 'F0', back: 'B0', fact: 'a fact' },
			{ id: 'c1', kind: 'mcq', sectionId: 's1', prompt: 'Q?', options: ['a', 'b'], answer: 0, why: 'w' },
			{ id: 'c2', kind: 'some-new-kind', sectionId: 's2', anything: { nested: [1, 2] }, domain: 'd' },
			{ id: 'c3', kind: 'flashcard', sectionId: 's2', front: 'F3', back: 'B3', objectives: ['1.2'] }
		];
		await v7.table('cards').bulkPut(
			[...cardsP.map((c, order) => ({ ...c, packId: 'p', order })).reverse()].concat([
				{
					id: 'x',
					kind: 'flashcard',
					sectionId: 's1',
					front: 'X',
					back: 'Y',
					packId: 'q',
					order: 0
				} as never
			])
		);
		const state = (packId: string, cardId: string, st: string, reps: number, order: number) => ({
			cardId,
			packId,
			state: st,
			due: now + reps * 86_400_000,
			stability: reps,
			difficulty: reps ? 5 : 0,
			scheduledDays: reps,
			learningSteps: 0,
			reps,
			lapses: 0,
			lastReview: reps ? now - 86_400_000 : null,
			sectionId: order < 2 ? 's1' : 's2',
			order
		});
		const reviewed = [state('p', 'c1', 'review', 2, 1), state('p', 'c3', 'learning', 1, 3)];
		await v7
			.table('states')
			.bulkPut([
				state('p', 'c0', 'new', 0, 0),
				state('p', 'c2', 'new', 0, 2),
				...reviewed,
				state('q', 'x', 'new', 0, 0)
			]);
		const summaries = [
			{
				packId: 'p',
				sectionId: 's1',
				ids: ['c0', 'c1'],
				state: Uint8Array.from([0, 2]),
				due: Float64Array.from([now, now]),
				stability: Float64Array.from([0, 2]),
				lastReview: Float64Array.from([NaN, now])
			}
		];
		await v7.table('summaries').bulkPut(summaries);
		await v7
			.table('logs')
			.add({ cardId: 'c1', packId: 'p', rating: 'good', state: 'review', reviewedAt: now });
		await v7.table('retired').put({
			id: 'old',
			kind: 'flashcard',
			sectionId: 's1',
			packId: 'p',
			order: 9,
			retiredAt: now,
			state: null
		});
		await v7.table('settings').put({ key: 'theme', value: 'dark' });
		const before = {
			packs: await v7.table('packs').toArray(),
			logs: await v7.table('logs').toArray(),
			retired: await v7.table('retired').toArray(),
			settings: await v7.table('settings').toArray(),
			summaries: await v7.table('summaries').toArray()
		};
		v7.close();

		const v8 = new DeckhandDb(name, 8);
		await v8.open();
		expect(v8.verno).toBe(8);
		expect(v8.tables.map((t) => t.name)).not.toContain('cards');
		expect(await v8.packCards.toArray()).toEqual([
			{ packId: 'p', version: 3, cards: cardsP },
			{
				packId: 'q',
				version: 1,
				cards: [{ id: 'x', kind: 'flashcard', sectionId: 's1', front: 'X', back: 'Y' }]
			}
		]);
		// Never-reviewed states are gone; reviewed ones are kept exactly.
		expect(await v8.states.toArray()).toEqual(reviewed);
		expect(await v8.packs.toArray()).toEqual(before.packs);
		expect(await v8.logs.toArray()).toEqual(before.logs);
		expect(await v8.retired.toArray()).toEqual(before.retired);
		expect(await v8.settings.toArray()).toEqual(before.settings);
		expect(await v8.summaries.toArray()).toEqual(before.summaries);
		v8.close();
	});
});
