// The share target end to end in Node: the worker script (static/share-target.js) receives a shared
// file as a multipart POST, keeps it in its cache and redirects; the import state takes it from there.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHARE_CACHE, takeSharedFiles } from '$lib/pwa/shared-files';
import { ImportState } from '$lib/state/import.svelte';

/** Just enough of Cache Storage for the worker and the page. */
class FakeCaches {
	stores = new Map<string, Map<string, Response>>();
	async open(name: string) {
		const store = this.stores.get(name) ?? new Map<string, Response>();
		this.stores.set(name, store);
		return {
			put: async (key: string, res: Response) => void store.set(key, res),
			keys: async () => [...store.keys()].map((k) => new Request(k)),
			match: async (req: Request) => store.get(req.url)?.clone()
		};
	}
	async has(name: string) {
		return this.stores.has(name);
	}
	async delete(name: string) {
		return this.stores.delete(name);
	}
}

type FetchListener = (event: { request: Request; respondWith(r: Promise<Response>): void }) => void;

/** Loads the worker script with a fake `self` and returns what it answers to a request (if anything). */
function loadWorker(caches: FakeCaches) {
	let listener: FetchListener | null = null;
	const self = {
		location: new URL('https://deckhand.example/sw.js'),
		addEventListener: (type: string, fn: FetchListener) => {
			if (type === 'fetch') listener = fn;
		}
	};
	new Function('self', 'caches', readFileSync('static/share-target.js', 'utf8'))(self, caches);
	return async (request: Request): Promise<Response | null> => {
		let answer: Promise<Response> | null = null;
		listener!({ request, respondWith: (r) => (answer = r) });
		return answer;
	};
}

function share(files: File[], fields: Record<string, string> = {}, path = '/import'): Request {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	for (const f of files) form.append('pack', f);
	return new Request(`https://deckhand.example${path}`, { method: 'POST', body: form });
}

let caches: FakeCaches;
beforeEach(() => {
	caches = new FakeCaches();
	(globalThis as { caches?: unknown }).caches = caches;
});
afterEach(() => {
	delete (globalThis as { caches?: unknown }).caches;
});

describe('the share target', () => {
	it('keeps a shared file, redirects to the import page with 303, and the page takes it once', async () => {
		const worker = loadWorker(caches);
		const body = '{"format":"deckhand-pack"}';
		const res = await worker(share([new File([body], 'docker.deckhand.json', { type: 'application/json' })]));
		expect(res!.status).toBe(303);
		expect(res!.headers.get('location')).toBe('https://deckhand.example/import?shared=files');
		expect(await caches.has(SHARE_CACHE)).toBe(true);

		const files = await takeSharedFiles();
		expect(files.map((f) => [f.name, f.type])).toEqual([['docker.deckhand.json', 'application/json']]);
		expect(await files[0]!.text()).toBe(body);
		expect(await caches.has(SHARE_CACHE)).toBe(false);
		expect(await takeSharedFiles()).toEqual([]);
	});

	it('passes a shared link on as query parameters, and leaves other requests alone', async () => {
		const worker = loadWorker(caches);
		const res = await worker(share([], { title: 'Pack', text: 'See https://t.example/p.json' }));
		expect(res!.headers.get('location')).toBe(
			'https://deckhand.example/import?title=Pack&text=See+https%3A%2F%2Ft.example%2Fp.json'
		);
		expect(await caches.has(SHARE_CACHE)).toBe(false);
		expect(await worker(new Request('https://deckhand.example/import'))).toBeNull();
		expect(await worker(share([], {}, '/packs'))).toBeNull();
	});

	it('a shared file that is not a pack ends in a plain error, and nothing is left behind', async () => {
		const worker = loadWorker(caches);
		await worker(share([new File(['holiday photos'], 'notes.txt', { type: 'text/plain' })]));
		const flow = new ImportState();
		await flow.fromShared(false);
		expect(flow.stage).toBe('error');
		expect(flow.errors[0]!.message).toMatch(/^This file is not valid JSON/);
		expect(await caches.has(SHARE_CACHE)).toBe(false);

		// Opened again (a reload): the file is gone, and the page says so.
		await flow.fromShared(false);
		expect(flow.errors[0]!.message).toMatch(/already read/);
	});
});
