import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCatalogue, serializeCatalogue } from '$lib/core/catalogue/build';
import { entryOf } from '$lib/core/catalogue/entry';
import { serializePack } from '$lib/core/pack/parse';
import type { Pack } from '$lib/core/pack/types';
import { getState } from '$lib/storage/study';
import { getDb } from '$lib/storage/db';
import { SubscribeState, updates } from '$lib/state/subscriptions.svelte';
import { flashcard, makePack } from '../../fixtures/pack-factory';

// The built-in pack is not what this test is about, and it is fetched from the app's own origin.
vi.mock('$lib/state/builtin', () => ({ builtInPacks: () => [] }));

const INDEX = 'https://team.example.org/packs/index.json';
const FILE = 'https://team.example.org/packs/packs/team.deckhand.json';
const site = new Map<string, string>();
const asked: string[] = [];

/** Publishes a pack to the fake host, as `deckhand publish` lays it out. */
async function publish(pack: Pack) {
	const text = serializePack(pack);
	const entry = await entryOf(pack, new TextEncoder().encode(text), 'packs/team.deckhand.json');
	site.set(FILE, text);
	site.set(INDEX, serializeCatalogue(buildCatalogue('Team packs', [entry])));
}

afterEach(() => vi.unstubAllGlobals());

describe('subscriptions in the app', { timeout: 60_000 }, () => {
	it('subscribes after a preview, applies a newer version without asking when told to, and tries nothing offline', async () => {
		vi.stubGlobal('fetch', async (url: string) => {
			asked.push(url);
			const body = site.get(url);
			if (body === undefined) throw new TypeError('Failed to fetch');
			return new Response(body);
		});
		const v1 = makePack(3, { id: 'team', title: 'Team', version: 1, sectionCount: 1 });
		await publish(v1);

		const flow = new SubscribeState();
		await flow.open('https://team.example.org/packs/', 'https://app.example/');
		expect(flow.stage).toBe('catalogue');
		expect(flow.entries.map((e) => e.id)).toEqual(['team']);
		await flow.install(flow.entries[0]!);
		expect(flow.stage).toBe('preview');
		expect(await getDb().subscriptions.count()).toBe(0);
		expect(await flow.confirm()).toBe(true);
		expect(flow.done).toContain('Team (version 1) is installed');
		expect(updates.subscriptions.map((s) => s.url)).toEqual([INDEX]);

		// Not due yet: opening the app again asks nobody.
		asked.length = 0;
		await updates.checkOnOpen(Date.now() + 60_000);
		expect(asked).toEqual([]);

		await updates.setAutoApply(true);
		await publish(
			makePack(0, {
				id: 'team',
				title: 'Team',
				version: 2,
				sectionCount: 1,
				cards: [...v1.cards, flashcard('c4', 's1')]
			})
		);
		await updates.checkOnOpen(Date.now() + 5 * 60 * 60 * 1000);
		// One request for the catalogue and one for the pack file it vouches for.
		expect(asked).toEqual([INDEX, FILE]);
		expect((await getDb().packs.get('team'))?.version).toBe(2);
		expect((await getState(getDb(), 'team', 'c4'))?.state).toBe('new');
		expect(updates.status).toContain('Updated Team to version 2.');
		expect(updates.available).toEqual([]);

		asked.length = 0;
		vi.stubGlobal('navigator', { onLine: false });
		await updates.checkNow();
		await updates.checkOnOpen(Date.now() + 24 * 60 * 60 * 1000);
		expect(asked).toEqual([]);
		expect(updates.status).toBe('You are offline, so nothing was checked. Your packs are unchanged.');
	});
});
