/**
 * Parses unknown input (a pack file someone imports, the built-in JSON) into a PackEnvelope, or returns
 * every error with its JSON path and a plain message. Older format versions are upgraded first.
 */
import * as v from 'valibot';
import { fail, ok, type Issue, type Result } from '../result';
import { BAIL, compileFast } from './fast-schema';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack, type PackEnvelope } from './types';

const MAX_TEXT = 20_000;
const MAX_CARDS = 50_000;

const Text = v.pipe(v.string('must be text'), v.maxLength(MAX_TEXT, 'is too long'));
const NonEmpty = v.pipe(Text, v.trim(), v.minLength(1, 'must not be empty'));
const Id = v.pipe(
	v.string('must be text'),
	v.minLength(1, 'must not be empty'),
	v.maxLength(200, 'is too long (200 characters at most)'),
	v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'may only use letters, digits, dot, dash, colon and underscore')
);

const Source = v.object({
	section: Text,
	subsection: v.optional(Text),
	text: Text
});

const Correction = v.object({ guide: Text, current: Text, why: Text });

const base = {
	id: Id,
	sectionId: Id,
	source: Source,
	correction: v.optional(Correction),
	why: v.optional(Text),
	domain: v.optional(Id),
	objectives: v.optional(v.pipe(v.array(Id, 'must be a list of objective numbers'), v.maxLength(50))),
	fact: v.optional(Id)
};

const ReasonedOptions = v.pipe(
	v.array(
		v.object({ text: NonEmpty, correct: v.boolean('must be true or false'), why: v.optional(Text) }),
		'must be a list of options'
	),
	v.minLength(2, 'needs at least two options'),
	v.maxLength(12, 'has too many options (12 at most)')
);

const Options = v.pipe(
	v.array(NonEmpty, 'must be a list of options'),
	v.minLength(2, 'needs at least two options'),
	v.maxLength(12, 'has too many options (12 at most)')
);

const correctCount = (options: readonly { correct: boolean }[]) => options.filter((o) => o.correct).length;

const Card = v.variant(
	'kind',
	[
		v.object({ ...base, kind: v.literal('flashcard'), front: NonEmpty, back: NonEmpty }),
		v.pipe(
			v.object({
				...base,
				kind: v.literal('mcq'),
				stem: NonEmpty,
				options: Options,
				answer: v.pipe(v.number(), v.integer(), v.minValue(0)),
				reasons: v.optional(v.pipe(v.array(Text), v.maxLength(12)))
			}),
			v.check((c) => c.answer < c.options.length, 'answer must point at one of the options'),
			v.check(
				(c) => !c.reasons || c.reasons.length === c.options.length,
				'reasons must give one reason per option'
			)
		),
		v.object({
			...base,
			kind: v.literal('truefalse'),
			statement: NonEmpty,
			answer: v.boolean('must be true or false'),
			explanation: Text
		}),
		v.object({ ...base, kind: v.literal('cloze'), before: Text, after: Text, answer: NonEmpty }),
		v.pipe(
			v.object({
				...base,
				kind: v.literal('domc'),
				stem: NonEmpty,
				options: ReasonedOptions
			}),
			v.check((c) => c.options.some((o) => o.correct), 'needs at least one correct option')
		),
		v.object({
			...base,
			kind: v.literal('command-fill'),
			prompt: NonEmpty,
			before: Text,
			after: Text,
			answer: NonEmpty,
			command: NonEmpty
		}),
		v.object({ ...base, kind: v.literal('command-type'), prompt: NonEmpty, answer: NonEmpty }),
		v.object({
			...base,
			kind: v.literal('command-order'),
			prompt: NonEmpty,
			tokens: v.pipe(v.array(NonEmpty), v.minLength(2, 'needs at least two tokens'), v.maxLength(60)),
			distractors: v.pipe(v.array(NonEmpty), v.maxLength(10))
		}),
		v.object({
			...base,
			kind: v.literal('config-fill'),
			prompt: NonEmpty,
			language: v.picklist(['yaml', 'compose', 'dockerfile'], 'must be yaml, compose or dockerfile'),
			before: Text,
			after: Text,
			answer: NonEmpty
		}),
		v.pipe(
			v.object({
				...base,
				kind: v.literal('scenario'),
				situation: NonEmpty,
				question: NonEmpty,
				options: ReasonedOptions
			}),
			v.check((c) => correctCount(c.options) === 1, 'needs exactly one correct option')
		),
		v.pipe(
			v.object({ ...base, kind: v.literal('multi-select'), stem: NonEmpty, options: ReasonedOptions }),
			v.check((c) => correctCount(c.options) >= 2, 'needs at least two correct options'),
			v.check((c) => correctCount(c.options) < c.options.length, 'needs at least one wrong option')
		),
		v.object({
			...base,
			kind: v.literal('command-sequence'),
			task: NonEmpty,
			steps: v.pipe(
				v.array(v.object({ prompt: NonEmpty, answer: NonEmpty }), 'must be a list of steps'),
				v.minLength(2, 'needs at least two steps'),
				v.maxLength(20, 'has too many steps (20 at most)')
			)
		}),
		v.pipe(
			v.object({
				...base,
				kind: v.literal('read-output'),
				command: NonEmpty,
				output: NonEmpty,
				question: NonEmpty,
				options: ReasonedOptions
			}),
			v.check((c) => correctCount(c.options) >= 1, 'needs at least one correct option')
		)
	],
	'must have a known kind (flashcard, mcq, truefalse, cloze, domc, command-fill, command-type, command-order, config-fill, scenario, multi-select, command-sequence, read-output)'
);

