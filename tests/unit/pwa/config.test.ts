import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifest, pngSize, pwaOptions, THEME } from '../../../scripts/pwa-config.js';

/** The value of a CSS variable in the first block of app.css that matches `selectorStart`. */
function cssVar(css: string, selectorStart: string, name: string): string | undefined {
	const block = css.slice(css.indexOf(selectorStart));
	return new RegExp(`${name}:\\s*(#[0-9a-f]{3,8})`, 'i').exec(block)?.[1];
}

describe('the web app manifest', () => {
	const css = readFileSync('src/app.css', 'utf8');
	const html = readFileSync('src/app.html', 'utf8');

	it('uses the colours of the light and dark themes', () => {
		expect(manifest.theme_color).toBe(cssVar(css, ':root {', '--accent'));
		expect(manifest.background_color).toBe(cssVar(css, ':root {', '--bg'));
		expect(THEME.dark).toBe(cssVar(css, '@media (prefers-color-scheme: dark)', '--bg'));
		expect(html).toContain(`content="${THEME.light}" media="(prefers-color-scheme: light)"`);
		expect(html).toContain(`content="${THEME.dark}" media="(prefers-color-scheme: dark)"`);
	});

	it('names icon files whose pixel size matches, including a maskable one', () => {
		for (const icon of manifest.icons) {
			const { width, height } = pngSize(`static${icon.src}`);
			expect(`${width}x${height}`).toBe(icon.sizes);
		}
		expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
		expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
	});

	it('has a narrow and a wide screenshot, and the two shortcuts', () => {
		expect(manifest.screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
		expect(manifest.shortcuts.map((s) => s.url)).toEqual(['/study', '/packs']);
	});
});

describe('the service worker options', () => {
	it('precaches JSON and all JS, falls back to the shell, and never takes over on its own', () => {
		const workbox = pwaOptions.workbox!;
		expect(workbox.globPatterns?.[0]).toMatch(/\{js,.*json/);
		expect(workbox.navigateFallback).toBe('fallback.html');
		expect(workbox.skipWaiting).toBe(false);
		expect(pwaOptions.filename).toBe('sw.js');
		expect(pwaOptions.scope).toBe('/');
	});
});

describe('the navigation fallback', () => {
	const denied = (url: string) => pwaOptions.workbox!.navigateFallbackDenylist!.some((re) => re.test(url));

	it.each(['/', '/study', '/packs/docker-starter', '/import?url=https://example.org/pack.json', '/a.b/c'])(
		'serves the shell for %s',
		(url) => {
			expect(denied(url)).toBe(false);
		}
	);
	it.each(['/icons/icon-512.png', '/manifest.webmanifest', '/screenshots/study-wide.png?v=2'])(
		'leaves the file %s alone',
		(url) => {
			expect(denied(url)).toBe(true);
		}
	);
});
