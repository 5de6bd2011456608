import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../../src/lib/core/share/base64url';
import { deflateRaw } from '../../../../src/lib/core/share/deflate';
import {
	createShareLink,
	decodeShareFragment,
	encodeShareFragment,
	envelopeOf,
	SHARE_FRAGMENT_LIMIT
} from '../../../../src/lib/core/share/link';
import { makePack } from '../../../fixtures/pack-factory';

describe('base64url', () => {
	test('round-trips every length of bytes', () => {
		for (let n = 0; n < 40; n++) {
			const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
			const text = toBase64Url(bytes);
			expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
			expect(fromBase64Url(text)).toEqual(bytes);
		}
	});

	test('matches Node base64url', () => {
		const bytes = new TextEncoder().encode('Deckhand ✓ ships packs?>>');
		expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
	});

	test('refuses characters outside the alphabet', () => {
		expect(fromBase64Url('ab+c')).toBeNull();
		expect(fromBase64Url('a')).toBeNull();
	});
});

describe('share links', () => {
	test('a small pack goes into the fragment and comes back as the same envelope', async () => {
		const pack = makePack(12);
		const link = await createShareLink(pack, 'https://example.org/import');
		expect(link.ok).toBe(true);
		if (!link.ok) return;
		expect(link.value.url).toMatch(/^https:\/\/example\.org\/import#pack=1\.[A-Za-z0-9_-]+$/);
		const text = await decodeShareFragment(new URL(link.value.url).hash);
		expect(text.ok && JSON.parse(text.value)).toEqual(envelopeOf(pack));
	});

	test('a pack too large for a link says how many cards and sections to cut', async () => {
		const pack = makePack(4000, { sectionCount: 8 });
		const link = await createShareLink(pack, 'https://example.org/import');
		expect(link.ok).toBe(false);
		if (link.ok) return;
		const message = link.errors[0]?.message ?? '';
		expect(message).toMatch(/too large for a link/);
		const cut = Number(/Cut about (\d+) of its 4000 cards/.exec(message)?.[1]);
		expect(cut).toBeGreaterThan(0);
		expect(cut).toBeLessThan(4000);
		// The advice is honest: keeping the rest of the cards fits.
		const kept = await encodeShareFragment({ ...pack, cards: pack.cards.slice(0, 4000 - cut) });
		expect(kept.length).toBeLessThanOrEqual(SHARE_FRAGMENT_LIMIT);
	});

	test.each([
		['', 'does not carry a pack'],
		['#other=1', 'does not carry a pack'],
		['#pack=', 'does not carry a pack'],
		['#pack=2.AAAA', 'different version'],
		['#pack=nodot', 'different version'],
		['#pack=1.%%%%', 'damaged'],
		['#pack=1.AAAAAAAA', 'damaged'],
		['#pack=1.' + 'A'.repeat(SHARE_FRAGMENT_LIMIT + 100), 'longer than a share link']
	])('refuses %s with a plain message', async (hash, message) => {
		const r = await decodeShareFragment(hash);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]?.message).toContain(message);
	});

	test('a link that inflates past 20 MB is refused without inflating it all', async () => {
		const bomb = await deflateRaw(new Uint8Array(21 * 1024 * 1024));
		const fragment = `pack=1.${toBase64Url(bomb)}`;
		expect(fragment.length).toBeLessThan(SHARE_FRAGMENT_LIMIT);
		const r = await decodeShareFragment(fragment);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]?.message).toContain('more than 20 MB');
	});

	test('a link whose bytes are not text is refused', async () => {
		const bytes = await deflateRaw(Uint8Array.from([0xff, 0xfe, 0xc0, 0x80]));
		const r = await decodeShareFragment(`pack=1.${toBase64Url(bytes)}`);
		expect(r.ok).toBe(false);
	});
});

describe('fuzz', () => {
	test('the decoder never throws on arbitrary fragments (10,000 runs)', async () => {
		const b64 = fc.string({
			unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
			maxLength: 200
		});
		const fragments = fc.oneof(
			fc.string({ maxLength: 200 }),
			b64.map((s) => `#pack=1.${s}`),
			fc.uint8Array({ maxLength: 200 }).map((bytes) => `pack=1.${toBase64Url(bytes)}`)
		);
		await fc.assert(
			fc.asyncProperty(fragments, async (fragment) => {
				const r = await decodeShareFragment(fragment);
				expect(typeof r.ok).toBe('boolean');
			}),
			{ numRuns: 10_000 }
		);
	}, 120_000);
});
