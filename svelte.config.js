import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A client-side app: every route falls back to the shell, which the static server
		// (and later the service worker) serves for any path.
		adapter: adapter({ fallback: 'index.html', strict: false })
	}
};

export default config;
