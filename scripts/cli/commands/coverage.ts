/** `deckhand coverage <notes.md…>`: how well generated questions cover the notes (or an exam's objectives). */
import type { Review } from '../../../src/lib/core/generate/errata';
import { generatePack } from '../../../src/lib/core/generate/index';
import { runObjectives } from '../objective-coverage';
import { EXIT, parseArgs, printIssues, readReview, readText, table } from '../io';

export const summary =
	'Show the coverage table: questions per subsection, command and config exercises (or per exam objective).';

const HELP = `Usage: deckhand coverage <notes.md…> [--review <file.json>] [--json]
       deckhand coverage <notes.md | pack.json…> --objectives <objectives.json> [--meta <meta.json>] [--review <file.json>] [--json]

Targets: every subsection that states facts has at least one question; every command line has a command
exercise; every YAML or Dockerfile snippet has a config exercise.

With --objectives: maps the cards to the exam's objectives by their tags (Objectives: in the notes, or
the cards' "objectives" in a pack file) and lists, per objective, its cards and its exercises and
scenarios, then the cards per domain beside the domain's weight, the objectives with no card, and the
"demonstrate" objectives with no exercise or scenario. Targets: every objective in the exam has at
least 3 cards, and every objective to demonstrate at least one exercise or scenario. --meta gives
sections their domains (cards tagged "beyond" are outside the exam).

Exit codes: 0 all targets met, 1 the notes cannot be used, 2 usage error, 3 some targets not met.`;

export async function run(argv: string[]): Promise<number> {
	const args = parseArgs(argv, ['review', 'objectives', 'meta']);
	if (args.flags.help) {
		console.log(HELP);
		return EXIT.ok;
	}
	if (args.positional.length === 0) {
		console.error('deckhand coverage: give one or more notes files.\n');
		console.error(HELP);
		return EXIT.usage;
	}
	const json = args.flags.json === true;
	if (args.flags.objectives !== undefined) {
		if (typeof args.flags.objectives !== 'string' || args.flags.objectives === '') {
			console.error('deckhand coverage: --objectives needs a file.\n');
			return EXIT.usage;
		}
		return runObjectives(args.positional, args.flags.objectives, {
			json,
			...(typeof args.flags.review === 'string' ? { review: args.flags.review } : {}),
			...(typeof args.flags.meta === 'string' ? { meta: args.flags.meta } : {})
		});
	}
	const texts: string[] = [];
	for (const file of args.positional) {
		const t = readText(file);
		if (!t.ok) {
			if (json) console.log(JSON.stringify({ ok: false, errors: t.errors }, null, 2));
			else printIssues(t.errors);
			return EXIT.invalid;
		}
		texts.push(t.value);
	}
	let review: Review = { errata: [], intents: {}, overlaps: [], misconceptions: [], noted: [] };
	if (typeof args.flags.review === 'string') {
		const r = readReview(args.flags.review);
		if (!r.ok) {
			printIssues(r.errors);
			return EXIT.invalid;
		}
		review = r.value;
	}
	const result = generatePack(
		texts.join('\n\n'),
		{ id: 'coverage', title: 'Coverage', version: 1, createdAt: '2000-01-01T00:00:00.000Z' },
		review
	);
	if (!result.ok) {
		if (json) console.log(JSON.stringify({ ok: false, errors: result.errors }, null, 2));
		else printIssues(result.errors);
		return EXIT.invalid;
	}
	const { coverage, notes } = result.value;
	if (json) {
		console.log(JSON.stringify({ ...coverage, unused: notes.unused }, null, 2));
	} else {
		const head = ['Section', 'Subsection', 'Facts', 'Questions', 'Commands', 'Snippets', 'OK'];
		const rows = coverage.rows.map((r) => [
			r.section,
			r.subsection || '(intro)',
			String(r.facts),
			String(r.questions),
			`${r.commandsCovered}/${r.commands}`,
			`${r.snippetsCovered}/${r.snippets}`,
			r.ok ? 'yes' : 'NO'
		]);
		for (const l of table(head, rows)) console.log(l);
		const t = coverage.totals;
		console.log(
			`\n${t.sections} sections, ${t.subsections} subsections, ${t.facts} facts, ${t.questions} questions; ` +
				`commands ${t.commandsCovered}/${t.commands}, snippets ${t.snippetsCovered}/${t.snippets}. ` +
				(coverage.ok ? 'All targets met.' : 'Some targets NOT met.')
		);
		if (notes.unused.length) {
			console.error('Not used:');
			printIssues(notes.unused.map((u) => ({ path: `line ${u.line}`, message: u.message })));
		}
	}
	return coverage.ok ? EXIT.ok : EXIT.coverage;
}
