// The first visit's install of the built-in packs, in Chromium with Lighthouse's mobile CPU slowdown
// (4×): from navigation to the install done (the flag the app sets in localStorage once every built-in
// pack is stored), the main thread's long tasks on the way (Lighthouse counts each task's time past
// 50 ms as blocking), and the bytes of the pack files fetched. Each run is a fresh browser profile.
import { benchBuild, launchChromium, median, serveBuild } from '../scripts/browser.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const port = Number(process.env.BENCH_PORT ?? 4292);
const url = `http://127.0.0.1:${port}`;
const dir = benchBuild();
const server = await serveBuild(port, dir);
const browser = await launchChromium();

const range = (xs, unit = ' ms', digits = 0) =>
	`median ${median(xs).toFixed(digits)}${unit} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

const rows = {
	done: [],
	fcp: [],
	longest: [],
	blocking: [],
	count: [],
	installLongest: [],
	installBlocking: [],
	packBytes: []
};
try {
	for (let run = 0; run < RUNS; run++) {
		const context = await browser.newContext();
		await context.addInitScript(() => {
			const w = /** @type {any} */ (window);
			w.__long = [];
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) w.__long.push([e.startTime, e.duration]);
			}).observe({ type: 'longtask', buffered: true });
		});
		// The pack files may be fetched by a worker, whose requests the page's timeline does not list.
		const packSizes = [];
		context.on('requestfinished', (req) => {
			if (/\.pack[^/]*\.json/.test(req.url()))
				packSizes.push(req.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
		});
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		await page.goto(`${url}/`);
		await page.waitForFunction(() => localStorage.getItem('deckhand.installed') !== null, null, {
			timeout: 120_000,
			polling: 20
		});
		const done = await page.evaluate(() => performance.now());
		// The home page's counts from the database: the install is over and its result painted.
		await page.waitForFunction(() => performance.getEntriesByName('deckhand:home-ready').length > 0, null, {
			timeout: 120_000
		});
		const r = await page.evaluate((done) => {
			const all = /** @type {[number, number][]} */ (/** @type {any} */ (window).__long);
			const long = all.filter(([start]) => start < done);
			// From the moment the home page shows the build-time counts (its scripts have run and the page
			// has hydrated) to the counts read from the database: the install and what follows it.
			const from = performance.getEntriesByName('deckhand:home-provisional')[0]?.startTime ?? 0;
			const to = performance.getEntriesByName('deckhand:home-ready')[0]?.startTime ?? done;
			const install = all.filter(([start]) => start >= from && start <= to);
			return {
				installLongest: Math.max(0, ...install.map(([, d]) => d)),
				installBlocking: install.reduce((a, [, d]) => a + Math.max(0, d - 50), 0),
				done,
				fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
				longest: Math.max(0, ...long.map(([, d]) => d)),
				blocking: long.reduce((a, [, d]) => a + Math.max(0, d - 50), 0),
				count: long.filter(([, d]) => d > 50).length
			};
		}, done);
		r.packBytes = (await Promise.all(packSizes)).reduce((a, b) => a + b, 0);
		for (const [k, v] of Object.entries(r)) rows[k].push(v);
		await context.close();
	}
	console.log(`first visit to / with 4× CPU slowdown, ${RUNS} fresh profiles:`);
	console.log(`  built-in packs installed after: ${range(rows.done)}`);
	console.log(`  first contentful paint: ${range(rows.fcp)}`);
	console.log(`  longest main-thread task until installed: ${range(rows.longest)}`);
	console.log(`  tasks over 50 ms until installed: ${range(rows.count, '', 0)}`);
	console.log(`  blocking time (each task's time past 50 ms) until installed: ${range(rows.blocking)}`);
	console.log(
		`  from the build-time counts on screen to the stored ones: longest task ${range(rows.installLongest)}, blocking ${range(rows.installBlocking)}`
	);
	console.log(
		`  pack files transferred: ${range(
			rows.packBytes.map((b) => b / 1024),
			' KB',
			1
		)}`
	);
} finally {
	await browser.close();
	server.stop();
}
