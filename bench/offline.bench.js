// Offline start: time from navigation to the first card on screen, with the network off and the
// server stopped, after one online visit installed the service worker. Phone profile (Pixel 7).
import { devices } from '@playwright/test';
import { benchBuild, launchChromium, median, serveBuild } from '../scripts/browser.js';

const RUNS = 15;
const port = Number(process.env.BENCH_PORT ?? 4291);
const url = `http://127.0.0.1:${port}`;

const dir = benchBuild();
const server = await serveBuild(port, dir);
const browser = await launchChromium();

const fmt = (xs) =>
	`median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, ${xs.length} runs)`;

try {
	const context = await browser.newContext({ ...devices['Pixel 7'] });
	// Records when the card's heading first appears, on the page's own clock (0 = navigation start).
	await context.addInitScript(() => {
		const found = () => {
			if (!document.querySelector('article[aria-label="Question"] h2')) return false;
			performance.mark('first-card');
			return true;
		};
		const observer = new MutationObserver(() => found() && observer.disconnect());
		observer.observe(document, { childList: true, subtree: true });
	});
	const page = await context.newPage();
	await page.goto(`${url}/`);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.goto(`${url}/study`);
	await page.locator('article[aria-label="Question"] h2').waitFor();
	server.stop();
	await context.setOffline(true);

	const cdp = await context.newCDPSession(page);
	const firstCard = async () => {
		await page.goto(`${url}/study`);
		await page.locator('article[aria-label="Question"] h2').waitFor();
		return page.evaluate(() => {
			const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
			const took = (name) => performance.getEntriesByName(name)[0]?.duration ?? NaN;
			const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
			const scripts = performance
				.getEntriesByType('resource')
				.filter((e) => e.name.endsWith('.js'))
				.map((e) => /** @type {PerformanceResourceTiming} */ (e).responseEnd);
			return {
				card: at('first-card'),
				html: nav?.responseEnd ?? NaN,
				scripts: scripts.length ? Math.max(...scripts) : NaN,
				queueStart: at('deckhand:queue-start'),
				keys: took('deckhand:queue-keys'),
				queue: took('deckhand:queue')
			};
		});
	};
	const warm = [];
	const cold = [];
	for (let i = 0; i < RUNS; i++) {
		warm.push(await firstCard());
		// A stopped worker is what a learner meets when opening the app after a while.
		await cdp.send('ServiceWorker.enable');
		await cdp.send('ServiceWorker.stopAllWorkers');
		cold.push(await firstCard());
	}
	for (const [label, runs] of [
		['worker running', warm],
		['worker stopped first', cold]
	]) {
		const of = (k) => runs.map((r) => r[k]);
		console.log(`first card on screen, offline, ${label}: ${fmt(of('card'))}`);
		console.log(
			`  medians on the page's clock: page from the worker ${median(of('html')).toFixed(0)} ms, last script ${median(of('scripts')).toFixed(0)} ms, queue started ${median(of('queueStart')).toFixed(0)} ms, queue keys took ${median(of('keys')).toFixed(0)} ms, queue with the first cards ${median(of('queue')).toFixed(0)} ms`
		);
	}
	await context.close();
} finally {
	await browser.close();
	server.stop();
}
