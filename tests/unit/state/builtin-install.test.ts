import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installBuiltIns } from '$lib/state/builtin-install';
import { DeckhandDb } from '$lib/storage/db';

// The guide pack's file, as the app fetches it.
const guideUrl = '/questions/docker-guide.pack.json';
const guide = JSON.parse(readFileSync(`.${guideUrl}`, 'utf8')).pack as { id: string; cards: unknown[] };

/** A stand-in for the browser's Worker: answers each message with `reply`, or fails to start. */
function fakeWorker(behaviour: { reply?: unknown; fail?: boolean }) {
	const made: string[] = [];
	class FakeWorker {
		onmessage: ((e: { data: unknown }) => void) | null = null;
		onerror: ((e: { preventDefault(): void }) => void) | null = null;
		constructor(url: URL) {
			made.push(String(url));
		}
		postMessage() {
			queueMicrotask(() => {
				if (behaviour.fail) this.onerror?.({ preventDefault() {} });
				else this.onmessage?.({ data: behaviour.reply });
			});
		}
		terminate() {}
	}
	vi.stubGlobal('Worker', FakeWorker);
	return made;
}

let db: DeckhandDb;
beforeEach(() => {
	db = new DeckhandDb(`builtin-${Math.random()}`);
	vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(`.${url}`)));
});
afterEach(() => {
	vi.unstubAllGlobals();
	db.close();
});

describe('installing the built-in packs', () => {
	it('leaves the install to the worker when it answers done (the page writes nothing itself)', async () => {
		const made = fakeWorker({ reply: { ok: true } });
		await installBuiltIns(db, [{ id: guide.id, url: guideUrl }]);
		expect(made).toHaveLength(1);
		expect(made[0]).toMatch(/builtin\.worker/);
		expect(await db.packs.count()).toBe(0);
	});

	it('reports the worker’s failure in its own words, and writes nothing', async () => {
		fakeWorker({ reply: { ok: false, message: 'Your device is out of storage space.' } });
		await expect(installBuiltIns(db, [{ id: guide.id, url: guideUrl }])).rejects.toThrow(
			'Your device is out of storage space.'
		);
		expect(await db.packs.count()).toBe(0);
	});

	it('installs on the page when no worker can start', async () => {
		fakeWorker({ fail: true });
		await installBuiltIns(db, [{ id: guide.id, url: guideUrl }]);
		expect((await db.packs.get(guide.id))?.builtIn).toBe(true);
		expect((await db.packCards.get(guide.id))?.cards).toHaveLength(guide.cards.length);
	});
});
