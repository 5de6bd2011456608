/** Shared helpers of the authoring commands: reading notes safely, arguments, atomic writes. */
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { parseReview, type Review } from '../../src/lib/core/generate/errata';
import { checkNotesText, type NotesMeta } from '../../src/lib/core/generate/index';
import type { Issue, Result } from '../../src/lib/core/result';

/** Exit codes, documented in README.md ("Authoring packs"). */
export const EXIT = { ok: 0, invalid: 1, usage: 2, coverage: 3, write: 4 } as const;

/** Largest input file the CLI reads, in bytes. */
export const MAX_FILE_BYTES = 2_000_000;

export interface Args {
	positional: string[];
	flags: Record<string, string | true>;
}

/** Parses `--key value`, `--key=value`, `-o value` and bare `--flag`s. */
export function parseArgs(args: string[], withValue: string[]): Args {
	const out: Args = { positional: [], flags: {} };
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if (a === '-o') out.flags.output = args[++i] ?? '';
		else if (a.startsWith('--')) {
			const eq = a.indexOf('=');
			const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
			if (eq > 0) out.flags[key] = a.slice(eq + 1);
			else if (withValue.includes(key)) out.flags[key] = args[++i] ?? '';
			else out.flags[key] = true;
		} else out.positional.push(a);
	}
	return out;
}

/** Reads a text file, refusing what is not UTF-8 Markdown: missing, too large, binary, invalid UTF-8, empty. */
export function readText(path: string): Result<string> {
	let size: number;
	try {
		size = statSync(path).size;
	} catch {
		return { ok: false, errors: [{ path, message: 'the file does not exist or cannot be read' }] };
	}
	if (size > MAX_FILE_BYTES)
		return {
			ok: false,
			errors: [
				{
					path,
					message: `the file is ${(size / 1_000_000).toFixed(1)} MB; notes may be at most ${MAX_FILE_BYTES / 1_000_000} MB`
				}
			]
		};
	const bytes = readFileSync(path);
	if (bytes.includes(0))
		return {
			ok: false,
			errors: [{ path, message: 'the file looks binary (it contains NUL bytes), not Markdown' }]
		};
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, errors: [{ path, message: 'the file is not valid UTF-8 text' }] };
	}
	return checkNotesText(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), path);
}

/** Reads and parses a JSON file. */
export function readJson(path: string): Result<unknown> {
	const text = readText(path);
	if (!text.ok) return text;
	try {
		return { ok: true, value: JSON.parse(text.value) as unknown };
	} catch (e) {
		return { ok: false, errors: [{ path, message: `not valid JSON: ${(e as Error).message}` }] };
	}
}

/** Reads a review file (errata and intents). */
export function readReview(path: string): Result<Review> {
	const json = readJson(path);
	if (!json.ok) return json;
	const r = parseReview(json.value);
	return r.ok
		? r
		: { ok: false, errors: r.errors.map((e) => ({ path: `${path}: ${e.path}`, message: e.message })) };
}

/** Reads pack metadata from a JSON file. */
export function readMeta(path: string): Result<Partial<NotesMeta>> {
	const json = readJson(path);
	if (!json.ok) return json;
	if (!json.value || typeof json.value !== 'object')
		return { ok: false, errors: [{ path, message: 'must be a JSON object' }] };
	return { ok: true, value: json.value as Partial<NotesMeta> };
}

/** Writes through a temporary file and a rename, so a failed run never leaves a partial file. */
export function writeAtomic(path: string, text: string): void {
	const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
	try {
		writeFileSync(tmp, text);
		renameSync(tmp, path);
	} catch (e) {
		try {
			unlinkSync(tmp);
		} catch {
			/* nothing to clean up */
		}
		throw e;
	}
}

/** Prints issues, one a line, to stderr. */
export function printIssues(issues: Issue[]): void {
	for (const i of issues) console.error(`  ${i.path ? `${i.path}: ` : ''}${i.message}`);
}

/** A plain-text table: a header line and one line per row, each column padded to its widest cell. */
export function table(head: string[], rows: string[][]): string[] {
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => c.padEnd(widths[i]!))
			.join('  ')
			.trimEnd();
	return [line(head), ...rows.map(line)];
}
