import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/browser.js';

// Chromium checks installability only in a real profile, hence a persistent context.
test(
	'Chromium finds the app installable and its manifest complete',
	{ tag: '@desktop' },
	async ({ baseURL }) => {
		const profile = mkdtempSync(join(tmpdir(), 'deckhand-profile-'));
		const found = findBrowser();
		const context = await chromium.launchPersistentContext(profile, {
			args: CHROMIUM_ARGS,
			...(found?.executablePath ? { executablePath: found.executablePath } : {})
		});
		try {
			const page = context.pages()[0] ?? (await context.newPage());
			await page.goto(`${baseURL}/`);
			await page.evaluate(() => navigator.serviceWorker.ready);
			const cdp = await context.newCDPSession(page);
			const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
			expect(installabilityErrors).toEqual([]);

			const { errors, url } = await cdp.send('Page.getAppManifest');
			expect(url).toBe(`${baseURL}/manifest.webmanifest`);
			expect(errors).toEqual([]);
			const manifest = await (await page.request.get(url)).json();
			expect(manifest).toMatchObject({ display: 'standalone', start_url: '/', scope: '/' });
			expect(manifest.shortcuts.map((s: { name: string; url: string }) => [s.name, s.url])).toEqual([
				['Study now', '/study'],
				['Packs', '/packs']
			]);
			// Every icon and screenshot the manifest names is served.
			for (const image of [...manifest.icons, ...manifest.screenshots]) {
				const res = await page.request.get(`${baseURL}${image.src}`);
				expect(res.status(), image.src).toBe(200);
			}
		} finally {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	}
);
