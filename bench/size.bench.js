// Size: the gzip size of the JS the first route loads (measured in Chromium), and of the whole build.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, serveBuild } from '../scripts/browser.js';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], { stdio: 'inherit' });

function walk(dir) {
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? walk(p) : [p];
	});
}
// The .br and .gz copies the adapter writes beside each text file are not counted twice.
const files = walk('build').filter((f) => !/\.(br|gz)$/.test(f));
const byType = {};
for (const f of files) {
	const ext = f.split('.').pop();
	byType[ext] = (byType[ext] ?? 0) + gz(readFileSync(f));
}
const total = Object.values(byType).reduce((a, b) => a + b, 0);

const port = Number(process.env.BENCH_PORT ?? 4175);
const server = await serveBuild(port);
const browser = await launchChromium();
try {
	const page = await browser.newPage();
	const scripts = new Map();
	page.on('response', async (res) => {
		if (res.request().resourceType() === 'script') scripts.set(res.url(), gz(await res.body()));
	});
	// The scripts a visit requested before the home page's content (the counts) was on screen.
	const scriptsBeforeCounts = async () => {
		await page.getByTestId('new-count').waitFor();
		await page.waitForLoadState('networkidle');
		return page.evaluate(() => {
			const ready = performance.getEntriesByName('deckhand:home-ready')[0]?.startTime ?? Infinity;
			return performance
				.getEntriesByType('resource')
				.filter((e) => e.name.endsWith('.js') && e.startTime < ready)
				.map((e) => e.name);
		});
	};
	// The JS a prerendered page loads as it starts (its modulepreload links): what stands between the
	// painted page and a running one. Everything else loads later, by dynamic import.
	const html = readFileSync('build/index.html', 'utf8');
	const preloaded = [...html.matchAll(/<link href="([^"]+\.js)" rel="modulepreload"/g)].map((m) => m[1]);
	const startup = preloaded.reduce((a, u) => a + gz(readFileSync(join('build', u))), 0);
	// (src/hooks.server.ts has the pages preload no scripts since 2026-11-29, so this reads 0; the
	// static import graph the home page hydrates with was 42.5 KB gzip when it was preloaded.)
	console.log(
		`first route (/) JS preloaded by the prerendered page (none is needed to paint it): ${kb(startup)} gzip in ${preloaded.length} files`
	);
	// The first visit installs the built-in pack before the counts show.
	await page.goto(`http://127.0.0.1:${port}/`);
	const early = await scriptsBeforeCounts();
	const sum = (urls) => urls.reduce((a, u) => a + (scripts.get(u) ?? 0), 0);
	const firstPaint = early.filter((u) => scripts.has(u));
	const firstRoute = sum([...scripts.keys()]);
	console.log(
		`first route (/) JS requested before the home counts are on screen: ${kb(sum(firstPaint))} gzip in ${firstPaint.length} files`
	);
	console.log(
		`first route (/) JS by network idle (readiness card, and on a first visit the scheduler to install the pack, load after): ${kb(firstRoute)} gzip in ${scripts.size} files`
	);
	// The built-in packs install in a worker (its own bundle, Dexie included), off the page's main thread.
	const workers = [...scripts.keys()].filter((u) => u.includes('/workers/'));
	console.log(
		`  of which the page's own: ${kb(firstRoute - sum(workers))}; the worker that installs the built-in packs (first visit only): ${kb(sum(workers))} in ${workers.length} files`
	);
	// A return visit: the pack is installed, so the import code is not needed before the counts.
	await page.reload();
	const again = await scriptsBeforeCounts();
	const returning = again.filter((u) => scripts.has(u));
	console.log(
		`first route (/) JS requested before the home counts are on screen, return visit: ${kb(sum(returning))} gzip in ${returning.length} files`
	);
} finally {
	await browser.close();
	server.stop();
}
console.log(`whole build: ${kb(total)} gzip in ${files.length} files`);

// The service worker's precache: every URL in the manifest that workbox generated into build/sw.js.
const sw = readFileSync('build/sw.js', 'utf8');
const precached = [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]);
let precache = 0;
let precacheRaw = 0;
// A prerendered page is precached by its URL ('/', 'study'), its file being index.html, study.html.
const fileOf = (url) => (url === '/' ? 'index.html' : /\.[a-z0-9]+$/i.test(url) ? url : `${url}.html`);
for (const url of precached) {
	const body = readFileSync(join('build', fileOf(url)));
	precache += gz(body);
	precacheRaw += body.length;
}
// The worker's own scripts are fetched at install too, though not listed in the manifest.
const swScripts = files.filter((f) => /^build\/(sw|workbox-[^/]+)\.js$/.test(f));
const swSize = swScripts.reduce((a, f) => a + gz(readFileSync(f)), 0);
console.log(
	`precache: ${kb(precache)} gzip (${kb(precacheRaw)} raw) in ${precached.length} URLs; ` +
		`plus the worker itself ${kb(swSize)} gzip`
);
for (const [ext, size] of Object.entries(byType).sort((a, b) => b[1] - a[1]))
	console.log(`  .${ext}: ${kb(size)}`);
