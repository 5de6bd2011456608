// Sync figures in Chromium on the production build: 10,000 reviews from an empty device, and 20 new
// reviews, through the project's own sync server (scripts/sync-server.js: pouchdb-server in memory).
// Time is from pressing Sync now to "Last synced"; requests and bytes are the sync server's (bodies,
// without HTTP headers). Also: the JS sync adds to the first route. Prints figures; never fails on time.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { launchChromium, serveBuild } from '../scripts/browser.js';
import { startSyncServer } from '../tests/fixtures/sync-server';

const REVIEWS = Number(process.env.SYNC_BENCH_REVIEWS ?? 10_000);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], { stdio: 'inherit' });

// The first route's share: the chunk that decides whether to load sync (the hint check and a dynamic
// import); the replication code itself loads only when automatic sync is on, or on Settings.
const chunks = 'build/_app/immutable/chunks';
for (const f of readdirSync(chunks)) {
	const text = readFileSync(`${chunks}/${f}`);
	if (text.includes('deckhand:sync-auto') && !text.includes('syncNow'))
		console.log(
			`first route: sync's trigger chunk ${f}: ${text.length} B raw, ${gzipSync(text, { level: 9 }).length} B gzip`
		);
}

interface Wire {
	requests: number;
	sent: number;
	received: number;
}

/** Sync now is enabled once the prerendered form's script runs (a press before that would reload the page). */
async function settingsReady(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Sync now', disabled: false }).waitFor({ timeout: 120_000 });
}

async function setUp(page: Page, url: string): Promise<void> {
	await page.goto('/settings');
	await settingsReady(page);
	await page.getByRole('textbox', { name: 'Server URL' }).fill(url);
	await page.getByRole('textbox', { name: 'User name' }).fill('learner');
	await page.getByLabel('Password').fill('learner');
}

/** Presses Sync now and waits for "Last synced"; returns milliseconds and what went over the wire. */
async function syncNow(page: Page, origin: string): Promise<{ ms: number; wire: Wire }> {
	const wire: Wire = { requests: 0, sent: 0, received: 0 };
	const count = async (req: import('@playwright/test').Request) => {
		if (!req.url().startsWith(origin) || req.method() === 'OPTIONS') return;
		const sizes = await req.sizes();
		wire.requests++;
		wire.sent += sizes.requestBodySize;
		wire.received += sizes.responseBodySize;
	};
	page.on('requestfinished', count);
	if (!page.url().endsWith('/settings')) await page.goto('/settings');
	await settingsReady(page);
	const started = Date.now();
	await page.getByRole('button', { name: 'Sync now' }).click();
	// Done when the run has recorded its outcome (syncMeta 'status') after the press.
	let v: { lastSyncedAt: number | null; error: string | null } | undefined;
	for (const until = started + 600_000; Date.now() < until; await page.waitForTimeout(50)) {
		v = await page.evaluate(async () => {
			// Bounded: an open the app's own connection blocks is asked again on the next round.
			const db: IDBDatabase | null = await new Promise((res) => {
				const open = indexedDB.open('deckhand');
				open.onsuccess = () => res(open.result);
				open.onerror = open.onblocked = () => res(null);
				setTimeout(() => res(null), 2000);
			});
			if (!db) return undefined;
			const rec: { value: { lastSyncedAt: number | null; error: string | null } } | undefined =
				await new Promise((res) => {
					const req = db.transaction('syncMeta').objectStore('syncMeta').get('status');
					req.onsuccess = () => res(req.result);
				});
			db.close();
			return rec?.value;
		});
		if (v && (v.error || (v.lastSyncedAt ?? 0) >= started)) break;
	}
	const ms = Date.now() - started;
	if (!v || v.error) throw new Error(`sync failed: ${v?.error ?? 'no outcome within 10 minutes'}`);
	await page.waitForTimeout(200);
	page.off('requestfinished', count);
	return { ms, wire };
}

