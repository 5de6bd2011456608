// Lighthouse 12 on the production build: the four category scores, FCP, LCP, TBT and CLS, on the
// default mobile profile (simulated slow 4G and a 4x slower CPU) in Debian Chromium. Every run starts
// with empty storage (a first visit). Runs are sequential; LH_RUNS (default 5) runs per page, and the
// median of each figure is printed, since the machine is shared and single runs vary.
// LH_PAGES=/,/study limits the pages.
import { execFileSync } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findBrowser, serveBuild, SYSTEM_CHROMIUM } from '../scripts/browser.js';

const port = Number(process.env.BENCH_PORT ?? 4292);
const pages = (process.env.LH_PAGES ?? '/,/study,/packs,/stats,/exam').split(',');
const runs = Number(process.env.LH_RUNS ?? 5);
const dir = process.env.BENCH_BUILD_DIR ?? 'build';

if (!process.env.BENCH_BUILD_DIR)
	execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], { stdio: 'inherit' });
const server = await serveBuild(port, dir);
const chrome = await chromeLauncher.launch({
	chromePath: findBrowser()?.executablePath ?? SYSTEM_CHROMIUM,
	chromeFlags: [...CHROMIUM_ARGS, '--headless=new']
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
	for (const path of pages) {
		/** @type {Record<string, number[]>} */
		const figures = {};
		const add = (name, value) => (figures[name] ??= []).push(value);
		const shortfalls = new Map();
		let version = '';
		for (let run = 0; run < runs; run++) {
			const result = await lighthouse(`http://127.0.0.1:${port}${path}`, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error'
			});
			const lhr = result?.lhr;
			if (!lhr) throw new Error('Lighthouse returned no report');
			version = lhr.lighthouseVersion;
			for (const c of Object.values(lhr.categories)) add(c.title, Math.round((c.score ?? 0) * 100));
			add('FCP', lhr.audits['first-contentful-paint']?.numericValue ?? NaN);
			add('LCP', lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
			add('TBT', lhr.audits['total-blocking-time']?.numericValue ?? NaN);
			add('CLS', lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN);
			// Name what keeps a category below 100, so the figure says where to look.
			for (const category of Object.values(lhr.categories)) {
				for (const ref of category.auditRefs) {
					const audit = lhr.audits[ref.id];
					if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
						const key = `${category.title}: ${audit.title}`;
						shortfalls.set(key, [...(shortfalls.get(key) ?? []), audit.displayValue ?? audit.score]);
					}
				}
			}
		}
		const cats = Object.entries(figures)
			.filter(([k]) => !['FCP', 'LCP', 'TBT', 'CLS'].includes(k))
			.map(([k, v]) => `${k} ${median(v)} (${Math.min(...v)}–${Math.max(...v)})`)
			.join(' · ');
		const s = (name) => {
			const v = figures[name] ?? [];
			return `${name} ${(median(v) / 1000).toFixed(2)} s (${(Math.min(...v) / 1000).toFixed(2)}–${(Math.max(...v) / 1000).toFixed(2)})`;
		};
		const ms = (name) => {
			const v = figures[name] ?? [];
			return `${name} ${median(v).toFixed(0)} ms (${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)})`;
		};
		console.log(`Lighthouse ${version} ${path} (mobile), median of ${runs} (range): ${cats}`);
		console.log(`  ${s('FCP')} · ${s('LCP')} · ${ms('TBT')} · CLS ${median(figures.CLS ?? []).toFixed(3)}`);
		for (const [key, values] of shortfalls) console.log(`  ${key} (${values.join(', ')})`);
	}
} finally {
	await chrome.kill();
	server.stop();
}
