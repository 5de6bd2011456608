// The statistics page in Chromium with 200,000 review logs in IndexedDB: the raw read of the logs, and
// the whole page (read, compute, render) from clicking "Stats" to the charts on screen, on the first
// visit (which builds the per-hour review counts from every log) and on later ones.
import { execFileSync } from 'node:child_process';
import { devices } from '@playwright/test';
import { launchChromium, serveBuild } from '../scripts/browser.js';

const LOGS = 200_000;
const port = 4186;
execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], { stdio: 'inherit' });
const server = await serveBuild(port);
const browser = await launchChromium();
try {
	const context = await browser.newContext({ ...devices['Pixel 7'] });
	const page = await context.newPage();
	await page.goto(`http://127.0.0.1:${port}/`);
	await page.getByTestId('new-count').waitFor();
	// Seed: the starter pack's cards, reviewed over two years.
	await page.evaluate(async (count) => {
		const db = await new Promise((res, rej) => {
			const o = indexedDB.open('deckhand');
			o.onsuccess = () => res(o.result);
			o.onerror = () => rej(o.error);
		});
		const states = await new Promise((res) => {
			const req = db.transaction('states').objectStore('states').getAll();
			req.onsuccess = () => res(req.result);
		});
		const now = Date.now();
		const tx = db.transaction('logs', 'readwrite');
		const store = tx.objectStore('logs');
		for (let i = 0; i < count; i++) {
			const before = states[i % states.length];
			store.add({
				cardId: before.cardId,
				packId: before.packId,
				rating: i % 7 === 0 ? 'again' : 'good',
				state: i % 5 === 0 ? 'learning' : 'review',
				reviewedAt: now - Math.floor(((count - i) / count) * 730 * 86_400_000),
				elapsedDays: 3,
				scheduledDays: 10,
				stability: 10,
				difficulty: 5,
				before
			});
		}
		await new Promise((res) => (tx.oncomplete = res));
		db.close();
	}, LOGS);
	await page.reload();
	await page.getByTestId('new-count').waitFor();

	const read = [];
	for (let i = 0; i < 3; i++) {
		read.push(
			await page.evaluate(async () => {
				const db = await new Promise((res) => {
					const o = indexedDB.open('deckhand');
					o.onsuccess = () => res(o.result);
				});
				const t = performance.now();
				await new Promise((res) => {
					const req = db.transaction('logs').objectStore('logs').getAll();
					req.onsuccess = () => res(req.result.length);
				});
				db.close();
				return performance.now() - t;
			})
		);
	}
	const whole = [];
	for (let i = 0; i < 4; i++) {
		await page.goto(`http://127.0.0.1:${port}/`);
		await page.getByTestId('new-count').waitFor();
		const t = Date.now();
		await page.getByRole('link', { name: 'Stats' }).click();
		await page.getByTestId('mastery-table').waitFor({ state: 'attached', timeout: 60_000 });
		whole.push(Date.now() - t);
	}
	const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	console.log(`${LOGS.toLocaleString('en')} logs in IndexedDB (Chromium, Pixel 7 profile)`);
	console.log(`read every log (getAll), median of 3: ${median(read).toFixed(0)} ms`);
	const [first, ...later] = whole;
	console.log(`/stats from the click to the charts, first visit (counts every log once): ${first} ms`);
	console.log(`/stats from the click to the charts, later visits, median of 3: ${median(later)} ms`);
} finally {
	await browser.close();
	server.stop();
}
