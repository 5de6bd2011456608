// Finds the Chromium the end-to-end tests and benchmarks drive: Playwright's own build when it is
// installed, otherwise Debian's /usr/bin/chromium.
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
