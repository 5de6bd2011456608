// The study engine at scale: 20,000 cards and about 200,000 review logs stored in Chromium's IndexedDB.
// Prints the time to open the home page, to build the queue, from grade to next card, and memory.
import { execFileSync } from 'node:child_process';
import { CHROMIUM_ARGS, launchChromium, serveBuild } from '../scripts/browser.js';
import { flashcardPack } from '../tests/fixtures/packs';
import { seed } from '../tests/e2e/seed';

const CARDS = 20_000;
const SECTIONS = 50;
const LOGS_PER_CARD = 11;
const STUDIED = 0.91; // 18,200 studied cards x 11 = 200,200 logs; 1,800 cards still new
const port = Number(process.env.BENCH_PORT ?? 4186);

const ms = (n: number) => `${n.toFixed(1)} ms`;
const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const median = (xs: number[]) => pct(xs, 50);

execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], { stdio: 'inherit' });
const server = await serveBuild(port);
// Stop the server even when the benchmark fails half-way (sirv caches the build it started with).
process.on('exit', () => server.stop());
const browser = await launchChromium({ args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
try {
	const page = await browser.newPage({ viewport: { width: 412, height: 915 } });
	const base = `http://127.0.0.1:${port}`;
	await page.goto(`${base}/`);
	await page.getByTestId('new-count').waitFor();
	const t0 = Date.now();
	await seed(page, {
		pack: flashcardPack('bench', CARDS, SECTIONS),
		logsPerCard: LOGS_PER_CARD,
		studiedShare: STUDIED
	});
	console.log(
		`seeded ${CARDS} cards, ~${Math.round(CARDS * STUDIED * LOGS_PER_CARD)} logs in ${((Date.now() - t0) / 1000).toFixed(1)} s`
	);

	const homeMs: number[] = [];
	const homeLoad: number[] = [];
	for (let i = 0; i < 6; i++) {
		await page.goto(`${base}/`);
		await page.getByRole('heading', { name: 'Pack bench' }).waitFor();
		const [ready, load] = await page.evaluate(() => {
			const mark = performance.getEntriesByName('deckhand:home-ready')[0];
			return [mark?.startTime ?? NaN, 0];
		});
		if (i > 0) homeMs.push(ready); // the first load warms the HTTP cache and the database
		void load;
	}
	const counts = await page.evaluate(() => ({
		due: document.querySelector('[data-testid="due-count"]')?.textContent,
		fresh: document.querySelector('[data-testid="new-count"]')?.textContent
	}));
	for (let i = 0; i < 5; i++) {
		await page.goto(`${base}/`);
		await page.getByRole('heading', { name: 'Pack bench' }).waitFor();
		homeLoad.push(
			await page.evaluate(() => {
				const m = performance.getEntriesByName('deckhand:home-ready')[0];
				const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
				return (m?.startTime ?? NaN) - (nav?.domContentLoadedEventEnd ?? 0);
			})
		);
	}

	const queueMs: number[] = [];
	for (let i = 0; i < 6; i++) {
		await page.goto(`${base}/study?pack=bench`);
		await page.getByRole('button', { name: 'Show answer' }).waitFor();
		const q = await page.evaluate(() => performance.getEntriesByName('deckhand:queue')[0]?.duration ?? NaN);
		if (i > 0) queueMs.push(q);
	}
	const queueAll: number[] = [];
	for (let i = 0; i < 4; i++) {
		await page.goto(`${base}/study`);
		await page.getByRole('button', { name: 'Show answer' }).waitFor();
		queueAll.push(
			await page.evaluate(() => performance.getEntriesByName('deckhand:queue')[0]?.duration ?? NaN)
		);
	}

	await page.goto(`${base}/study?pack=bench`);
	const show = page.getByRole('button', { name: 'Show answer' });
	for (let i = 0; i < 120; i++) {
		await show.click();
		await page.getByRole('button', { name: /^Good/ }).click();
	}
	// Let the last writes finish before reading how long they took.
	await page.waitForTimeout(500);
	const grades = await page.evaluate(() =>
		performance.getEntriesByName('deckhand:grade-to-next').map((e) => e.duration)
	);
	const writes = await page.evaluate(() =>
		performance.getEntriesByName('deckhand:grade-stored').map((e) => e.duration)
	);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	await cdp.send('Performance.enable');
	const { metrics } = await cdp.send('Performance.getMetrics');
	const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
	const est = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? NaN);

	console.log(`home counts shown: ${counts.due} due, ${counts.fresh} new`);
	console.log(
		`open home (navigation start -> counts on screen): median ${ms(median(homeMs))}, max ${ms(Math.max(...homeMs))} (5 loads)`
	);
	console.log(`  of which app work after DOMContentLoaded: median ${ms(median(homeLoad))}`);
	console.log(
		`build queue, one pack (20k cards): median ${ms(median(queueMs))}, max ${ms(Math.max(...queueMs))} (5 builds)`
	);
	console.log(`build queue, all packs: median ${ms(median(queueAll))} (4 builds)`);
	console.log(
		`grade -> next card in the DOM (written behind it): p50 ${ms(pct(grades, 50))}, p95 ${ms(pct(grades, 95))}, max ${ms(Math.max(...grades))} (${grades.length} grades)`
	);
	console.log(
		`grade -> grade stored (state + log + summary + session transaction): p50 ${ms(pct(writes, 50))}, p95 ${ms(pct(writes, 95))}, max ${ms(Math.max(...writes))} (${writes.length} writes)`
	);
	console.log(`JS heap used on the study page after 120 grades: ${(heap / 1024 / 1024).toFixed(1)} MB`);
	console.log(`IndexedDB usage (navigator.storage.estimate): ${(est / 1024 / 1024).toFixed(1)} MB`);
} finally {
	await browser.close();
	server.stop();
}
