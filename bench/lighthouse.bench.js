// Lighthouse 12 on the production build: the four category scores, LCP and TBT, on the default
// mobile profile (simulated slow 4G and a 4x slower CPU) in Debian Chromium.
import { execFileSync } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findBrowser, serveBuild, SYSTEM_CHROMIUM } from '../scripts/browser.js';

const port = Number(process.env.BENCH_PORT ?? 4292);
const pages = ['/', '/study'];

execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], { stdio: 'inherit' });
const server = await serveBuild(port);
const chrome = await chromeLauncher.launch({
	chromePath: findBrowser()?.executablePath ?? SYSTEM_CHROMIUM,
	chromeFlags: [...CHROMIUM_ARGS, '--headless=new']
});
try {
	for (const path of pages) {
		const result = await lighthouse(`http://127.0.0.1:${port}${path}`, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error'
		});
		const lhr = result?.lhr;
		if (!lhr) throw new Error('Lighthouse returned no report');
		const scores = Object.values(lhr.categories)
			.map((c) => `${c.title} ${Math.round((c.score ?? 0) * 100)}`)
			.join(' · ');
		const lcp = lhr.audits['largest-contentful-paint']?.displayValue;
		const tbt = lhr.audits['total-blocking-time']?.displayValue;
		const fcp = lhr.audits['first-contentful-paint']?.displayValue;
		console.log(`Lighthouse ${lhr.lighthouseVersion} ${path} (mobile): ${scores}`);
		console.log(`  FCP ${fcp} · LCP ${lcp} · TBT ${tbt}`);
		// Name what keeps a category below 100, so the figure says where to look.
		for (const category of Object.values(lhr.categories)) {
			for (const ref of category.auditRefs) {
				const audit = lhr.audits[ref.id];
				if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
					console.log(`  ${category.title}: ${audit.title} (${audit.displayValue ?? audit.score})`);
			}
		}
	}
} finally {
	await chrome.kill();
	server.stop();
}
