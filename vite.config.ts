import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { pwaOptions } from './scripts/pwa-config.js';
import { packFigures } from './scripts/vite/pack-figures.js';

export default defineConfig({
	plugins: [packFigures(), sveltekit(), SvelteKitPWA(pwaOptions)],
	// The built-in packs install in a module worker (src/lib/state/builtin.worker.ts).
	worker: { format: 'es' },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['tests/unit/setup.ts'],
		expect: { requireAssertions: true },
		reporters: ['default', 'json'],
		outputFile: { json: 'test-results/unit.json' }
	}
});