const Section = v.object({
	id: Id,
	title: NonEmpty,
	order: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more')),
	domain: v.optional(Id),
	subsections: v.pipe(v.array(Text), v.maxLength(500))
});

const PackSchema = v.pipe(
	v.object({
		id: Id,
		version: v.pipe(
			v.number('must be a number'),
			v.integer('must be a whole number'),
			v.minValue(1, 'must be 1 or more')
		),
		title: NonEmpty,
		description: Text,
		author: Text,
		license: Text,
		createdAt: v.pipe(v.string('must be text'), v.isoTimestamp('must be an ISO 8601 date and time')),
		sections: v.pipe(v.array(Section, 'must be a list'), v.maxLength(1000, 'has too many sections')),
		cards: v.pipe(v.array(Card, 'must be a list'), v.maxLength(MAX_CARDS, 'has too many cards'))
	}),
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const sections = new Set(dataset.value.sections.map((s) => s.id));
		const ids = new Set<string>();
		dataset.value.cards.forEach((c, i) => {
			if (ids.has(c.id))
				addIssue({ message: `card id "${c.id}" is used twice`, path: pathTo(dataset.value, i, 'id') });
			ids.add(c.id);
			if (!sections.has(c.sectionId))
				addIssue({
					message: `section "${c.sectionId}" does not exist`,
					path: pathTo(dataset.value, i, 'sectionId')
				});
		});
	})
);

// valibot wants path items for issues added in rawCheck; build them by hand.
function pathTo(
	pack: unknown,
	index: number,
	key: string
): [v.ObjectPathItem, v.ArrayPathItem, v.ObjectPathItem] {
	const cards = (pack as { cards: unknown[] }).cards;
	return [
		{ type: 'object', origin: 'value', input: pack as Record<string, unknown>, key: 'cards', value: cards },
		{ type: 'array', origin: 'value', input: cards, key: index, value: cards[index] },
		{
			type: 'object',
			origin: 'value',
			input: cards[index] as Record<string, unknown>,
			key,
			value: (cards[index] as Record<string, unknown>)[key]
		}
	];
}

export const EnvelopeSchema = v.object({
	format: v.literal(PACK_FORMAT, `must be "${PACK_FORMAT}"`),
	formatVersion: v.literal(PACK_FORMAT_VERSION),
	pack: PackSchema
});

// Valid input takes the fast path (same output, no bookkeeping); anything it cannot vouch for, valibot.
const fastEnvelope = compileFast(EnvelopeSchema);

