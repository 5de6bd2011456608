import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_PACK_CARDS, parsePackFile } from '../../../../src/lib/core/pack/file';
import {
	HOSTILE_CASES,
	overTwentyMegabytes,
	readHostile,
	tooManyCards
} from '../../../fixtures/hostile/corpus';
import { makePack } from '../../../fixtures/pack-factory';
import { parsePack as parse } from '../../../../src/lib/core/pack/parse';

const envelope = (pack: unknown) => JSON.stringify({ format: 'deckhand-pack', formatVersion: 1, pack });

describe('parsePackFile', () => {
	test('reads a pack from text and from bytes, with or without a byte-order mark', () => {
		const pack = makePack(3);
		const text = envelope(pack);
		expect(parsePackFile(text, parse)).toEqual({ ok: true, value: pack });
		expect(parsePackFile(new TextEncoder().encode('\ufeff' + text), parse)).toEqual({
			ok: true,
			value: pack
		});
	});

	test('refuses a file over 20 MB before reading it as JSON', () => {
		let parsed = false;
		const r = parsePackFile(overTwentyMegabytes(), (v) => ((parsed = true), parse(v)));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]).toEqual({ path: 'file', message: expect.stringMatching(/20\.0 MB/) });
		expect(parsed).toBe(false);
	});

	test('counts the size in UTF-8 bytes, not characters', () => {
		// 7 million three-byte characters are 21 MB although the string is 7 million long.
		const r = parsePackFile('€'.repeat(7_000_000), parse);
		expect(r.ok === false && r.errors[0]?.message).toMatch(/at most 20\.0 MB/);
	});

	test(`refuses more than ${MAX_PACK_CARDS} cards before the schema walks them`, () => {
		let parsed = false;
		const r = parsePackFile(tooManyCards(), (v) => ((parsed = true), parse(v)));
		expect(r.ok === false && r.errors[0]).toEqual({
			path: 'pack.cards',
			message: expect.stringMatching(/50001 cards.*at most 50,000/)
		});
		expect(parsed).toBe(false);
	});

	test('refuses bytes that are not UTF-8 text', () => {
		const r = parsePackFile(Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]), parse);
		expect(r.ok === false && r.errors[0]?.message).toMatch(/not text/);
	});

	test('refuses a section that is not in the pack', () => {
		const pack = makePack(2);
		const r = parsePackFile(envelope({ ...pack, sections: pack.sections.slice(1) }), parse);
		expect(r.ok === false && r.errors[0]?.path).toBe('pack.cards.0.sectionId');
	});

	test('a schema that throws is still a refusal, never a crash', () => {
		const r = parsePackFile(envelope(makePack(1)), () => {
			throw new Error('boom');
		});
		expect(r.ok === false && r.errors[0]?.message).toMatch(/could not be read \(boom\)/);
	});
});

describe('the hostile corpus', () => {
	for (const c of HOSTILE_CASES) {
		test(`${c.file}: ${c.refused ? 'refused' : 'accepted as plain data'}`, () => {
			const r = parsePackFile(readHostile(c.file), parse);
			if (c.refused) {
				expect(r.ok === false && r.errors.map((e) => e.message).join(' ')).toMatch(c.refused);
			} else {
				expect(r.ok).toBe(true);
			}
		});
	}

	test('prototype keys do nothing: they are dropped and no prototype is touched', () => {
		const r = parsePackFile(readHostile('proto-keys.deckhand.json'), parse);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const pack = r.value as unknown as Record<string, unknown>;
		expect(Object.prototype.hasOwnProperty.call(pack, '__proto__')).toBe(false);
		expect(Object.getPrototypeOf(pack)).toBe(Object.prototype);
		expect(Object.getPrototypeOf(r.value.cards[0])).toBe(Object.prototype);
		for (const value of [pack, r.value.cards[0], r.value.sections[0]]) {
			expect(Object.keys(value ?? {})).not.toContain('__proto__');
			expect(Object.keys(value ?? {})).not.toContain('constructor');
		}
		expect(r.value.cards[0]?.kind).toBe('flashcard');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('fuzz', () => {
	test('never throws on arbitrary text, bytes or JSON (10,000 runs)', () => {
		const inputs = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 300 }),
			fc.uint8Array({ maxLength: 300 }),
			fc.json().map((j) => j),
			fc.anything({ withObjectString: true, withNullPrototype: true }).map((pack) => envelope(pack) ?? ''),
			fc.jsonValue().map((value) => envelope({ ...makePack(2), cards: [value, ...makePack(2).cards] }))
		);
		fc.assert(
			fc.property(inputs, (input) => {
				const r = parsePackFile(input, parse);
				expect(typeof r.ok).toBe('boolean');
			}),
			{ numRuns: 10_000 }
		);
	}, 120_000);
});
