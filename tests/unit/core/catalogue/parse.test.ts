import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CATALOGUE_BYTES, parseCatalogue, parseCatalogueFile } from '$lib/core/catalogue/parse';
import { buildCatalogue, serializeCatalogue } from '$lib/core/catalogue/build';
import type { CatalogueEntry } from '$lib/core/catalogue/types';

const entry = (over: Partial<CatalogueEntry> = {}): CatalogueEntry => ({
	id: 'team-net',
	version: 3,
	title: 'Team networking',
	description: 'Our networks.',
	cards: 12,
	kinds: { flashcard: 8, mcq: 4 },
	size: 4096,
	sha256: 'a'.repeat(64),
	file: 'packs/team-net.deckhand.json',
	...over
});
const catalogue = (packs: unknown[] = [entry()], over: Record<string, unknown> = {}) => ({
	format: 'deckhand-catalogue',
	formatVersion: 1,
	title: 'Team packs',
	packs,
	...over
});
const bytes = (x: unknown) => new TextEncoder().encode(typeof x === 'string' ? x : JSON.stringify(x));

describe('parseCatalogue', () => {
	it('reads a published catalogue back exactly', () => {
		const c = buildCatalogue('Team packs', [entry({ id: 'b' }), entry({ id: 'a', file: 'packs/a.json' })]);
		const r = parseCatalogueFile(bytes(serializeCatalogue(c)));
		expect(r).toEqual({ ok: true, value: c });
		expect(c.packs.map((p) => p.id)).toEqual(['a', 'b']);
	});

	it.each([
		['not an object', [], '', 'expected a JSON object'],
		['another format', { format: 'deckhand-pack' }, 'format', 'must be "deckhand-catalogue"'],
		['a newer format', catalogue([], { formatVersion: 2 }), 'formatVersion', 'newer than this app reads'],
		['a missing title', catalogue([], { title: undefined }), 'title', ''],
		['a bad version', catalogue([entry({ version: 1.5 })]), 'packs.0.version', 'whole number'],
		['a bad hash', catalogue([entry({ sha256: 'XYZ' })]), 'packs.0.sha256', '64 lowercase hex'],
		[
			'a file on another site',
			catalogue([entry({ file: 'https://evil.example/x.json' })]),
			'packs.0.file',
			'beside the catalogue'
		],
		['a file outside the folder', catalogue([entry({ file: '../x.json' })]), 'packs.0.file', 'no ".."'],
		['an absolute file', catalogue([entry({ file: '/x.json' })]), 'packs.0.file', 'beside the catalogue'],
		[
			'a pack over 20 MB',
			catalogue([entry({ size: 21 * 1024 * 1024 })]),
			'packs.0.size',
			'larger than a pack file'
		],
		['a pack id twice', catalogue([entry(), entry({ file: 'other.json' })]), 'packs.1.id', 'listed twice'],
		['a file twice', catalogue([entry(), entry({ id: 'other' })]), 'packs.1.file', 'listed twice'],
		[
			'too many packs',
			catalogue(Array.from({ length: 1001 }, (_, i) => entry({ id: `p${i}` }))),
			'packs',
			'at most 1000'
		]
	])('refuses %s, naming the field', (_, input, path, message) => {
		const r = parseCatalogue(input);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors[0]?.path).toBe(path);
			expect(r.errors[0]?.message).toContain(message);
		}
	});

	it('refuses a file over 1 MB before reading it, and text that is not JSON', () => {
		const big = parseCatalogueFile(new Uint8Array(MAX_CATALOGUE_BYTES + 1));
		expect(big.ok || big.errors[0]?.message).toMatch(/at most 1\.0 MB/);
		const cut = parseCatalogueFile(bytes('{"format": "deckhand-cat'));
		expect(cut.ok || cut.errors[0]?.message).toMatch(/not valid JSON/);
		const binary = parseCatalogueFile(new Uint8Array([0xff, 0xfe, 0x00]));
		expect(binary.ok || binary.errors[0]?.message).toMatch(/not text/);
	});

	it('keeps "__proto__" a plain kind name, never a prototype', () => {
		const r = parseCatalogueFile(
			bytes(
				'{"format":"deckhand-catalogue","formatVersion":1,"title":"T","packs":[' +
					JSON.stringify(entry()).replace('"kinds":{', '"kinds":{"__proto__":{"polluted":1},') +
					']}'
			)
		);
		// Either refused (a count must be a number) or read as data; never a changed prototype.
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		if (r.ok) expect(Object.getPrototypeOf(r.value.packs[0]!.kinds)).toBe(null);
	});

	it('never throws and always names a path, whatever the JSON', () => {
		fc.assert(
			fc.property(fc.jsonValue(), fc.jsonValue(), (packs, title) => {
				const r = parseCatalogue(catalogue(Array.isArray(packs) ? packs : [packs], { title }));
				if (!r.ok) for (const e of r.errors) expect(typeof e.path).toBe('string');
			}),
			{ numRuns: 300 }
		);
	});
});
