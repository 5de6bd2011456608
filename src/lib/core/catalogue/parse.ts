/**
 * Reading an untrusted catalogue (`index.json`): size limit first, then text and JSON, then the format
 * and its version, then the schema, then ids and file names. Every failure is a plain message with the
 * field's path. A catalogue is as untrusted as a pack: it only ever names files beside itself.
 */
import * as v from 'valibot';
import { fail, ok, type Issue, type Result } from '../result';
import { MAX_PACK_FILE_BYTES } from '../pack/file';
import { CATALOGUE_FORMAT, CATALOGUE_FORMAT_VERSION, type Catalogue } from './types';

/** A catalogue file larger than this is refused before it is read as JSON (1,000 packs take ~0.5 MB). */
export const MAX_CATALOGUE_BYTES = 1024 * 1024;
/** The most packs one catalogue may list. */
export const MAX_CATALOGUE_PACKS = 1000;

const Text = (max: number) =>
	v.pipe(v.string('must be text'), v.maxLength(max, `is too long (${max} characters at most)`));
const NonEmpty = (max: number) => v.pipe(Text(max), v.trim(), v.minLength(1, 'must not be empty'));
const Count = v.pipe(
	v.number('must be a number'),
	v.integer('must be a whole number'),
	v.minValue(0, 'must be 0 or more')
);
// The pack id rule of the pack format, so an entry can only name a pack the app could install.
const Id = v.pipe(
	v.string('must be text'),
	v.minLength(1, 'must not be empty'),
	v.maxLength(200, 'is too long (200 characters at most)'),
	v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'may only use letters, digits, dot, dash, colon and underscore')
);
/**
 * A relative path of plain names (`packs/team.deckhand.json`): no scheme, no host, no `..`, no query.
 * So a catalogue can never point the app at another site or outside its own folder.
 */
const File = v.pipe(
	v.string('must be text'),
	v.maxLength(300, 'is too long (300 characters at most)'),
	v.regex(
		/^(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/,
		'must be a file name beside the catalogue (letters, digits, dot, dash, underscore and /, no "..")'
	)
);

const Entry = v.object({
	id: Id,
	version: v.pipe(
		v.number('must be a number'),
		v.integer('must be a whole number'),
		v.minValue(1, 'must be 1 or more')
	),
	title: NonEmpty(500),
	description: Text(5000),
	cards: Count,
	kinds: v.pipe(
		v.record(v.pipe(v.string(), v.maxLength(60)), Count, 'must map card kinds to counts'),
		v.check((k) => Object.keys(k).length <= 50, 'has too many kinds (50 at most)')
	),
	size: v.pipe(
		Count,
		v.maxValue(MAX_PACK_FILE_BYTES, `is larger than a pack file may be (${MAX_PACK_FILE_BYTES} bytes)`)
	),
	sha256: v.pipe(v.string('must be text'), v.regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits')),
	file: File
});

const Schema = v.object({
	format: v.literal(CATALOGUE_FORMAT),
	formatVersion: v.literal(CATALOGUE_FORMAT_VERSION),
	title: NonEmpty(500),
	packs: v.pipe(
		v.array(Entry, 'must be a list'),
		v.maxLength(MAX_CATALOGUE_PACKS, `has too many packs (${MAX_CATALOGUE_PACKS} at most)`)
	)
});

const one = (path: string, message: string): Result<never> => fail<Issue[]>([{ path, message }]);
const isRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** Reads bytes as UTF-8 JSON within a size limit, or a plain error. */
export function readJsonBytes(bytes: Uint8Array, limit: number, what: string): Result<unknown> {
	if (bytes.byteLength > limit) {
		return one(
			'file',
			`This ${what} is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; it may be at most ${(limit / 1024 / 1024).toFixed(1)} MB.`
		);
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return one('file', `This ${what} is not text (UTF-8).`);
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.trim() === '') return one('file', `This ${what} is empty.`);
	try {
		return ok(JSON.parse(text) as unknown);
	} catch (e) {
		return one('file', `This ${what} is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
	}
}

/** Checks parsed JSON against the catalogue format; every error names its field. */
export function parseCatalogue(json: unknown): Result<Catalogue> {
	if (!isRecord(json)) return one('', 'This is not a Deckhand catalogue: expected a JSON object.');
	if (json.format !== CATALOGUE_FORMAT) {
		return one('format', `This is not a Deckhand catalogue: "format" must be "${CATALOGUE_FORMAT}".`);
	}
	const version = json.formatVersion;
	if (typeof version === 'number' && Number.isInteger(version) && version > CATALOGUE_FORMAT_VERSION) {
		return one(
			'formatVersion',
			`This catalogue uses format version ${version}, newer than this app reads (${CATALOGUE_FORMAT_VERSION}). Update Deckhand and try again.`
		);
	}
	if (version !== CATALOGUE_FORMAT_VERSION) {
		return one('formatVersion', `"formatVersion" must be ${CATALOGUE_FORMAT_VERSION}.`);
	}
	if (Array.isArray(json.packs) && json.packs.length > MAX_CATALOGUE_PACKS) {
		return one(
			'packs',
			`This catalogue lists ${json.packs.length} packs; a catalogue may list at most ${MAX_CATALOGUE_PACKS}.`
		);
	}
	const r = v.safeParse(Schema, json, { abortEarly: false });
	if (!r.success) {
		return fail(r.issues.slice(0, 10).map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message })));
	}
	const errors: Issue[] = [];
	const ids = new Set<string>();
	const files = new Set<string>();
	r.output.packs.forEach((p, i) => {
		if (ids.has(p.id)) errors.push({ path: `packs.${i}.id`, message: `Pack id "${p.id}" is listed twice.` });
		if (files.has(p.file))
			errors.push({ path: `packs.${i}.file`, message: `File "${p.file}" is listed twice.` });
		ids.add(p.id);
		files.add(p.file);
	});
	if (errors.length) return fail(errors.slice(0, 10));
	// valibot built fresh objects of the schema's own fields only; `kinds` is copied onto a null-prototype
	// object so a key such as "__proto__" stays a plain key.
	const packs = r.output.packs.map((p) => ({
		...p,
		kinds: Object.assign(Object.create(null) as Record<string, number>, p.kinds)
	}));
	return ok({ ...r.output, packs });
}

/** Parses a catalogue file's bytes (at most 1 MB) into a catalogue, or plain errors. Never throws. */
export function parseCatalogueFile(bytes: Uint8Array): Result<Catalogue> {
	const json = readJsonBytes(bytes, MAX_CATALOGUE_BYTES, 'catalogue');
	return json.ok ? parseCatalogue(json.value) : json;
}

/** Which format a JSON document claims to be, so one address can hold a catalogue or a pack. */
export function claimedFormat(json: unknown): 'catalogue' | 'pack' | null {
	if (!isRecord(json)) return null;
	if (json.format === CATALOGUE_FORMAT) return 'catalogue';
	if (json.format === 'deckhand-pack') return 'pack';
	return null;
}