/** Upgrades, one step at a time, from older format versions to the current one. */
const UPGRADES: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
	// Version 0 (before the envelope's pack key): { format, formatVersion: 0, id, title, ..., cards }, with
	// `version` as a string such as "3" and cards carrying `section` (a title) instead of `sectionId`.
	0: (old) => {
		const { format, formatVersion: _fv, ...flat } = old;
		const sections = Array.isArray(flat.sections) ? (flat.sections as Record<string, unknown>[]) : [];
		const idByTitle = new Map(sections.map((s) => [s.title, s.id]));
		const cards = Array.isArray(flat.cards)
			? (flat.cards as unknown[]).map((c) => {
					if (!c || typeof c !== 'object') return c;
					const { section, ...rest } = c as Record<string, unknown>;
					return 'sectionId' in rest ? rest : { ...rest, sectionId: idByTitle.get(section) ?? section };
				})
			: flat.cards;
		const version = typeof flat.version === 'string' ? Number(flat.version) : flat.version;
		return { format, formatVersion: 1, pack: { ...flat, version, cards } };
	},
	// Version 1 → 2 only added optional fields and kinds: a version 1 pack is a valid version 2 pack.
	1: (old) => ({ ...old, formatVersion: 2 })
};

function describe(input: unknown): string {
	if (input === null) return 'null';
	if (Array.isArray(input)) return 'a list';
	return typeof input === 'string' ? 'text' : typeof input;
}

/** Brings an older envelope up to the current format version, or says why it cannot. */
export function upgradeEnvelope(input: unknown): Result<unknown> {
	if (!input || typeof input !== 'object' || Array.isArray(input))
		return fail([{ path: '', message: `a pack file must be a JSON object, not ${describe(input)}` }]);
	let env = input as Record<string, unknown>;
	if (env.format !== PACK_FORMAT)
		return fail([
			{ path: 'format', message: `this is not a Deckhand pack (format must be "${PACK_FORMAT}")` }
		]);
	const declared = env.formatVersion;
	if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0)
		return fail([{ path: 'formatVersion', message: 'must be a whole number' }]);
	if (declared > PACK_FORMAT_VERSION)
		return fail([
			{
				path: 'formatVersion',
				message: `this pack needs a newer Deckhand (format ${declared}; this app reads up to ${PACK_FORMAT_VERSION})`
			}
		]);
	let version: number = declared;
	while (version < PACK_FORMAT_VERSION) {
		const step = UPGRADES[version];
		if (!step) return fail([{ path: 'formatVersion', message: `format ${version} is not supported` }]);
		env = step(env);
		version = env.formatVersion as number;
	}
	return ok(env);
}

/** Parses unknown input into a pack envelope, upgrading older formats; every error has a path. */
export function parsePackEnvelope(input: unknown): Result<PackEnvelope> {
	const up = upgradeEnvelope(input);
	if (!up.ok) return up;
	const fast = fastEnvelope(up.value);
	if (fast !== BAIL) return ok(fast as PackEnvelope);
	const r = v.safeParse(EnvelopeSchema, up.value, { abortEarly: false });
	if (r.success) return ok(r.output as unknown as PackEnvelope);
	const errors: Issue[] = r.issues.slice(0, 200).map((i) => ({
		path: v.getDotPath(i) ?? '',
		message: i.message
	}));
	if (r.issues.length > 200) errors.push({ path: '', message: `…and ${r.issues.length - 200} more errors` });
	return fail(errors);
}

/** Parses unknown input into a pack (the envelope's content). */
export function parsePack(input: unknown): Result<Pack> {
	const r = parsePackEnvelope(input);
	return r.ok ? ok(r.value.pack) : r;
}

/** Wraps a pack in the current envelope. */
export function toEnvelope(pack: Pack): PackEnvelope {
	return { format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, pack };
}

/** The canonical file text of a pack: tab-indented JSON with a final newline, byte-identical on re-run. */
export function serializePack(pack: Pack): string {
	return `${JSON.stringify(toEnvelope(pack), null, '\t')}\n`;
}
