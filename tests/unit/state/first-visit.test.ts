import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/core/scheduler/settings';
import { ensureBuiltIns } from '$lib/state/app.svelte';
import { builtInPacks } from '$lib/state/builtin';
import { firstVisitCounts } from '$lib/state/first-visit';
import { getDb } from '$lib/storage/db';
import { loadHomeCounts } from '$lib/storage/home';

// The built-in pack files are static assets the app fetches; here they are read from the repository.
vi.stubGlobal('fetch', async (url: string) => {
	const path = new URL(url, 'file:///').pathname.replace(/^\/@fs/, '');
	const file = path.startsWith('/questions/') ? `.${path}` : path;
	return new Response(readFileSync(file), { headers: { 'content-type': 'application/json' } });
});
afterAll(() => vi.unstubAllGlobals());

describe('a first visit', () => {
	it('installs every built-in pack in fewer than 100 IndexedDB records, and the build-time counts match the installed ones', async () => {
		const builtIns = builtInPacks();
		expect(builtIns.length).toBeGreaterThan(0);
		await ensureBuiltIns();
		const db = getDb();
		const perTable = Object.fromEntries(
			await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const))
		);
		const records = Object.values(perTable).reduce((a, b) => a + b, 0);
		expect(records, JSON.stringify(perTable)).toBeLessThan(100);
		expect(perTable.packCards).toBe(builtIns.length);
		expect(perTable.states).toBe(0);
		// Hundreds of cards, and the home page shows from build-time figures what the database holds.
		const cards = builtIns.reduce((n, b) => n + b.figures.cards, 0);
		expect(cards).toBeGreaterThan(records);
		const now = Date.UTC(2026, 10, 29, 12);
		const window = { now, dayStart: now - 3_600_000, dayEnd: now + 3_600_000 };
		expect(await loadHomeCounts(db, window, DEFAULT_SETTINGS)).toEqual(
			firstVisitCounts(builtIns, DEFAULT_SETTINGS)
		);
	});
});
