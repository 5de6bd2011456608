import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePack, parsePackEnvelope, serializePack, upgradeEnvelope } from '$lib/core/pack/parse';
import type { Pack } from '$lib/core/pack/types';

const pack = (over: Partial<Record<string, unknown>> = {}) => ({
	id: 'p1',
	version: 2,
	title: 'P',
	description: '',
	author: 'A',
	license: 'MIT',
	createdAt: '2026-01-01T00:00:00.000Z',
	sections: [{ id: 's1', title: 'Networks', order: 1, domain: 'networking', subsections: ['Bridge'] }],
	cards: [
		{
			id: 'c1',
			kind: 'flashcard',
			sectionId: 's1',
			front: 'What is a bridge?',
			back: 'The default driver.',
			source: { section: 'Networks', subsection: 'Bridge', text: 'Bridge: the default driver' }
		},
		{
			id: 'c2',
			kind: 'mcq',
			sectionId: 's1',
			stem: 'Which?',
			options: ['a', 'b', 'c', 'd'],
			answer: 2,
			source: { section: 'Networks', text: 'x' },
			correction: { guide: 'old', current: 'new', why: 'because' }
		}
	],
	...over
});
const env = (p: unknown = pack()) => ({ format: 'deckhand-pack', formatVersion: 1, pack: p });

describe('parsePack', { timeout: 60_000 }, () => {
	it('accepts a valid envelope and returns the pack', () => {
		const r = parsePack(env());
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.value.cards).toHaveLength(2);
	});

	it('round-trips through serializePack', () => {
		const r = parsePack(env());
		if (!r.ok) throw new Error('invalid');
		expect(parsePack(JSON.parse(serializePack(r.value)))).toEqual(r);
	});

	it('returns every error with its JSON path and a plain message', () => {
		const bad = pack({ version: 0, title: '' });
		(bad.cards as Record<string, unknown>[])[1]!.answer = 7;
		(bad.cards as Record<string, unknown>[])[0]!.kind = 'essay';
		const r = parsePackEnvelope(env(bad));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		const paths = r.errors.map((e) => e.path);
		expect(paths).toEqual(
			expect.arrayContaining(['pack.version', 'pack.title', 'pack.cards.0.kind', 'pack.cards.1'])
		);
		expect(r.errors.find((e) => e.path === 'pack.cards.1')?.message).toBe(
			'answer must point at one of the options'
		);
		expect(r.errors.find((e) => e.path === 'pack.version')?.message).toBe('must be 1 or more');
	});

	it('finds duplicate card ids and cards of unknown sections', () => {
		const bad = pack();
		const cards = bad.cards as Record<string, unknown>[];
		cards[1]!.id = 'c1';
		cards[1]!.sectionId = 'nope';
		const r = parsePackEnvelope(env(bad));
		expect(!r.ok && r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
			'pack.cards.1.id: card id "c1" is used twice',
			'pack.cards.1.sectionId: section "nope" does not exist'
		]);
	});

	it('refuses what is not a pack, and packs from a newer app, in plain words', () => {
		expect(parsePack(null)).toEqual({
			ok: false,
			errors: [{ path: '', message: 'a pack file must be a JSON object, not null' }]
		});
		expect(parsePack([1])).toMatchObject({
			ok: false,
			errors: [{ message: 'a pack file must be a JSON object, not a list' }]
		});
		expect(parsePack({ format: 'other' })).toMatchObject({ ok: false, errors: [{ path: 'format' }] });
		const newer = parsePack({ ...env(), formatVersion: 9 });
		expect(!newer.ok && newer.errors[0]!.message).toContain('needs a newer Deckhand');
	});

	it('reads a format 1 file as it is, and format 2 fields (reasons, exam tags, fact) when present', () => {
		const one = parsePackEnvelope(env());
		expect(one.ok && one.value.formatVersion).toBe(2);
		const mcq = {
			id: 'q1',
			sectionId: 's1',
			kind: 'mcq',
			stem: 'Which driver?',
			options: ['bridge', 'host'],
			answer: 0,
			reasons: ['Yes: the default.', 'No: shares the host stack.'],
			why: 'bridge is the default.',
			domain: 'networking',
			objectives: ['4.2'],
			fact: 'f-1',
			source: { section: 'Networks', text: 't' }
		};
		const p = pack() as { cards: unknown[] };
		const two = parsePack({ format: 'deckhand-pack', formatVersion: 2, pack: { ...p, cards: [mcq] } });
		expect(two.ok && two.value.cards[0]).toMatchObject({ reasons: mcq.reasons, objectives: ['4.2'] });
		const bad = parsePack({
			format: 'deckhand-pack',
			formatVersion: 2,
			pack: { ...p, cards: [{ ...mcq, reasons: ['only one'] }] }
		});
		expect(!bad.ok && bad.errors[0]!.message).toBe('reasons must give one reason per option');
	});

	it('upgrades a version 0 file (flat, string version, cards naming their section by title)', () => {
		const v0 = {
			format: 'deckhand-pack',
			formatVersion: 0,
			...pack({ version: '3' }),
			cards: [
				{
					id: 'c1',
					kind: 'flashcard',
					section: 'Networks',
					front: 'F?',
					back: 'B',
					source: { section: 'Networks', text: 't' }
				}
			]
		};
		const up = upgradeEnvelope(v0);
		expect(up.ok && (up.value as { formatVersion: number }).formatVersion).toBe(2);
		const r = parsePack(v0);
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(r.value.version).toBe(3);
			expect(r.value.cards[0]!.sectionId).toBe('s1');
		}
	});

	it('never throws on hostile input, and whatever it accepts is a well-formed pack', () => {
		fc.assert(
			fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (input) => {
				const r = parsePack(input);
				expect(typeof r.ok).toBe('boolean');
			}),
			{ numRuns: 300 }
		);
		fc.assert(
			fc.property(
				fc.record({
					version: fc.anything(),
					title: fc.anything(),
					cards: fc.array(fc.anything(), { maxLength: 3 })
				}),
				(over) => {
					const r = parsePack(env(pack(over)));
					if (r.ok) {
						const p: Pack = r.value;
						expect(Number.isInteger(p.version) && p.version >= 1).toBe(true);
						expect(p.title.trim()).not.toBe('');
					} else expect(r.errors.every((e) => typeof e.path === 'string' && e.message.length > 0)).toBe(true);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('rejects prototype-polluting keys without polluting anything', () => {
		const text = '{"format":"deckhand-pack","formatVersion":1,"pack":{"__proto__":{"polluted":true}}}';
		const r = parsePack(JSON.parse(text));
		expect(r.ok).toBe(false);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
