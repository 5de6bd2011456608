// The statistics page in Chromium at the issue's scale: 20,000 cards in 40 domain-tagged sections and
// about 200,000 review logs in IndexedDB, written the way the app writes them (logs with their per-hour
// counts). Measures the whole page (read, compute, render) from clicking "Stats" to the charts on
// screen, and the page's own performance measures (deckhand:stats-*) for where the time goes.
import { execFileSync } from 'node:child_process';
import { devices } from '@playwright/test';
import { launchChromium, serveBuild } from '../scripts/browser.js';
import { DCA_DOMAINS } from '../src/lib/core/pack/domains';
import { flashcardPack } from '../tests/fixtures/packs';
import { seed } from '../tests/e2e/seed';

const CARDS = 20_000;
const SECTIONS = 40;
const LOGS_PER_CARD = 11;
const STUDIED = 0.91; // 18,200 studied cards x 11 = 200,200 logs
const port = Number(process.env.BENCH_PORT ?? 4186);
execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], { stdio: 'inherit' });
const server = await serveBuild(port);
const browser = await launchChromium();
try {
	const context = await browser.newContext({ ...devices['Pixel 7'] });
	const page = await context.newPage();
	const base = server.url;
	await page.goto(`${base}/`);
	await page.getByTestId('new-count').waitFor();
	const pack = flashcardPack('bench', CARDS, SECTIONS);
	pack.sections = pack.sections.map((s, i) => ({ ...s, domain: DCA_DOMAINS[i % DCA_DOMAINS.length]!.id }));
	const t0 = Date.now();
	await seed(page, { pack, logsPerCard: LOGS_PER_CARD, studiedShare: STUDIED });
	const counts = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((res) => {
			const o = indexedDB.open('deckhand');
			o.onsuccess = () => res(o.result);
		});
		const t = performance.now();
		const logs = await new Promise<number>((res) => {
			const req = db.transaction('logs').objectStore('logs').getAll();
			req.onsuccess = () => res(req.result.length);
		});
		const getAllMs = performance.now() - t;
		// (No named helpers in here: tsx wraps them in __name, which the page does not have.)
		// Cards are stored whole per pack (schema version 8): counted inside the records.
		const cards = await new Promise<number>((res) => {
			const req = db.transaction('packCards').objectStore('packCards').getAll();
			req.onsuccess = () => res(req.result.reduce((n, p) => n + p.cards.length, 0));
		});
		const blocks = await new Promise<number>((res) => {
			const req = db.transaction('reviewBlocks').objectStore('reviewBlocks').count();
			req.onsuccess = () => res(req.result);
		});
		const out = { logs, getAllMs, cards: cards ?? 0, blocks: blocks ?? 0 };
		db.close();
		return out;
	});
	console.log(
		`seeded ${counts.cards.toLocaleString('en')} cards, ${counts.logs.toLocaleString('en')} logs ` +
			`(${counts.blocks} per-hour count blocks) in ${((Date.now() - t0) / 1000).toFixed(1)} s (Chromium, Pixel 7 profile)`
	);
	console.log(`for scale, a raw getAll of every log: ${counts.getAllMs.toFixed(0)} ms`);

	const whole: number[] = [];
	const parts = new Map<string, number[]>();
	for (let i = 0; i < 6; i++) {
		await page.goto(`${base}/`);
		await page.getByTestId('new-count').waitFor();
		const t = Date.now();
		await page.getByRole('link', { name: 'Stats' }).click();
		await page.getByTestId('mastery-table').waitFor({ state: 'attached', timeout: 120_000 });
		whole.push(Date.now() - t);
		const measures = await page.evaluate(() =>
			performance
				.getEntriesByType('measure')
				.filter((m) => m.name.startsWith('deckhand:stats'))
				.map((m) => [m.name.slice('deckhand:'.length), m.duration] as const)
		);
		for (const [name, ms] of measures) parts.set(name, [...(parts.get(name) ?? []), ms]);
		console.log(
			`  visit ${i + 1}: ${whole[i]} ms (${measures.map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')})`
		);
	}
	const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
	console.log(`/stats from the click to the charts, first visit: ${whole[0]} ms`);
	console.log(`/stats from the click to the charts, median of 6 visits: ${median(whole)} ms`);
	for (const [name, xs] of parts) console.log(`  ${name}, median: ${median(xs).toFixed(0)} ms`);
} finally {
	await browser.close();
	server.stop();
}
