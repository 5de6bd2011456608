// Build-time only (imported by vite.config.ts, never by the app): the web app manifest and the
// workbox options for the generated service worker. The worker holds no app logic and touches no
// user data: it precaches the built app, answers navigations with the shell, and passes shared files
// on to the import page (static/share-target.js).
import { readFileSync } from 'node:fs';

/** The theme colours, kept equal to src/app.css (a unit test holds them together). */
export const THEME = /** @type {const} */ ({
	/** --accent in the light theme: the title bar on Android and desktop. */
	light: '#0b5cad',
	/** --bg in the dark theme (app.html sets it for dark mode through a media query). */
	dark: '#0f1720',
	/** --bg in the light theme: the splash screen's background. */
	background: '#f7f8fa'
});

/**
 * Width and height of a PNG, read from its header, so the manifest never lies about a screenshot.
 * @param {string} path
 * @returns {{ width: number; height: number }}
 */
export function pngSize(path) {
	const head = readFileSync(path).subarray(0, 24);
	if (head.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${path} is not a PNG`);
	return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/**
 * @param {string} file
 * @param {'narrow' | 'wide'} formFactor
 * @param {string} label
 */
function screenshot(file, formFactor, label) {
	const { width, height } = pngSize(`static/screenshots/${file}`);
	return {
		src: `/screenshots/${file}`,
		sizes: `${width}x${height}`,
		type: 'image/png',
		form_factor: formFactor,
		label
	};
}

/** @satisfies {import('@vite-pwa/sveltekit').SvelteKitPWAOptions['manifest']} */
export const manifest = {
	id: '/',
	name: 'Deckhand',
	short_name: 'Deckhand',
	description: 'Study for your certification with spaced repetition flashcards and quizzes, offline.',
	lang: 'en',
	start_url: '/',
	scope: '/',
	display: 'standalone',
	orientation: 'any',
	theme_color: THEME.light,
	background_color: THEME.background,
	categories: ['education', 'productivity'],
	icons: [
		{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
		{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
		{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
	],
	screenshots: [
		screenshot('study-phone.png', 'narrow', 'A flashcard with its answer shown, on a phone'),
		screenshot('study-wide.png', 'wide', 'A flashcard with its answer shown, on a wide screen')
	],
	shortcuts: [
		{
			name: 'Study now',
			short_name: 'Study',
			url: '/study',
			icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }]
		},
		{
			name: 'Packs',
			short_name: 'Packs',
			url: '/packs',
			icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }]
		}
	],
	// Opening a pack file with the installed app lands on /import, which reads it from the launch queue.
	// Extensions must be single suffixes, so `.json` covers `.deckhand.json`; the import page refuses a
	// JSON file that is not a pack, with a message.
	file_handlers: [{ action: '/import', accept: { 'application/json': ['.json'] } }],
	// Sharing to Deckhand from another app (Android): a .deckhand.json file arrives in `pack`, a share
	// link or a pack's web address in `url` or `text`. Files need a POST, which the service worker
	// answers (static/share-target.js): it keeps the files in a cache of their own and redirects to
	// /import, which reads them and previews the pack; a link goes on to /import as query parameters.
	share_target: {
		action: '/import',
		method: 'POST',
		enctype: 'multipart/form-data',
		params: {
			title: 'title',
			text: 'text',
			url: 'url',
			files: [{ name: 'pack', accept: ['application/json', 'text/json', '.json'] }]
		}
	}
};

/** @type {Partial<import('@vite-pwa/sveltekit').SvelteKitPWAOptions>} */
export const pwaOptions = {
	// The page registers the worker itself (src/lib/pwa/register.ts) and asks before it takes over.
	registerType: 'prompt',
	injectRegister: false,
	strategies: 'generateSW',
	// Chosen once and never to change: a renamed or rescoped worker would leave the old one installed.
	filename: 'sw.js',
	scope: '/',
	base: '/',
	manifestFilename: 'manifest.webmanifest',
	manifest,
	// Prerendered pages (/, /study, …) are precached under their own URLs. The adapter writes the
	// client-only shell (fallback.html) after the worker is generated; spa mode adds it to the precache
	// with a revision taken from _app/version.json, which changes with every build.
	kit: { adapterFallback: 'fallback.html', spa: true },
	workbox: {
		// Everything the app needs to start and study offline: every route's code, styles, icons,
		// fonts, and built-in packs (JSON chunks or static/packs/*.json).
		globPatterns: ['client/**/*.{js,css,html,json,svg,png,ico,woff2,webmanifest}'],
		// The install dialog's screenshots are large and never shown inside the app.
		globIgnores: ['client/screenshots/**', 'server/**'],
		maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
		navigateFallback: 'fallback.html',
		// A prerendered page (/study) is answered from the precache by its own URL first; any other
		// navigation (/exam/result/3, /import?url=…/pack.json) opened offline gets the shell; a path
		// naming a file (/icons/icon-512.png) keeps its own response. Workbox tests pathname + search.
		navigateFallbackDenylist: [/^[^?]*\/[^/?]*\.[a-z0-9]+(?:\?.*)?$/i],
		cleanupOutdatedCaches: true,
		clientsClaim: true,
		// Never: the new worker waits until the learner taps Reload (see UpdatePrompt.svelte).
		skipWaiting: false,
		// No runtime caching: the app makes no third-party requests, and user data lives in IndexedDB.
		runtimeCaching: [],
		// The share target's POST handler: a file of its own in static/, served from this origin.
		importScripts: ['/share-target.js']
	}
};
