/**
 * The edge where pack files, links and downloads come in: size limits first, then JSON, then the
 * envelope's format and version, then the schema, then ids. Every failure is a plain message with a path.
 */
import { fail, ok, type Issue, type Result } from '../result';
import { parsePack } from './parse';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from './types';

/** A pack file larger than this is refused before it is read as JSON. */
export const MAX_PACK_FILE_BYTES = 20 * 1024 * 1024;
/** A pack with more cards than this is refused before the schema walks it. */
export const MAX_PACK_CARDS = 50_000;

/** The schema parser: unknown JSON in, a canonical pack or errors out. */
export type PackParser = (value: unknown) => Result<Pack>;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const one = (path: string, message: string): Result<never> => fail<Issue[]>([{ path, message }]);

/** UTF-8 byte length of a string, counted without allocating a copy. */
function utf8Length(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) n += 1;
		else if (c < 0x800) n += 2;
		else if (c >= 0xd800 && c <= 0xdbff) {
			n += 4;
			i++;
		} else n += 3;
	}
	return n;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a pack file's text or bytes into a pack, or plain errors naming the field. Never throws. */
export function parsePackFile(input: string | Uint8Array, parse: PackParser = parsePack): Result<Pack> {
	const size = typeof input === 'string' ? utf8Length(input) : input.byteLength;
	if (size > MAX_PACK_FILE_BYTES) {
		return one('file', `This file is ${mb(size)}; a pack file may be at most ${mb(MAX_PACK_FILE_BYTES)}.`);
	}
	let text: string;
	if (typeof input === 'string') text = input;
	else {
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(input);
		} catch {
			return one('file', 'This file is not text: a pack file is JSON text (UTF-8).');
		}
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.trim() === '') return one('file', 'This file is empty.');

	// No reviver: JSON.parse makes `__proto__` and `constructor` plain own keys (it never sets a
	// prototype), and the schema copies only the format's own fields into fresh objects, so such keys
	// never leave the parser. A reviver that dropped them tripled the time of parsing a large pack.
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		const why = e instanceof Error ? e.message : String(e);
		return one('file', `This file is not valid JSON; it may have been cut short (${why}).`);
	}
	if (!isRecord(json)) return one('', 'This is not a Deckhand pack: expected a JSON object.');
	if (json.format !== PACK_FORMAT) {
		return one('format', `This is not a Deckhand pack: "format" must be "${PACK_FORMAT}".`);
	}
	const version = json.formatVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return one('formatVersion', '"formatVersion" must be a whole number.');
	}
	if (version > PACK_FORMAT_VERSION) {
		return one(
			'formatVersion',
			`This pack uses format version ${version}, newer than this app reads (${PACK_FORMAT_VERSION}). Update Deckhand and try again.`
		);
	}
	const pack = json.pack;
	if (isRecord(pack) && Array.isArray(pack.cards) && pack.cards.length > MAX_PACK_CARDS) {
		return one(
			'pack.cards',
			`This pack has ${pack.cards.length} cards; a pack may have at most ${MAX_PACK_CARDS.toLocaleString('en')}.`
		);
	}
	let parsed: Result<Pack>;
	try {
		parsed = parse(json);
	} catch (e) {
		// The schema should never throw; if it does, the file is still refused rather than crashing the app.
		return one('pack', `This pack could not be read (${e instanceof Error ? e.message : String(e)}).`);
	}
	if (!parsed.ok) return parsed;
	return checkIds(parsed.value);
}

/** Refuses duplicate card or section ids, and cards whose section is missing. */
function checkIds(pack: Pack): Result<Pack> {
	const errors: Issue[] = [];
	const sections = new Set<string>();
	pack.sections.forEach((s, i) => {
		if (sections.has(s.id))
			errors.push({ path: `pack.sections.${i}.id`, message: `Duplicate section id "${s.id}".` });
		sections.add(s.id);
	});
	const cards = new Set<string>();
	pack.cards.forEach((c, i) => {
		if (cards.has(c.id)) errors.push({ path: `pack.cards.${i}.id`, message: `Duplicate card id "${c.id}".` });
		cards.add(c.id);
		if (!sections.has(c.sectionId)) {
			errors.push({
				path: `pack.cards.${i}.sectionId`,
				message: `Card "${c.id}" names a section that is not in the pack.`
			});
		}
	});
	// Ten errors say enough; a hostile file could otherwise produce fifty thousand.
	return errors.length ? fail(errors.slice(0, 10)) : ok(pack);
}
