import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// This file is loaded more than once per build: the build stamp is fixed on the first load, because
// SvelteKit names the page's bootstrap global after the version and both loads must agree.
process.env.DECKHAND_BUILD_STAMP ??= Date.now().toString(36);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Every route's static frame is prerendered (build/index.html, build/study.html, …) and the data
		// fills in on the client. A path no page was prerendered for (/exam/result/3) gets the client-only
		// shell, fallback.html, which the static server (and the service worker, offline) serves for it.
		// precompress writes .gz and .br copies of every text file, which scripts/serve.js sends.
		adapter: adapter({
			pages: process.env.DECKHAND_BUILD_DIR ?? 'build',
			assets: process.env.DECKHAND_BUILD_DIR ?? 'build',
			fallback: 'fallback.html',
			precompress: true,
			strict: false
		}),
		// Absolute asset and link paths: the same prerendered page is served for /study and /study/, and
		// the shell (fallback.html) for any depth of path.
		paths: { relative: false },
		// Shown in the footer; DECKHAND_VERSION lets a test build a visibly different "next" version.
		version: { name: process.env.DECKHAND_VERSION ?? `${pkg.version}+${process.env.DECKHAND_BUILD_STAMP}` },
		// No inline script except SvelteKit's own bootstrap (hashed), and no third-party requests.
		// Delivered as a <meta> tag in the static shell (so frame-ancestors cannot be set here).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte's compiled CSS ships as files, so no <style> element is ever needed. Style
				// attributes (style="..." in templates, app.html's display: contents wrapper) are
				// allowed: they cannot run script or select elements, and Svelte sets them as
				// attributes when a component renders.
				'style-src': ['self'],
				'style-src-elem': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				// The app talks to no server of its own. Importing a pack from a URL, subscribing to a
				// catalogue and syncing with a CouchDB server connect to the origin the learner names, so
				// https: is allowed for connections; plain http only on this device's loopback address,
				// where a team lead tries a catalogue before publishing it and `npm run sync-server` runs
				// (and the end-to-end tests serve theirs): it reaches nothing else.
				'connect-src': ['self', 'https:', 'http://127.0.0.1:*', 'http://localhost:*'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'media-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
