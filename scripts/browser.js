// Finds the Chromium the end-to-end tests and benchmarks drive: Playwright's own build when it is
// installed, otherwise Debian's /usr/bin/chromium.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a machine with no network beyond loopback. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** The executable to launch, or undefined to let Playwright use its own installed browser. */
export function findBrowser() {
	if (process.env.CHROMIUM_PATH) return { executablePath: process.env.CHROMIUM_PATH };
	let own = '';
	try {
		own = chromium.executablePath();
	} catch {
		own = '';
	}
	if (own && existsSync(own)) return { executablePath: undefined };
	if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM };
	return null;
}

/**
 * Launches the Chromium found by findBrowser with the quiet flags (options.args replaces them).
 * @param {import('@playwright/test').LaunchOptions} [options]
 */
export async function launchChromium(options = {}) {
	const found = findBrowser();
	return chromium.launch({
		args: CHROMIUM_ARGS,
		...(found?.executablePath ? { executablePath: found.executablePath } : {}),
		...options
	});
}

/**
 * Serves build/ with scripts/serve.js on 127.0.0.1:port and resolves once it answers; stop() ends it.
 * Benchmarks and the screenshot script use it; the end-to-end tests start the same server from
 * playwright.config.ts.
 * @param {number} port
 * @param {string} [dir] the folder to serve (another build, to compare)
 */
export async function serveBuild(port, dir = 'build') {
	const server = spawn('node', ['scripts/serve.js', '--port', String(port), '--dir', dir], {
		stdio: 'ignore'
	});
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 100; i++) {
		if (server.exitCode !== null) throw new Error(`the static server on port ${port} exited`);
		try {
			await fetch(url, { method: 'HEAD' });
			return { url, stop: () => server.kill() };
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	server.kill();
	throw new Error(`the static server on port ${port} did not answer within 10 s`);
}

/**
 * The build a benchmark measures: BENCH_BUILD_DIR when set (another commit's build, to compare),
 * otherwise this checkout's, built now.
 * @returns {string} the folder to serve
 */
export function benchBuild() {
	if (process.env.BENCH_BUILD_DIR) return process.env.BENCH_BUILD_DIR;
	execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], { stdio: 'inherit' });
	return 'build';
}

/** The middle value of a list of figures (the upper one of two middles). @param {number[]} xs */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
