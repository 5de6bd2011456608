#!/usr/bin/env node
// Makes sure a Chromium is there for the end-to-end tests: Playwright's own, or Debian's package,
// which it installs itself when running as root on Debian. Otherwise it says what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, SYSTEM_CHROMIUM } from './browser.js';

if (findBrowser()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');

if (isRoot && isDebian) {
	console.log('No Chromium found: installing Debian\'s "chromium" package (apt-get install -y chromium)…');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
	if (existsSync(SYSTEM_CHROMIUM)) process.exit(0);
}

console.error(
	[
		'The end-to-end tests need Chromium, and none was found.',
		'Install one of:',
		'  - Debian/Ubuntu: sudo apt-get install -y chromium   (provides /usr/bin/chromium)',
		"  - Playwright's own build: npx playwright install chromium",
		'  - or set CHROMIUM_PATH=/path/to/chromium'
	].join('\n')
);
process.exit(1);
