import { execFileSync, spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from '../scripts/browser.js';
import { flashcardPack } from '../tests/fixtures/packs';
import { seed } from '../tests/e2e/seed';
execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], { stdio: 'inherit' });
const server = spawn('node', ['scripts/serve.js', '--port', '4288'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const found = findBrowser();
const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(found?.executablePath ? { executablePath: found.executablePath } : {}) });
process.on('exit', () => server.kill());
const page = await browser.newPage();
page.on('console', (m) => console.log('console', m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
const base = 'http://127.0.0.1:4288';
await page.goto(`${base}/`);
await page.getByTestId('new-count').waitFor();
await seed(page, { pack: flashcardPack('bench', 20000, 50), logsPerCard: 11, studiedShare: 0.91 });
for (let i = 0; i < 3; i++) {
	await page.goto(`${base}/study?pack=bench`);
	await page.getByRole('button', { name: 'Show answer' }).waitFor();
	console.log(await page.evaluate(() => performance.getEntriesByType('measure').map((e) => `${e.name} ${e.duration.toFixed(1)}`).join(' | ')));
}
// raw timings
console.log(await page.evaluate(`(async () => {
	const db = await new Promise((res) => { const r = indexedDB.open('deckhand'); r.onsuccess = () => res(r.result); });
	const out = [];
	const time = async (name, f) => { const t = performance.now(); await new Promise((res) => { const r = f(); r.onsuccess = () => res(r.result); }); out.push(\`\${name} \${(performance.now() - t).toFixed(1)}\`); };
	const st = () => db.transaction('states').objectStore('states');
	await time('getAll review due', () => st().index('[state+due]').getAll(IDBKeyRange.bound(['review', -Infinity], ['review', Date.now() + 86400000])));
	await time('getAllKeys new pk', () => st().index('[state+packId+sectionId+order]').getAllKeys(IDBKeyRange.bound(['new'], ['new', []])));
	await time('getAll new', () => st().index('[state+packId+sectionId+order]').getAll(IDBKeyRange.bound(['new'], ['new', []])));
	await time('getAll states', () => st().getAll());
	await time('count', () => st().index('[packId+sectionId+state+due]').count());
	const t = performance.now(); let n = 0;
	await new Promise((res) => { const c = st().index('[packId+sectionId+state+due]').openKeyCursor(); c.onsuccess = () => { const cur = c.result; if (cur) { n++; cur.continue(); } else res(); }; });
	out.push(\`keyCursor 20k \${(performance.now() - t).toFixed(1)} (\${n})\`);
	return out.join(' | ');
})()`));
server.kill(); await browser.close();
