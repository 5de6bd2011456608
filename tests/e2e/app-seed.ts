/**
 * Bundles tests/fixtures/seed-entry.ts (the app's own storage code) for the page, once per worker, and
 * runs it there. page.evaluate of a string goes through the debugging protocol, so the app's
 * Content-Security-Policy (no inline scripts, no eval) does not stand in the way.
 */
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { SeedOptions } from '../fixtures/seed-entry';

export type { SeedOptions };

const root = fileURLToPath(new URL('../..', import.meta.url));
let bundle: Promise<string> | null = null;

type Output = { output: { type: string; code?: string }[] };

function seederCode(): Promise<string> {
	bundle ??= (async () => {
		const out = (await build({
			configFile: false,
			root,
			logLevel: 'silent',
			resolve: { alias: { $lib: `${root}src/lib` } },
			build: {
				write: false,
				minify: false,
				lib: { entry: `${root}tests/fixtures/seed-entry.ts`, formats: ['iife'], name: 'deckhandSeedBundle' }
			}
		})) as Output | Output[];
		const first = Array.isArray(out) ? out[0]! : out;
		return first.output.find((o) => o.type === 'chunk')!.code!;
	})();
	return bundle;
}

/** Seeds the app's database from the page with the app's storage code (the app must have opened once). */
export async function seedApp(page: Page, opts: SeedOptions): Promise<void> {
	const code = await seederCode();
	if (!(await page.evaluate('typeof globalThis.deckhandSeed === "object"'))) await page.evaluate(code);
	await page.evaluate(
		(o) =>
			(globalThis as unknown as { deckhandSeed: { seed(o: unknown): Promise<void> } }).deckhandSeed.seed(o),
		opts
	);
}
