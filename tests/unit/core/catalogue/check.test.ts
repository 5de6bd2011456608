import { describe, expect, it } from 'vitest';
import { isAllowedAddress, sourceAddress } from '$lib/core/catalogue/address';
import {
	buildCatalogue,
	serializeCatalogue,
	subscribeLink,
	readSubscribeQuery
} from '$lib/core/catalogue/build';
import { askSource, CHECK_INTERVAL_MS, downloadPack, isDue, updatesOf } from '$lib/core/catalogue/check';
import { entryOf } from '$lib/core/catalogue/entry';
import { fetchSource, type FetchFn } from '$lib/core/catalogue/fetch';
import type { Subscription } from '$lib/core/catalogue/types';
import { serializePack } from '$lib/core/pack/parse';
import { makePack } from '../../../fixtures/pack-factory';

const BASE = 'https://team.example.org/packs/';
const enc = (s: string) => new TextEncoder().encode(s);

interface Served {
	status?: number;
	body?: string;
	headers?: Record<string, string>;
	/** The address the answer came from after redirects. */
	url?: string;
}

/** A fake network: answers by URL and records every request with its headers. */
function network(routes: Record<string, Served | 'down'>) {
	const requests: { url: string; init?: RequestInit }[] = [];
	const fetchFn: FetchFn = async (url, init) => {
		requests.push({ url, init });
		const r = routes[url];
		if (r === 'down' || r === undefined) throw new TypeError('Failed to fetch');
		const res = new Response(r.status === 304 ? null : (r.body ?? ''), {
			status: r.status ?? 200,
			headers: r.headers
		});
		if (r.url) {
			Object.defineProperty(res, 'url', { value: r.url });
			Object.defineProperty(res, 'redirected', { value: true });
		}
		return res;
	};
	return { fetchFn, requests };
}

const pack1 = makePack(4, { id: 'team', title: 'Team', version: 1 });
const pack2 = makePack(5, { id: 'team', title: 'Team', version: 2 });

async function published(pack = pack2) {
	const text = serializePack(pack);
	const entry = await entryOf(pack, enc(text), 'packs/team.deckhand.json');
	return { text, entry, index: serializeCatalogue(buildCatalogue('Team packs', [entry])) };
}

const subscription = (over: Partial<Subscription> = {}): Subscription => ({
	url: `${BASE}index.json`,
	kind: 'catalogue',
	title: 'Team packs',
	addedAt: 0,
	checkedAt: 0,
	etag: null,
	digest: null,
	packs: [],
	error: null,
	...over
});

describe('addresses', () => {
	it('turns a folder into its index.json and keeps a file as it is', () => {
		expect(sourceAddress('https://team.example.org/packs')).toEqual({ ok: true, value: `${BASE}index.json` });
		expect(sourceAddress(' https://team.example.org/packs/ ')).toEqual({
			ok: true,
			value: `${BASE}index.json`
		});
		expect(sourceAddress('https://u:p@team.example.org/a.json#x')).toEqual({
			ok: true,
			value: 'https://team.example.org/a.json'
		});
	});

	it('allows https and this device only; says why otherwise', () => {
		expect(isAllowedAddress(new URL('http://127.0.0.1:8080/'))).toBe(true);
		expect(isAllowedAddress(new URL('http://localhost/'))).toBe(true);
		expect(isAllowedAddress(new URL('http://team.example.org/'))).toBe(false);
		const r = sourceAddress('ftp://x.example/');
		expect(r.ok || r.errors[0]?.message).toMatch(/Only https/);
		const empty = sourceAddress('  ');
		expect(empty.ok || empty.errors[0]?.message).toMatch(/Enter the address/);
	});

	it('makes subscribe links the subscribe screen reads back', () => {
		const link = subscribeLink('https://app.example/deckhand', `${BASE}index.json`, 'team');
		expect(link).toBe(
			'https://app.example/deckhand/subscribe?url=https%3A%2F%2Fteam.example.org%2Fpacks%2Findex.json&pack=team'
		);
		expect(readSubscribeQuery(new URL(link).searchParams)).toEqual({
			url: `${BASE}index.json`,
			pack: 'team'
		});
	});
});

describe('fetchSource', () => {
	const url = `${BASE}index.json`;
	const ask = (routes: Record<string, Served | 'down'>, etag: string | null = null, limit = 1000) => {
		const net = network(routes);
		return { net, result: fetchSource(url, { fetch: net.fetchFn, limit, what: 'catalogue', etag }) };
	};

	it('sends If-None-Match when told to, revalidates through the HTTP cache, and a 304 is unchanged', async () => {
		const { net, result } = ask({ [url]: { status: 304 } }, 'W/"1-2"');
		expect(await result).toEqual({ ok: true, value: { status: 'unchanged' } });
		expect(net.requests).toHaveLength(1);
		expect(net.requests[0]!.init).toMatchObject({
			cache: 'no-cache',
			credentials: 'omit',
			headers: { 'If-None-Match': 'W/"1-2"' }
		});
	});

	it('returns the body and its ETag', async () => {
		const { net, result } = ask({ [url]: { body: '{}', headers: { etag: '"abc"' } } });
		expect(await result).toEqual({ ok: true, value: { status: 'body', bytes: enc('{}'), etag: '"abc"' } });
		expect(net.requests[0]!.init?.headers).toEqual({});
	});

	it.each([
		['a host that is down', 'down' as const, /Could not reach team\.example\.org/],
		['a 404', { status: 404, body: 'no' }, /answered 404/],
		[
			'a redirect to another site',
			{ body: '{}', url: 'https://evil.example/index.json' },
			/another site \(evil\.example\)/
		],
		['a declared size over the limit', { body: '{}', headers: { 'content-length': '5000' } }, /larger than/],
		['a body over the limit', { body: 'x'.repeat(1001) }, /larger than/]
	])('refuses %s in plain words', async (_, served, message) => {
		const r = await ask({ [url]: served }).result;
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]!.message).toMatch(message);
	});

	it('follows a redirect within the same site', async () => {
		const r = await ask({ [url]: { body: '{}', url: `${BASE}v2/index.json` } }).result;
		expect(r.ok).toBe(true);
	});
});

