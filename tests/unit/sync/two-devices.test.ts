/**
 * Two devices (two fake-indexeddb databases: a phone and a laptop) syncing through the project's own
 * CouchDB-protocol server (scripts/sync-server.js, started here and stopped by its pid).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Scheduler, schedulerOptions, type Rating, type StudySettings } from '$lib/core/scheduler';
import { logIn, parseServerUrl, replicate, type Couch, type Fetch } from '$lib/core/sync';
import { DeckhandDb } from '$lib/storage/db';
import { installPack } from '../../fixtures/install';
import { countStudy, getState, recordGrade, undoGrade } from '$lib/storage/study';
import { loadSettings, saveSettings } from '$lib/storage/settings';
import { exportBackup, restoreBackup } from '$lib/storage/backup';
import { syncStore } from '$lib/storage/sync';
import { listExams, saveExam } from '$lib/storage/exams';
import { flashcardPack } from '../../fixtures/packs';
import { cookieFetch, startSyncServer, type SyncServer } from '../../fixtures/sync-server';
import { buildCatalogue, serializeCatalogue } from '$lib/core/catalogue/build';
import { entryOf } from '$lib/core/catalogue/entry';
import type { CatalogueEntry, Subscription } from '$lib/core/catalogue/types';
import { serializePack } from '$lib/core/pack/parse';
import type { Pack } from '$lib/core/pack/types';
import { NEW_STATES } from '$lib/core/scheduler/new-state';
import {
	installFromSource,
	listPackSources,
	listSubscriptions,
	removeSubscription
} from '$lib/storage/subscriptions';
import { pendingSubscriptionInstalls } from '$lib/storage/sync';
import { installSyncedPacks } from '$lib/state/replication-install';
import { makePack } from '../../fixtures/pack-factory';

const T0 = Date.UTC(2026, 0, 1, 9);
const MIN = 60_000;
const DAY = 86_400_000;
const pack = flashcardPack('p', 4, 1);
const card = (n: number) => `p-c${n}`;
const makeScheduler = (s: StudySettings) => new Scheduler(schedulerOptions(s));

let server: SyncServer;
let dbUrl: string;
const opened: DeckhandDb[] = [];

interface Device {
	db: DeckhandDb;
	couch: Couch;
	id: string;
}

async function device(name: string, fetchFn: Fetch = cookieFetch()): Promise<Device> {
	const db = new DeckhandDb(`${name}-${Math.random()}`);
	opened.push(db);
	await installPack(db, pack, T0 - DAY);
	const target = parseServerUrl(dbUrl);
	if (!target.ok) throw new Error('bad url');
	const couch = { ...target.value, fetch: fetchFn };
	expect((await logIn(couch, 'learner', 'learner')).ok).toBe(true);
	return { db, couch, id: `${name}-${Math.random().toString(36).slice(2)}` };
}

async function grade(d: Device, n: number, rating: Rating, at: number, packId = 'p'): Promise<number> {
	const state = (await getState(d.db, packId, packId === 'p' ? card(n) : `c${n}`))!;
	const out = makeScheduler(await loadSettings(d.db)).grade(state, rating, at);
	const r = await recordGrade(d.db, out.state, out.log);
	if (!r.ok) throw new Error(r.errors.message);
	return r.value;
}

async function sync(d: Device, batch?: number) {
	const r = await replicate(
		d.couch,
		syncStore(d.db, makeScheduler, () => T0 + DAY),
		d.id,
		batch
	);
	if (!r.ok) throw new Error(r.errors.message);
	return r.value;
}

const uids = async (d: Device) => (await d.db.logs.toArray()).map((l) => l.uid).sort();
const states = async (d: Device) =>
	(await d.db.states.toArray()).map(
		({ cardId, state, due, stability, difficulty, reps, lapses, lastReview }) => ({
			cardId,
			state,
			due,
			stability,
			difficulty,
			reps,
			lapses,
			lastReview
		})
	);

beforeAll(async () => {
	server = await startSyncServer();
}, 60_000);
afterAll(async () => {
	await server?.stop();
});
beforeEach(async () => {
	dbUrl = await server.createDatabase(`t${Math.random().toString(36).slice(2, 10)}`);
});
afterEach(() => {
	vi.restoreAllMocks();
	for (const db of opened.splice(0)) db.close();
});

// Real HTTP to a real server on a shared machine: generous time, never a timing assertion.
describe('sync between two devices', { timeout: 30_000 }, () => {
	it('merges reviews made offline on both: none lost, none doubled, the same states and counts', async () => {
		const phone = await device('phone');
		const laptop = await device('laptop');
		await grade(phone, 1, 'good', T0);
		await grade(phone, 2, 'again', T0 + MIN);
		await grade(laptop, 3, 'easy', T0 + 2 * MIN);
		// Card 1 reviewed on both devices, offline, at different times.
		await grade(laptop, 1, 'hard', T0 + 3 * MIN);

		expect(await sync(phone)).toMatchObject({ pushed: 2, pulled: 0 });
		expect(await sync(laptop)).toMatchObject({ pushed: 2, pulled: 2 });
		expect(await sync(phone)).toMatchObject({ pushed: 0, pulled: 2 });
		// A sync with nothing new changes nothing.
		expect(await sync(laptop)).toMatchObject({ pushed: 0, pulled: 0 });

		expect(await phone.db.logs.count()).toBe(4);
		expect(await uids(phone)).toEqual(await uids(laptop));
		expect(await states(phone)).toEqual(await states(laptop));
		const c1 = (await getState(phone.db, 'p', card(1)))!;
		expect(c1.reps).toBe(2);
		expect(c1.lastReview).toBe(T0 + 3 * MIN);
		for (const at of [T0 + 5 * MIN, T0 + DAY, T0 + 7 * DAY])
			expect(await countStudy(phone.db, at)).toEqual(await countStudy(laptop.db, at));
		expect(await phone.db.reviewBlocks.toArray()).toEqual(await laptop.db.reviewBlocks.toArray());
	});

	it('replay of one device’s own reviews gives the state it graded (fuzz on)', async () => {
		const phone = await device('phone');
		const laptop = await device('laptop');
		await grade(phone, 1, 'good', T0);
		await grade(phone, 1, 'good', T0 + 10 * MIN);
		await grade(phone, 1, 'easy', T0 + 3 * DAY);
		await sync(phone);
		await sync(laptop);
		expect(await getState(laptop.db, 'p', card(1))).toEqual(await getState(phone.db, 'p', card(1)));
	});

	it('the newest settings win, whichever device syncs first', async () => {
		const phone = await device('phone');
		const laptop = await device('laptop');
		const now = vi.spyOn(Date, 'now');
		now.mockReturnValue(T0 + 5 * MIN);
		await saveSettings(laptop.db, { ...(await loadSettings(laptop.db)), newPerDay: 7 });
		now.mockReturnValue(T0);
		await saveSettings(phone.db, { ...(await loadSettings(phone.db)), newPerDay: 3 });
		now.mockRestore();
		await sync(laptop);
		await sync(phone);
		await sync(laptop);
		expect((await loadSettings(phone.db)).newPerDay).toBe(7);
		expect((await loadSettings(laptop.db)).newPerDay).toBe(7);
	});

	it('exam history syncs, each exam once', async () => {
		const phone = await device('phone');
		const laptop = await device('laptop');
		const exam = {
			startedAt: T0,
			finishedAt: T0 + 30 * MIN,
			endedBy: 'submitted' as const,
			config: { length: 10, timeLimitMs: 30 * MIN, passMark: 0.7, countAsReviews: false },
			seed: 42,
			correct: 8,
			total: 10,
			score: 0.8,
			passed: true,
			byDomain: [],
			missed: []
		};
		await saveExam(phone.db, exam);
		await sync(phone);
		await sync(laptop);
		await sync(phone);
		expect((await listExams(laptop.db)).map(({ id: _id, ...e }) => e)).toEqual([exam]);
		expect(await listExams(phone.db)).toHaveLength(1);
	});

	it('an interrupted sync resumes from its checkpoint', async () => {
		const phone = await device('phone');
		for (let n = 1; n <= 4; n++) await grade(phone, n, 'good', T0 + n * MIN);
		for (let n = 1; n <= 4; n++) await grade(phone, n, 'good', T0 + DAY + n * MIN);
		await sync(phone);

		let requests = 0;
		let failAfter = 3;
		const jar = cookieFetch();
		const flaky: Fetch = async (url, init) => {
			if (++requests > failAfter) throw new TypeError('network down');
			return jar(url, init);
		};
		const laptop = await device('laptop', flaky);
		requests = 0;
		// The first _changes page (3 reviews) and GET _local at once, PUT _local (a new device: its session
		// is not on the server yet), then the network goes before the second page.
		const cut = await replicate(laptop.couch, syncStore(laptop.db, makeScheduler), laptop.id, 3);
		expect(cut.ok).toBe(false);
		if (!cut.ok) expect(cut.errors.kind).toBe('unreachable');
		expect(await laptop.db.logs.count()).toBe(3);

		failAfter = Infinity;
		requests = 0;
		const rest = await sync(laptop, 3);
		expect(rest.pulled).toBe(5);
		expect(await uids(laptop)).toEqual(await uids(phone));
		expect(await states(laptop)).toEqual(await states(phone));
	});

	it('a wrong password gets a plain error and changes nothing', async () => {
		const phone = await device('phone');
		await grade(phone, 1, 'good', T0);
		const stranger: Couch = { ...phone.couch, fetch: cookieFetch() };
		const login = await logIn(stranger, 'learner', 'not-the-password');
		expect(login.ok).toBe(false);
		if (!login.ok) expect(login.errors.message).toBe('Wrong user name or password.');
		const before = await phone.db.table('syncMeta').toArray();
		const r = await replicate(stranger, syncStore(phone.db, makeScheduler), phone.id);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors.kind).toBe('signed-out');
		expect(await phone.db.table('syncMeta').toArray()).toEqual(before);
		expect(await phone.db.logs.count()).toBe(1);
		// Nothing reached the server either.
		const laptop = await device('laptop');
		expect(await sync(laptop)).toMatchObject({ pulled: 0 });
	});

	it('no such database, or no server at all: a plain error', async () => {
		const phone = await device('phone');
		const target = parseServerUrl(server.root + 'nosuchdb');
		if (!target.ok) throw new Error('bad url');
		const r = await replicate(
			{ ...target.value, fetch: phone.couch.fetch },
			syncStore(phone.db, makeScheduler),
			phone.id
		);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors.message).toMatch(/no such database/);
		// Nobody listening: the server is unreachable, said as such.
		const away = parseServerUrl('http://127.0.0.1:9/deckhand');
		if (!away.ok) throw new Error('bad url');
		const gone = await replicate({ ...away.value, fetch }, syncStore(phone.db, makeScheduler), phone.id);
		expect(gone.ok).toBe(false);
		if (!gone.ok) expect(gone.errors.message).toMatch(/^Could not reach the server\./);
	});

	it('an undone review is deleted on the other device too, and its card is rescheduled', async () => {
		const phone = await device('phone');
		const laptop = await device('laptop');
		await grade(phone, 1, 'good', T0);
		const logId = await grade(phone, 2, 'good', T0 + MIN);
		await sync(phone);
		await sync(laptop);
		expect(await laptop.db.logs.count()).toBe(2);
		expect((await undoGrade(phone.db, logId)).ok).toBe(true);
		await sync(phone);
		await sync(laptop);
		expect(await laptop.db.logs.count()).toBe(1);
		expect((await getState(laptop.db, 'p', card(2)))!.state).toBe('new');
		expect(await countStudy(laptop.db, T0 + DAY)).toEqual(await countStudy(phone.db, T0 + DAY));
	});

	it('restoring a backup on a synced device duplicates no review anywhere', async () => {
		const phone = await device('phone');
		const laptop = await device('laptop');
		await grade(phone, 1, 'good', T0);
		await grade(phone, 2, 'good', T0 + MIN);
		await sync(phone);
		const backup = await exportBackup(phone.db, T0 + 2 * MIN);
		// A backup from before sync existed: its logs carry no stable id.
		for (const l of backup.logs) delete l.uid;
		await grade(phone, 3, 'good', T0 + 3 * MIN);
		await sync(phone);
		expect((await restoreBackup(phone.db, backup)).ok).toBe(true);
		expect(await phone.db.logs.count()).toBe(2);
		await sync(phone);
		expect(await phone.db.logs.count()).toBe(3);
		await sync(laptop);
		expect(await laptop.db.logs.count()).toBe(3);
		expect(await uids(laptop)).toEqual(await uids(phone));
		const all = await (await laptop.couch.fetch(`${dbUrl}/_all_docs`)).json();
		expect(all.rows.filter((r: { id: string }) => r.id.startsWith('log:'))).toHaveLength(3);
	});

	it('twenty new reviews: one request sends them, one brings them, and their echo costs no bodies', async () => {
		const phone = await device('phone');
		const laptop = await device('laptop');
		await sync(phone);
		await sync(laptop);
		for (let i = 0; i < 20; i++) await grade(phone, (i % 4) + 1, 'good', T0 + i * DAY);
		const sent: string[] = [];
		const spy = (d: Device) => {
			const inner = d.couch.fetch;
			d.couch = {
				...d.couch,
				fetch: (url, init) => {
					sent.push(`${init?.method ?? 'GET'} ${new URL(url).pathname.split('/').pop()}`);
					return inner(url, init);
				}
			};
		};
		spy(phone);
		spy(laptop);
		// The session check and the (empty) changes page at once, then one _bulk_docs.
		expect(await sync(phone)).toMatchObject({ pushed: 20, pulled: 0, requests: 3 });
		expect(sent.splice(0).sort()).toEqual(
			['GET _changes', 'GET deckhand-' + encodeURIComponent(phone.id), 'POST _bulk_docs'].sort()
		);
		// The laptop pushed nothing since its checkpoint: the changes come with their documents.
		expect(await sync(laptop)).toMatchObject({ pushed: 0, pulled: 20, requests: 2 });
		expect(sent.splice(0)).not.toContain('POST _all_docs');
		// The phone reads its own 20 back as ids only, and fetches nothing.
		expect(await sync(phone)).toMatchObject({ pushed: 0, pulled: 0, requests: 2 });
		expect(sent.splice(0)).not.toContain('POST _all_docs');
		expect(await uids(laptop)).toEqual(await uids(phone));
		expect(await states(laptop)).toEqual(await states(phone));
	});

	it('a subscription follows the learner: its pack installed with its reviews, an unsubscribe, the newest change winning', async () => {
		const INDEX = 'https://team.example.org/packs/index.json';
		const site = new Map<string, string>();
		const entries: CatalogueEntry[] = [];
		const publish = async (pack: Pack) => {
			const file = `${pack.id}.deckhand.json`;
			const text = serializePack(pack);
			entries.push(await entryOf(pack, new TextEncoder().encode(text), file));
			site.set(`https://team.example.org/packs/${file}`, text);
			site.set(INDEX, serializeCatalogue(buildCatalogue('Team packs', entries)));
		};
		const host: Fetch = async (url) => {
			const body = site.get(url);
			if (body === undefined) throw new TypeError('Failed to fetch');
			return new Response(body);
		};
		const team = makePack(3, { id: 'team', title: 'Team', version: 1, sectionCount: 1 });
		const extra = makePack(2, { id: 'extra', title: 'Extra', version: 1, sectionCount: 1 });
		await publish(team);
		await publish(extra);
		const source: Subscription = {
			url: INDEX,
			kind: 'catalogue',
			title: 'Team packs',
			addedAt: T0,
			checkedAt: T0,
			etag: null,
			digest: null,
			packs: [...entries],
			error: null
		};
		const phone = await device('phone');
		const laptop = await device('laptop');
		const now = vi.spyOn(Date, 'now');
		now.mockReturnValue(T0);

		expect((await installFromSource(phone.db, source, team, NEW_STATES, T0)).ok).toBe(true);
		await grade(phone, 1, 'good', T0 + MIN, 'team');
		await sync(phone);
		await sync(laptop);
		expect((await listSubscriptions(laptop.db)).map((s) => [s.url, s.title])).toEqual([
			[INDEX, 'Team packs']
		]);
		expect(await pendingSubscriptionInstalls(laptop.db)).toMatchObject([{ packs: ['team'] }]);
		// Before the pack is here, its review waits for its card.
		expect(await getState(laptop.db, 'team', 'c1')).toBeUndefined();
		const got = await installSyncedPacks(laptop.db, host, makeScheduler, T0 + DAY);
		expect(got).toEqual({ installed: ['Team'], problems: [] });
		expect(await listPackSources(laptop.db)).toEqual([{ packId: 'team', url: INDEX }]);
		expect(await getState(laptop.db, 'team', 'c1')).toEqual(await getState(phone.db, 'team', 'c1'));
		expect((await getState(laptop.db, 'team', 'c1'))!.reps).toBe(1);
		expect(await pendingSubscriptionInstalls(laptop.db)).toEqual([]);
		// The install made here is not sent back as a change of the laptop's own.
		expect(await sync(laptop)).toMatchObject({ pushed: 0 });

		// Offline on both: the laptop unsubscribes, then the phone installs another pack from the source.
		now.mockReturnValue(T0 + 2 * DAY);
		expect((await removeSubscription(laptop.db, INDEX, false)).ok).toBe(true);
		expect((await installFromSource(phone.db, source, extra, NEW_STATES, T0 + 3 * DAY)).ok).toBe(true);
		// The older change (the laptop's) reaches the server last, and still loses.
		await sync(phone);
		await sync(laptop);
		await sync(phone);
		for (const d of [phone, laptop])
			expect((await listSubscriptions(d.db)).map((s) => s.url)).toEqual([INDEX]);
		expect(await pendingSubscriptionInstalls(laptop.db)).toMatchObject([{ packs: ['extra'] }]);
		expect((await installSyncedPacks(laptop.db, host, makeScheduler, T0 + 3 * DAY)).installed).toEqual([
			'Extra'
		]);

		// A later unsubscribe on the phone reaches the laptop; the packs stay, with their progress.
		now.mockReturnValue(T0 + 4 * DAY);
		expect((await removeSubscription(phone.db, INDEX, false)).ok).toBe(true);
		await sync(phone);
		await sync(laptop);
		expect(await listSubscriptions(laptop.db)).toEqual([]);
		expect(await listPackSources(laptop.db)).toEqual([]);
		expect((await laptop.db.packs.toCollection().primaryKeys()).sort()).toEqual(['extra', 'p', 'team']);
		expect((await getState(laptop.db, 'team', 'c1'))!.reps).toBe(1);
	});
});