/** Adds reviews straight to IndexedDB, over the installed cards, as months of study would leave them. */
function seedReviews(page: Page, n: number, from: number): Promise<number> {
	return page.evaluate(
		async ({ n, from }) => {
			const db: IDBDatabase = await new Promise((res, rej) => {
				const open = indexedDB.open('deckhand');
				open.onsuccess = () => res(open.result);
				open.onerror = () => rej(open.error);
			});
			// Every installed card, from the per-section summaries (a card never reviewed has no state).
			const sums: { packId: string; ids: string[] }[] = await new Promise((res) => {
				const req = db.transaction('summaries').objectStore('summaries').getAll();
				req.onsuccess = () => res(req.result);
			});
			const cards = sums.flatMap((s) => s.ids.map((cardId) => ({ packId: s.packId, cardId })));
			const ratings = ['again', 'hard', 'good', 'good', 'good', 'easy'];
			const tx = db.transaction('logs', 'readwrite');
			const store = tx.objectStore('logs');
			for (let i = 0; i < n; i++) {
				const c = cards[(i * 7919) % cards.length]!;
				const state = {
					cardId: c.cardId,
					packId: c.packId,
					state: 'new',
					due: 0,
					stability: 0,
					difficulty: 0,
					scheduledDays: 0,
					learningSteps: 0,
					reps: 0,
					lapses: 0,
					lastReview: null
				};
				store.add({
					uid: `bench-${from + i}`,
					cardId: c.cardId,
					packId: c.packId,
					rating: ratings[i % ratings.length],
					state: 'review',
					reviewedAt: Date.UTC(2026, 0, 1) + (from + i) * 600_000,
					elapsedDays: 1,
					scheduledDays: 3,
					stability: 3,
					difficulty: 5,
					before: state
				});
			}
			await new Promise((res) => (tx.oncomplete = res));
			return cards.length;
		},
		{ n, from }
	);
}

const port = Number(process.env.BENCH_PORT ?? 4176);
const web = await serveBuild(port);
const sync = await startSyncServer();
const origin = sync.root.slice(0, -1);
const browser = await launchChromium();
try {
	const laptop = await (await browser.newContext({ baseURL: web.url })).newPage();
	const phone = await (await browser.newContext({ baseURL: web.url })).newPage();
	for (const p of [laptop, phone]) {
		await p.goto('/');
		await p.getByTestId('new-count').waitFor({ timeout: 120_000 });
	}
	const cards = await seedReviews(laptop, REVIEWS, 0);
	await setUp(laptop, sync.url);
	const up = await syncNow(laptop, origin);
	console.log(
		`push of ${REVIEWS} reviews (laptop): ${(up.ms / 1000).toFixed(1)} s, ${up.wire.requests} requests, ${kb(up.wire.sent)} sent, ${kb(up.wire.received)} received`
	);
	await setUp(phone, sync.url);
	const down = await syncNow(phone, origin);
	console.log(
		`sync of ${REVIEWS} reviews to an empty device (phone; replays the reviewed ones of ${cards} cards): ${(down.ms / 1000).toFixed(1)} s, ${down.wire.requests} requests, ${kb(down.wire.sent)} sent, ${kb(down.wire.received)} received`
	);
	await seedReviews(laptop, 20, REVIEWS);
	const small = await syncNow(laptop, origin);
	console.log(
		`20 new reviews, push (laptop): ${small.ms} ms, ${small.wire.requests} requests, ${kb(small.wire.sent)} sent, ${kb(small.wire.received)} received`
	);
	const smallDown = await syncNow(phone, origin);
	console.log(
		`20 new reviews, pull (phone): ${smallDown.ms} ms, ${smallDown.wire.requests} requests, ${kb(smallDown.wire.sent)} sent, ${kb(smallDown.wire.received)} received`
	);
	const idle = await syncNow(phone, origin);
	console.log(`a sync with nothing new (phone): ${idle.ms} ms, ${idle.wire.requests} requests`);
} finally {
	await browser.close();
	web.stop();
	await sync.stop();
}
