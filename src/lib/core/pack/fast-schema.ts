/**
 * A fast path for valid input through a valibot schema. `compileFast(schema)` gives a function that
 * returns exactly the output valibot's `safeParse` gives for input that passes, and `BAIL` as soon as
 * anything is wrong or unusual; the caller then runs valibot itself, which finds every error and words
 * it. So the schema stays the one place the rules are written, the errors stay valibot's, and a valid
 * pack (nearly every import) is checked without valibot's per-value bookkeeping: at 20,000 cards that
 * bookkeeping was most of the time of reading a pack file.
 *
 * The schema kinds a pack uses (object, array, variant, optional, string, number, boolean, literal,
 * picklist and their pipes) run here; any other schema, and any action without a fast form, runs
 * through valibot's own `~run`, so an unknown construct is slower, never different.
 */
import type { GenericSchema } from 'valibot';

/** Returned when the fast path cannot vouch for the input: parse it with valibot instead. */
export const BAIL: unique symbol = Symbol('bail');

export type FastRun = (input: unknown) => unknown;

// valibot's schema and action objects, as far as the fast path reads them.
interface Node {
	kind: 'schema' | 'validation' | 'transformation' | 'metadata';
	type: string;
	async?: boolean;
	pipe?: Node[];
	entries?: Record<string, Node>;
	item?: Node;
	wrapped?: Node;
	options?: unknown[];
	key?: string;
	literal?: unknown;
	requirement?: unknown;
	default?: unknown;
	fallback?: unknown;
	'~run': (
		dataset: { value: unknown; typed?: boolean; issues?: unknown },
		config: object
	) => {
		value: unknown;
		typed?: boolean;
		issues?: unknown;
	};
}

const sameValueZero = (a: unknown, b: unknown) => a === b || (a !== a && b !== b);

/** Runs a schema or action through valibot itself: its output, or BAIL on any issue. */
function generic(node: Node, typed: boolean): FastRun {
	return (value) => {
		const out = node['~run'](typed ? { value, typed: true } : { value }, {});
		return out.issues || out.typed === false ? BAIL : out.value;
	};
}

const OPTIONAL = new Set(['optional', 'exact_optional', 'nullish']);

/** An action of a pipe, after its schema passed. */
function compileStep(step: Node): FastRun {
	if (step.kind === 'schema') return compileFast(step as unknown as GenericSchema);
	const req = step.requirement;
	switch (step.type) {
		case 'max_length':
			return (v) => ((v as string).length > (req as number) ? BAIL : v);
		case 'min_length':
			return (v) => ((v as string).length < (req as number) ? BAIL : v);
		case 'min_value':
			return typeof req === 'number' ? (v) => (!((v as number) >= req) ? BAIL : v) : generic(step, true);
		case 'regex':
		case 'iso_timestamp':
			return req instanceof RegExp ? (v) => (req.test(v as string) ? v : BAIL) : generic(step, true);
		case 'integer':
		case 'check':
			return typeof req === 'function' ? (v) => (req(v) ? v : BAIL) : generic(step, true);
		case 'trim':
			return (v) => (v as string).trim();
		default:
			return generic(step, true);
	}
}

/** The fast path of a valibot schema (see the module comment). */
export function compileFast(schema: GenericSchema): FastRun {
	const node = schema as unknown as Node;
	if (node.async) return generic(node, false);
	if (node.pipe) {
		const [head, ...rest] = node.pipe;
		const first = compileFast(head as unknown as GenericSchema);
		const steps = rest.filter((s) => s.kind !== 'metadata').map(compileStep);
		return (input) => {
			let value = first(input);
			for (let i = 0; i < steps.length && value !== BAIL; i++) value = steps[i]!(value);
			return value;
		};
	}
	switch (node.type) {
		case 'string':
			return (v) => (typeof v === 'string' ? v : BAIL);
		case 'number':
			return (v) => (typeof v === 'number' && !Number.isNaN(v) ? v : BAIL);
		case 'boolean':
			return (v) => (typeof v === 'boolean' ? v : BAIL);
		case 'literal': {
			const literal = node.literal;
			return (v) => (sameValueZero(v, literal) ? v : BAIL);
		}
		case 'picklist': {
			const options = node.options!;
			return (v) => (options.includes(v) ? v : BAIL);
		}
		case 'optional': {
			if (node.default !== undefined) return generic(node, false);
			const wrapped = compileFast(node.wrapped as unknown as GenericSchema);
			return (v) => (v === undefined ? v : wrapped(v));
		}
		case 'array': {
			const item = compileFast(node.item as unknown as GenericSchema);
			return (v) => {
				if (!Array.isArray(v)) return BAIL;
				const out = new Array<unknown>(v.length);
				for (let i = 0; i < v.length; i++) {
					const x = item(v[i]);
					if (x === BAIL) return BAIL;
					out[i] = x;
				}
				return out;
			};
		}
		case 'object':
			return compileObject(node);
		case 'variant':
			return compileVariant(node);
		default:
			return generic(node, false);
	}
}

function compileObject(node: Node): FastRun {
	const entries = Object.entries(node.entries!).map(([key, s]) => ({
		key,
		optional: OPTIONAL.has(s.type),
		odd: s.default !== undefined || s.fallback !== undefined,
		run: compileFast(s as unknown as GenericSchema)
	}));
	// Defaults and fallbacks fill in absent keys: valibot handles such an object.
	if (entries.some((e) => e.odd)) return generic(node, false);
	return (input) => {
		if (!input || typeof input !== 'object') return BAIL;
		const obj = input as Record<string, unknown>;
		const out: Record<string, unknown> = {};
		for (const e of entries) {
			if (e.key in obj) {
				const x = e.run(obj[e.key]);
				if (x === BAIL) return BAIL;
				out[e.key] = x;
			} else if (!e.optional) return BAIL;
		}
		return out;
	};
}

/** A variant whose options are objects told apart by a literal: the first option whose literal matches. */
function compileVariant(node: Node): FastRun {
	const key = node.key!;
	const options = node.options as Node[];
	const plain = options.every((o) => o.type === 'object' && o.entries?.[key]?.type === 'literal');
	if (!plain) return generic(node, false);
	const compiled = options.map((o) => ({ literal: o.entries![key]!.literal, run: compileFast(o as never) }));
	return (input) => {
		if (!input || typeof input !== 'object' || !(key in input)) return BAIL;
		const tag = (input as Record<string, unknown>)[key];
		for (const o of compiled) if (sameValueZero(tag, o.literal)) return o.run(input);
		return BAIL;
	};
}
