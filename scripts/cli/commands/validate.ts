/**
 * `deckhand validate <pack.json>`: checks a pack file exactly as the app's import does (the same edge,
 * core/pack/file.ts: the 20 MB and 50,000-card limits, JSON, format version, schema, ids) and lists every
 * error with its JSON path.
 */
import { readFileSync, statSync } from 'node:fs';
import { MAX_PACK_FILE_BYTES, parsePackFile } from '../../../src/lib/core/pack/file';
import type { Pack } from '../../../src/lib/core/pack/types';
import type { Result } from '../../../src/lib/core/result';
import { EXIT, parseArgs, printIssues } from '../io';

/** Reads a pack file as bytes (never more than the app's limit) and parses it as the app does. */
function readPack(file: string): Result<Pack> {
	let size: number;
	try {
		size = statSync(file).size;
	} catch {
		return { ok: false, errors: [{ path: file, message: 'the file does not exist or cannot be read' }] };
	}
	// Past the limit the size alone refuses it, without reading the file into memory.
	if (size > MAX_PACK_FILE_BYTES) return parsePackFile(new Uint8Array(size));
	return parsePackFile(new Uint8Array(readFileSync(file)));
}

export const summary = 'Check a pack file; print every error with its JSON path.';

const HELP = `Usage: deckhand validate <pack.json…> [--json]

Exit codes: 0 every file is a valid pack, 1 a file is invalid or unreadable, 2 usage error.`;

export async function run(argv: string[]): Promise<number> {
	const args = parseArgs(argv, []);
	if (args.flags.help) {
		console.log(HELP);
		return EXIT.ok;
	}
	if (args.positional.length === 0) {
		console.error('deckhand validate: give one or more pack files.\n');
		console.error(HELP);
		return EXIT.usage;
	}
	const json = args.flags.json === true;
	const results = args.positional.map((file) => {
		const r = readPack(file);
		return r.ok
			? { file, ok: true as const, id: r.value.id, cards: r.value.cards.length, errors: [] }
			: { file, ok: false as const, errors: r.errors };
	});
	if (json) console.log(JSON.stringify({ ok: results.every((r) => r.ok), files: results }, null, 2));
	else
		for (const r of results) {
			if (r.ok) console.log(`${r.file}: valid pack "${r.id}" with ${r.cards} cards.`);
			else {
				console.error(
					`${r.file}: not a valid pack (${r.errors.length} ${r.errors.length === 1 ? 'error' : 'errors'}):`
				);
				printIssues(r.errors);
			}
		}
	return results.every((r) => r.ok) ? EXIT.ok : EXIT.invalid;
}
