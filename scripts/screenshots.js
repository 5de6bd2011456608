#!/usr/bin/env node
// Takes the README's and the manifest's screenshots of the production build (run "npm run build" first).
import { mkdirSync } from 'node:fs';
import { devices } from '@playwright/test';
import { launchChromium, serveBuild } from './browser.js';

const port = Number(process.env.SCREENSHOT_PORT ?? 4176);
const server = await serveBuild(port);
const browser = await launchChromium();
mkdirSync('static/screenshots', { recursive: true });
try {
	const shots = [
		{ name: 'study-phone', device: devices['Pixel 7'], colorScheme: 'light' },
		{ name: 'study-wide', device: { viewport: { width: 1280, height: 800 } }, colorScheme: 'light' }
	];
	for (const shot of shots) {
		// No service worker: its "Ready to work offline" notice would cover the header in the shot.
		const ctx = await browser.newContext({
			...shot.device,
			colorScheme: shot.colorScheme,
			serviceWorkers: 'block'
		});
		const page = await ctx.newPage();
		await page.goto(`http://127.0.0.1:${port}/study`);
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.waitForTimeout(200);
		await page.screenshot({ path: `static/screenshots/${shot.name}.png` });
		await ctx.close();
	}
} finally {
	await browser.close();
	server.stop();
}