describe('askSource and downloadPack', () => {
	it('reads a changed catalogue once, and an unchanged one (same bytes) not again', async () => {
		const { index } = await published();
		const net = network({ [`${BASE}index.json`]: { body: index, headers: { etag: '"v2"' } } });
		const first = await askSource(subscription(), net.fetchFn, 1000, false);
		expect(first.record).toMatchObject({ checkedAt: 1000, error: null, etag: '"v2"', title: 'Team packs' });
		expect(first.record.packs?.map((p) => [p.id, p.version])).toEqual([['team', 2]]);
		const again = await askSource(subscription({ digest: first.record.digest }), net.fetchFn, 2000, false);
		expect(again.record).toEqual({ checkedAt: 2000, error: null, etag: '"v2"' });
		expect(net.requests).toHaveLength(2);
	});

	it('records a failure and nothing else, so what the source offered stays as it was', async () => {
		const net = network({
			[`${BASE}index.json`]: {
				body: '{"format":"deckhand-catalogue","formatVersion":1,"title":"","packs":[]}'
			}
		});
		const r = await askSource(subscription(), net.fetchFn, 5, false);
		expect(r.record).toEqual({ checkedAt: 5, error: expect.stringContaining('title: must not be empty') });
		const down = await askSource(subscription(), network({}).fetchFn, 6, false);
		expect(down.record).toEqual({ checkedAt: 6, error: expect.stringContaining('Could not reach') });
	});

	it('reads a pack source as one entry with its pack', async () => {
		const text = serializePack(pack2);
		const url = `${BASE}team.deckhand.json`;
		const r = await askSource(
			subscription({ url, kind: 'pack' }),
			network({ [url]: { body: text } }).fetchFn,
			1,
			false
		);
		expect(r.pack?.version).toBe(2);
		expect(r.record.packs).toEqual([await entryOf(pack2, enc(text), 'team.deckhand.json')]);
	});

	it('downloads a pack whose SHA-256 matches the catalogue, and refuses one that does not', async () => {
		const { text, entry } = await published();
		const file = `${BASE}packs/team.deckhand.json`;
		const good = await downloadPack(`${BASE}index.json`, entry, network({ [file]: { body: text } }).fetchFn);
		expect(good.ok && good.value.pack).toEqual(pack2);
		const tampered = text.replace('Team', 'Evil');
		const bad = await downloadPack(
			`${BASE}index.json`,
			entry,
			network({ [file]: { body: tampered } }).fetchFn
		);
		expect(bad.ok || bad.errors[0]!.message).toMatch(/does not match the catalogue's SHA-256 fingerprint/);
	});

	it('refuses a file that holds another pack or version than the catalogue says', async () => {
		const { entry } = await published();
		const other = serializePack(pack1);
		const lying = { ...(await entryOf(pack1, enc(other), entry.file)), version: 2 };
		const r = await downloadPack(
			`${BASE}index.json`,
			lying,
			network({ [`${BASE}packs/team.deckhand.json`]: { body: other } }).fetchFn
		);
		expect(r.ok || r.errors[0]!.message).toMatch(
			/lists "team" version 2, but its file holds "team" version 1/
		);
	});
});

describe('which sources are due and what they update', () => {
	it('asks a source at most every four hours on open', () => {
		expect(isDue(subscription({ checkedAt: null }), 0)).toBe(true);
		expect(isDue(subscription({ checkedAt: 1000 }), 1000 + CHECK_INTERVAL_MS - 1)).toBe(false);
		expect(isDue(subscription({ checkedAt: 1000 }), 1000 + CHECK_INTERVAL_MS)).toBe(true);
		// A clock set back is no reason to stop checking for good.
		expect(isDue(subscription({ checkedAt: 5000 }), 1000)).toBe(true);
	});

	it('offers only newer versions of installed packs that came from this source', async () => {
		const { entry } = await published();
		const sub = subscription({ packs: [entry, { ...entry, id: 'other' }, { ...entry, id: 'elsewhere' }] });
		const installed = new Map([
			['team', 1],
			['other', 2],
			['elsewhere', 1]
		]);
		const sources = new Map([
			['team', sub.url],
			['other', sub.url],
			['elsewhere', 'https://x.example/index.json']
		]);
		expect(updatesOf(sub, installed, sources).map((e) => e.id)).toEqual(['team']);
	});
});
