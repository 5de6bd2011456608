/** `deckhand validate <pack.json>`: checks a pack file and lists every error with its path. */
import { parsePackEnvelope } from '../../../src/lib/core/pack/parse';
import { EXIT, parseArgs, printIssues, readJson } from '../io';

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
		const data = readJson(file);
		const r = data.ok ? parsePackEnvelope(data.value) : data;
		return r.ok
			? { file, ok: true as const, id: r.value.pack.id, cards: r.value.pack.cards.length, errors: [] }
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
