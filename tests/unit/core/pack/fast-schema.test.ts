import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BAIL, compileFast } from '$lib/core/pack/fast-schema';
import { EnvelopeSchema, parsePackEnvelope } from '$lib/core/pack/parse';

const fast = compileFast(EnvelopeSchema);
const slow = (input: unknown) => v.safeParse(EnvelopeSchema, input, { abortEarly: false });

/** The fast path agrees with valibot: the same output, key order included, exactly when valibot accepts. */
function agree(input: unknown): void {
	const f = fast(input);
	const s = slow(input);
	if (s.success) {
		expect(f).not.toBe(BAIL);
		expect(isDeepStrictEqual(f, s.output)).toBe(true);
		expect(JSON.stringify(f)).toBe(JSON.stringify(s.output));
	} else {
		expect(f).toBe(BAIL);
	}
}

const builtIn = (name: string) => JSON.parse(readFileSync(`questions/${name}.pack.json`, 'utf8'));

// A small pack with one card of every kind the built-in packs use, to mutate.
function sample(): Record<string, unknown> {
	const dca = builtIn('dca');
	const guide = builtIn('docker-guide');
	const byKind = new Map<string, unknown>();
	for (const c of [...dca.pack.cards, ...guide.pack.cards]) if (!byKind.has(c.kind)) byKind.set(c.kind, c);
	const cards = [...byKind.values()].map((c) => ({ ...(c as object), sectionId: 's1' }));
	return {
		...dca,
		pack: {
			...dca.pack,
			sections: [{ ...dca.pack.sections[0], id: 's1' }],
			cards
		}
	};
}

type Json = unknown;
/** Every path to a value in a JSON tree. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
	const here = [at];
	if (Array.isArray(value)) return here.concat(value.flatMap((x, i) => paths(x, [...at, i])));
	if (value && typeof value === 'object')
		return here.concat(Object.entries(value).flatMap(([k, x]) => paths(x, [...at, k])));
	return here;
}
function replaced(root: Json, path: (string | number)[], make: (old: Json) => Json | typeof REMOVE): Json {
	if (path.length === 0) {
		const x = make(root);
		return x === REMOVE ? undefined : x;
	}
	const [head, ...rest] = path;
	const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, Json>;
	const next = replaced(copy[head!], rest, make);
	if (rest.length === 0 && make(copy[head!]) === REMOVE) {
		if (Array.isArray(copy)) copy.splice(head as number, 1);
		else delete copy[head!];
	} else copy[head!] = next;
	return copy;
}
const REMOVE = Symbol('remove');

describe('the fast path of the pack schema', () => {
	it('gives valibot’s output, key order included, for both built-in packs', () => {
		for (const name of ['dca', 'docker-guide']) agree(builtIn(name));
	});

	it('is what parsePackEnvelope returns for a valid pack, and valibot’s errors for an invalid one', () => {
		const env = builtIn('docker-guide');
		const r = parsePackEnvelope(env);
		expect(r.ok).toBe(true);
		const bad = structuredClone(env);
		bad.pack.cards[3].front = '   ';
		const e = parsePackEnvelope(bad);
		expect(e.ok).toBe(false);
		if (!e.ok) expect(e.errors).toContainEqual({ path: 'pack.cards.3.front', message: 'must not be empty' });
	});

	it('agrees with valibot on packs with one value replaced, removed or padded, anywhere', () => {
		const base = sample();
		agree(base);
		const all = paths(base);
		const edit = fc.oneof(
			fc.jsonValue().map((x) => () => x as Json),
			fc.constant(() => REMOVE as Json | typeof REMOVE),
			fc.constant((old: Json) => (typeof old === 'string' ? ` ${old} ` : old)),
			fc.constant((old: Json) => (typeof old === 'string' ? '' : old)),
			// Just past the limits: 200 characters for an id, 20,000 for a text.
			fc.constant((old: Json) => (typeof old === 'string' ? old.padEnd(201, 'x') : old)),
			fc.constant((old: Json) => (typeof old === 'string' ? old.padEnd(20_001, 'x') : old)),
			fc.constant((old: Json) => (typeof old === 'string' ? `${old}!` : old)),
			fc.constant((old: Json) => (typeof old === 'number' ? old + 0.5 : old)),
			fc.constant((old: Json) => (typeof old === 'boolean' ? !old : old)),
			fc.constant((old: Json) => (Array.isArray(old) ? [...old, ...old] : old)),
			fc.constant((old: Json) => (Array.isArray(old) ? old.slice(1) : old))
		);
		fc.assert(
			fc.property(fc.nat({ max: all.length - 1 }), edit, (i, make) => {
				agree(replaced(base, all[i]!, make));
			}),
			{ numRuns: 1500 }
		);
	});
});
