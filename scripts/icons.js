#!/usr/bin/env node
// Draws the app icons (static/icons/*.png) from one SVG mark with Chromium, so they need no image tool.
// Run after changing the mark: node scripts/icons.js
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchChromium } from './browser.js';

const BLUE = '#0b5cad';
// The mark on a 64-unit grid: a ship's deck with two cards on it (the same drawing as favicon.svg).
const MARK = `<path d="M14 40h36l-5 9H19z" fill="#fff"/><rect x="20" y="24" width="10" height="12" rx="2" fill="#fff"/><rect x="33" y="18" width="10" height="18" rx="2" fill="#cfe3ff"/>`;

/** A rounded tile, the mark filling it: for browsers that show the icon as it is. */
const anySvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${BLUE}"/>${MARK}</svg>`;
/** Full bleed, the mark inside the central 80% safe zone: for launchers that crop to their own shape. */
const fullSvg = (scale) =>
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${BLUE}"/><g transform="translate(32 33) scale(${scale}) translate(-32 -33)">${MARK}</g></svg>`;

const icons = [
	{ file: 'icon-192.png', size: 192, svg: anySvg },
	{ file: 'icon-512.png', size: 512, svg: anySvg },
	{ file: 'maskable-512.png', size: 512, svg: fullSvg(0.8) },
	// iOS rounds the corners itself and shows transparency as black: a full square.
	{ file: 'apple-touch-icon.png', size: 180, svg: fullSvg(0.9) }
];

const browser = await launchChromium();
mkdirSync('static/icons', { recursive: true });
writeFileSync('static/icons/icon.svg', anySvg + '\n');
try {
	for (const icon of icons) {
		const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
		await page.setContent(
			`<style>html,body{margin:0;background:transparent}svg{display:block;width:${icon.size}px;height:${icon.size}px}</style>${icon.svg}`
		);
		await page.screenshot({ path: `static/icons/${icon.file}`, omitBackground: true });
		await page.close();
		console.log(`static/icons/${icon.file} (${icon.size}px)`);
	}
} finally {
	await browser.close();
}
