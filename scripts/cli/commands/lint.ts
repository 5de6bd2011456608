/** `deckhand lint <notes.md…>`: bullet by bullet, what made no question or a weak one, and how to mark it up. */
import type { Review } from '../../../src/lib/core/generate/errata';
import { lintNotes } from '../../../src/lib/core/generate/lint';
import { EXIT, parseArgs, printIssues, readReview, readText } from '../io';

export const summary = 'List the bullets that made no question or a weak one, and how to mark them up.';

const HELP = `Usage: deckhand lint <notes.md…> [--review <file.json>] [--json]

Reads the notes as the generator does and lists, line by line, every bullet or command that made no
question ("none") or only a weak one ("weak"), with the mark that would fix it. Then prints the quality
figures of the cards the notes make: cards by kind, cards worded about the document, cards with a reason,
false statements by origin, duplicates and what blanks blank.

Exit codes: 0 every bullet made a question, 1 the notes cannot be used, 2 usage error, 3 some bullets made
no question.`;

export async function run(argv: string[]): Promise<number> {
	const args = parseArgs(argv, ['review']);
	if (args.flags.help) {
		console.log(HELP);
		return EXIT.ok;
	}
	if (args.positional.length === 0) {
		console.error('deckhand lint: give one or more notes files.\n');
		console.error(HELP);
		return EXIT.usage;
	}
	const json = args.flags.json === true;
	const fail = (errors: { path: string; message: string }[]) => {
		if (json) console.log(JSON.stringify({ ok: false, errors }, null, 2));
		else printIssues(errors);
		return EXIT.invalid;
	};
	let review: Review = { errata: [], intents: {}, overlaps: [], misconceptions: [], noted: [] };
	if (typeof args.flags.review === 'string') {
		const r = readReview(args.flags.review);
		if (!r.ok) return fail(r.errors);
		review = r.value;
	}
	let missing = false;
	const files: unknown[] = [];
	for (const file of args.positional) {
		const t = readText(file);
		if (!t.ok) return fail(t.errors);
		const r = lintNotes(t.value, review);
		if (!r.ok) return fail(r.errors.map((e) => ({ ...e, path: `${file}: ${e.path}` })));
		const report = r.value;
		if (report.findings.some((f) => f.level === 'none')) missing = true;
		if (json) {
			files.push({ file, ...report });
			continue;
		}
		console.log(
			`${file}: ${report.factsWithCards} of ${report.facts} facts made questions, ${report.figures.cards} cards.`
		);
		for (const f of report.findings) {
			console.log(`  ${file}:${f.line}  ${f.level === 'none' ? 'no question' : 'weak'}: ${f.problem}`);
			if (f.text) console.log(`      ${f.text.length > 100 ? `${f.text.slice(0, 97)}…` : f.text}`);
			console.log(`      → ${f.hint}`);
		}
		const q = report.figures;
		const list = (o: Record<string, number | undefined>) =>
			Object.entries(o)
				.map(([k, v]) => `${k} ${v}`)
				.join(', ') || 'none';
		console.log(`  cards by kind: ${list(q.byKind)}`);
		console.log(`  worded about the document: ${q.aboutDocument}; with a reason: ${q.withReasonPercent} %`);
		console.log(`  false keys by origin: ${list(q.falseStatements)}; duplicates: ${q.duplicates}`);
		console.log(`  blanks: ${list(q.blanks)}`);
	}
	if (json) console.log(JSON.stringify({ ok: true, files }, null, 2));
	return missing ? EXIT.coverage : EXIT.ok;
}
