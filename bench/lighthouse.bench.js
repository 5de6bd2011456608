// Lighthouse 12 on the production build: the four category scores, FCP, LCP, TBT and CLS, on the
// default mobile profile (simulated slow 4G and a 4x slower CPU) in Debian Chromium. Every run starts
// with empty storage, IndexedDB and localStorage included (a first visit: Lighthouse by default keeps
// both, so without this every run after the first was a return visit); LH_RETURN=1 keeps them and
// measures return visits, after one unrecorded visit to the page. Runs are sequential; LH_RUNS (default 5) runs per page, and the
// median of each figure is printed, since the machine is shared and single runs vary.
// LH_PAGES=/,/study limits the pages. For each page the run with the median Performance score is
// broken down: the LCP element and its phases, the long tasks (with their script), the scripts' main-
// thread time, and each layout shift's element. LH_JSON_DIR=dir also writes every report as JSON there.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import {
	benchBuild,
	CHROMIUM_ARGS,
	findBrowser,
	median,
	serveBuild,
	SYSTEM_CHROMIUM
} from '../scripts/browser.js';

const port = Number(process.env.BENCH_PORT ?? 4292);
const pages = (process.env.LH_PAGES ?? '/,/study,/packs,/stats,/exam').split(',');
const runs = Number(process.env.LH_RUNS ?? 5);
const dir = benchBuild();
const server = await serveBuild(port, dir);
const chrome = await chromeLauncher.launch({
	chromePath: findBrowser()?.executablePath ?? SYSTEM_CHROMIUM,
	chromeFlags: [...CHROMIUM_ARGS, '--headless=new']
});
const jsonDir = process.env.LH_JSON_DIR;
if (jsonDir) mkdirSync(jsonDir, { recursive: true });
const returning = process.env.LH_RETURN === '1';
const FIRST_VISIT_STORAGE = [
	'file_systems',
	'shader_cache',
	'service_workers',
	'cache_storage',
	'indexeddb',
	'local_storage',
	'websql'
];
try {
	for (const path of pages) {
		/** @type {Record<string, number[]>} */
		const figures = {};
		const add = (name, value) => (figures[name] ??= []).push(value);
		const shortfalls = new Map();
		let version = '';
		/** @type {any[]} */
		const reports = [];
		const flags = {
			port: chrome.port,
			output: /** @type {'json'} */ ('json'),
			logLevel: /** @type {'error'} */ ('error'),
			...(returning ? {} : { clearStorageTypes: FIRST_VISIT_STORAGE })
		};
		if (returning) await lighthouse(`http://127.0.0.1:${port}${path}`, flags);
		for (let run = 0; run < runs; run++) {
			const result = await lighthouse(`http://127.0.0.1:${port}${path}`, flags);
			const lhr = result?.lhr;
			if (!lhr) throw new Error('Lighthouse returned no report');
			version = lhr.lighthouseVersion;
			reports.push(lhr);
			if (jsonDir)
				writeFileSync(`${jsonDir}/${path.replace(/\W+/g, '_') || 'root'}-${run}.json`, JSON.stringify(lhr));
			for (const c of Object.values(lhr.categories)) add(c.title, Math.round((c.score ?? 0) * 100));
			add('FCP', lhr.audits['first-contentful-paint']?.numericValue ?? NaN);
			add('LCP', lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
			add('TBT', lhr.audits['total-blocking-time']?.numericValue ?? NaN);
			add('CLS', lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN);
			add('TBT-cpu', cpuBlocking(result.artifacts, lhr));
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
			.filter(([k]) => !['FCP', 'LCP', 'TBT', 'TBT-cpu', 'CLS'].includes(k))
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
		console.log(
			`Lighthouse ${version} ${path} (mobile, ${returning ? 'return' : 'first'} visit), median of ${runs} (range): ${cats}`
		);
		console.log(
			`  ${s('FCP')} · ${s('LCP')} · ${ms('TBT')} · CLS ${median(figures.CLS ?? []).toFixed(3)} · ${ms('TBT-cpu')}`
		);
		for (const [key, values] of shortfalls) console.log(`  ${key} (${values.join(', ')})`);
		const byScore = [...reports].sort(
			(a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0)
		);
		breakdown(byScore[Math.floor(byScore.length / 2)]);
	}
} finally {
	await chrome.kill();
	server.stop();
}

/**
 * Prints where one report's LCP, TBT and CLS come from.
 * @param {any} lhr
 */
function breakdown(lhr) {
	const a = lhr.audits;
	const short = (url) => String(url ?? '').replace(/^https?:\/\/[^/]+/, '') || '(page)';
	const lcp = a['largest-contentful-paint-element']?.details?.items ?? [];
	const node = lcp[0]?.items?.[0]?.node;
	if (node)
		console.log(`  median run: LCP element ${node.selector} "${String(node.nodeLabel).slice(0, 60)}"`);
	const phases = lcp[1]?.items ?? [];
	if (phases.length)
		console.log(`    LCP phases: ${phases.map((p) => `${p.phase} ${Math.round(p.timing)} ms`).join(' · ')}`);
	const tasks = (a['long-tasks']?.details?.items ?? []).slice(0, 6);
	if (tasks.length)
		console.log(
			`    long tasks: ${tasks.map((t) => `${Math.round(t.duration)} ms at ${Math.round(t.startTime)} (${short(t.url)})`).join(' · ')}`
		);
	const boot = (a['bootup-time']?.details?.items ?? []).slice(0, 5);
	if (boot.length)
		console.log(
			`    main thread by script: ${boot.map((b) => `${short(b.url)} ${Math.round(b.total)} ms (script ${Math.round(b.scripting)})`).join(' · ')}`
		);
	const shifts = a['layout-shifts']?.details?.items ?? [];
	for (const s of shifts.slice(0, 4))
		console.log(
			`    layout shift ${s.score.toFixed(3)}: ${s.node?.selector ?? '?'} "${String(s.node?.nodeLabel ?? '').slice(0, 50)}"`
		);
}

/**
 * Total blocking time counted from each main-thread task's CPU time instead of its wall time, times
 * Lighthouse's CPU slowdown (4), from first contentful paint to the end of the trace. On a shared
 * machine a task's wall time includes the time the renderer waited for a core, which Lighthouse's
 * simulated TBT multiplies by four as well; this figure does not, so it is the one to compare across
 * runs taken under different loads.
 * @param {any} artifacts
 * @param {any} lhr
 */
function cpuBlocking(artifacts, lhr) {
	const events = artifacts?.Trace?.traceEvents ?? [];
	const parsers = new Set(events.filter((e) => e.name === 'ParseHTML').map((e) => e.pid));
	const main = events.find(
		(e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && parsers.has(e.pid)
	);
	const fcp = lhr.audits.metrics?.details?.items?.[0]?.observedFirstContentfulPaintTs;
	if (!main || !fcp) return NaN;
	let total = 0;
	for (const e of events)
		if (e.name === 'RunTask' && e.pid === main.pid && e.tid === main.tid && e.ts >= fcp && e.tdur)
			total += Math.max(0, (4 * e.tdur) / 1000 - 50);
	return total;
}
