import { beforeEach, describe, expect, it } from 'vitest';
import type { Subscription } from '$lib/core/catalogue/types';
import { Scheduler } from '$lib/core/scheduler';
import { DeckhandDb } from '$lib/storage/db';
import { listInstalledPacks, removePack } from '$lib/storage/imports';
import { getState, recordGrade } from '$lib/storage/study';
import { listPackCards } from '$lib/storage/packs';
import {
	installFromSource,
	listPackSources,
	listSubscriptions,
	loadUpdateSettings,
	recordCheck,
	removeSubscription,
	saveUpdateSettings
} from '$lib/storage/subscriptions';
import { loadSettings } from '$lib/storage/settings';
import { flashcard, makePack } from '../../fixtures/pack-factory';

const now = Date.UTC(2026, 10, 29, 9);
const scheduler = new Scheduler({ enableFuzz: false });
let db: DeckhandDb;

beforeEach(() => {
	db = new DeckhandDb(`test-${Math.random()}`);
});

const sub = (over: Partial<Subscription> = {}): Subscription => ({
	url: 'https://team.example.org/packs/index.json',
	kind: 'catalogue',
	title: 'Team packs',
	addedAt: now,
	checkedAt: now,
	etag: '"1"',
	digest: null,
	packs: [],
	error: null,
	...over
});

describe('subscriptions storage', () => {
	it('installs a pack with its subscription and source in one go, and updates it with progress kept', async () => {
		const v1 = makePack(3, { id: 'team', version: 1, sectionCount: 1 });
		const r = await installFromSource(db, sub(), v1, scheduler, now);
		expect(r.ok && r.value.kind).toBe('install');
		expect(await listSubscriptions(db)).toEqual([sub()]);
		expect(await listPackSources(db)).toEqual([{ packId: 'team', url: sub().url }]);

		const state = await getState(db, 'team', 'c1');
		const graded = scheduler.grade(state!, 'good', now);
		await recordGrade(db, graded.state, graded.log);
		const studied = await getState(db, 'team', 'c1');

		const v2 = makePack(0, {
			id: 'team',
			version: 2,
			sectionCount: 1,
			cards: [
				{ ...v1.cards[0]!, back: 'Edited' } as (typeof v1.cards)[0],
				v1.cards[1]!,
				flashcard('c9', 's1')
			]
		});
		// The stored subscription is kept as it is (its check fields belong to the check).
		const u = await installFromSource(db, sub({ title: 'Renamed', etag: null }), v2, scheduler, now + 1000);
		expect(u.ok && [u.value.changed, u.value.added, u.value.retired]).toEqual([['c1'], ['c9'], ['c3']]);
		expect((await listSubscriptions(db))[0]?.title).toBe('Team packs');
		expect(await getState(db, 'team', 'c1')).toEqual(studied);
		expect((await getState(db, 'team', 'c9'))?.state).toBe('new');
		expect((await db.retired.get(['team', 'c3']))?.id).toBe('c3');
	});

	it('writes nothing at all when the import is refused', async () => {
		await installFromSource(db, sub(), makePack(2, { id: 'team', version: 3 }), scheduler, now);
		const other = sub({ url: 'https://other.example/index.json' });
		// An older version without the learner's go-ahead is refused; the new source is not recorded either.
		const r = await installFromSource(db, other, makePack(2, { id: 'team', version: 2 }), scheduler, now);
		expect(r.ok || r.errors[0]?.message).toMatch(/not newer than the installed version/);
		expect((await listSubscriptions(db)).map((s) => s.url)).toEqual([sub().url]);
		expect(await listPackSources(db)).toEqual([{ packId: 'team', url: sub().url }]);
		expect((await db.packs.get('team'))?.version).toBe(3);
	});

	it('records a check only for a subscription that still exists', async () => {
		await installFromSource(db, sub(), makePack(1, { id: 'team' }), scheduler, now);
		await recordCheck(db, sub().url, { checkedAt: now + 5, error: 'Could not reach team.example.org' });
		await recordCheck(db, 'https://gone.example/index.json', { checkedAt: 1, error: null });
		expect(await listSubscriptions(db)).toEqual([
			sub({ checkedAt: now + 5, error: 'Could not reach team.example.org' })
		]);
	});

	it('removing a subscription keeps its packs and progress unless told to remove them too', async () => {
		await installFromSource(db, sub(), makePack(2, { id: 'a' }), scheduler, now);
		await installFromSource(db, sub(), makePack(2, { id: 'b' }), scheduler, now);
		const other = sub({ url: 'https://other.example/index.json' });
		await installFromSource(db, other, makePack(2, { id: 'c' }), scheduler, now);

		expect(await removeSubscription(db, sub().url, false)).toEqual({ ok: true, value: ['a', 'b'] });
		expect((await listInstalledPacks(db)).map((p) => p.id).sort()).toEqual(['a', 'b', 'c']);
		// The pack's cards are still there (new cards keep no state since schema version 8).
		expect(await listPackCards(db, 'a')).toHaveLength(2);
		expect(await listPackSources(db)).toEqual([{ packId: 'c', url: other.url }]);

		// A pack removed on its own loses its source, so importing it again by hand is not an update target.
		await installFromSource(db, other, makePack(1, { id: 'd' }), scheduler, now);
		await removePack(db, 'd');
		expect(await listPackSources(db)).toEqual([{ packId: 'c', url: other.url }]);
		expect(await db.packSources.count()).toBe(1);

		expect(await removeSubscription(db, other.url, true)).toEqual({ ok: true, value: ['c'] });
		expect((await listInstalledPacks(db)).map((p) => p.id).sort()).toEqual(['a', 'b']);
		expect(await listPackCards(db, 'c')).toHaveLength(0);
		expect(await listSubscriptions(db)).toEqual([]);
	});

	it('keeps the update setting beside the study settings, never inside them', async () => {
		expect(await loadUpdateSettings(db)).toEqual({ autoApply: false });
		const study = await loadSettings(db);
		await saveUpdateSettings(db, { autoApply: true });
		expect(await loadUpdateSettings(db)).toEqual({ autoApply: true });
		expect(await loadSettings(db)).toEqual(study);
		await db.settings.put({ key: 'updates', value: { autoApply: 'yes' } });
		expect(await loadUpdateSettings(db)).toEqual({ autoApply: false });
	});
});

describe('schema version 9', () => {
	it('v7 -> v9: a seeded version-7 database opens with nothing lost and the subscription tables empty', async () => {
		const name = `upgrade-${Math.random()}`;
		const v7 = new DeckhandDb(name, 7);
		await v7.open();
		await v7
			.table('packs')
			.put({ id: 'p', version: 2, title: 'P', sections: [], installedAt: now, builtIn: false });
		await v7
			.table('cards')
			.put({ packId: 'p', id: 'c1', kind: 'flashcard', sectionId: 's1', order: 0, front: 'F', back: 'B' });
		await v7
			.table('states')
			.put({ packId: 'p', cardId: 'c1', state: 'review', due: now, reps: 3, sectionId: 's1', order: 0 });
		await v7.table('logs').add({ packId: 'p', cardId: 'c1', rating: 'good', reviewedAt: now });
		await v7
			.table('retired')
			.put({ packId: 'p', id: 'c0', kind: 'flashcard', order: 1, retiredAt: now, state: null });
		await v7.table('settings').put({ key: 'study', value: { newPerDay: 7 } });
		const tables = ['packs', 'states', 'logs', 'retired', 'settings'];
		const cards = await v7.table('cards').toArray();
		const before = Object.fromEntries(
			await Promise.all(tables.map(async (t) => [t, await v7.table(t).toArray()]))
		);
		v7.close();

		const v9 = new DeckhandDb(name, 9);
		await v9.open();
		expect(v9.verno).toBe(9);
		for (const t of tables) expect(await v9.table(t).toArray()).toEqual(before[t]);
		// Version 8 keeps a pack's cards as one record.
		expect(await listPackCards(v9, 'p')).toEqual(cards);
		expect(await v9.subscriptions.count()).toBe(0);
		await installFromSource(v9, sub(), makePack(1, { id: 'q' }), scheduler, now);
		expect(await v9.packSources.where('url').equals(sub().url).primaryKeys()).toEqual(['q']);
		v9.close();
	});
});
