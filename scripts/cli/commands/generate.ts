/** `deckhand generate <notes.md…> -o pack.json`: Markdown notes in, a validated pack file out. */
import { basename } from 'node:path';
import type { Review } from '../../../src/lib/core/generate/errata';
import { generatePack, type NotesMeta } from '../../../src/lib/core/generate/index';
import { parsePackEnvelope, serializePack } from '../../../src/lib/core/pack/parse';
import { EXIT, parseArgs, printIssues, readMeta, readReview, readText, writeAtomic } from '../io';

export const summary = 'Turn Markdown notes into a question pack (JSON).';

const HELP = `Usage: deckhand generate <notes.md…> -o <pack.json> [options]

Options:
  -o, --output <file>   where to write the pack (required)
  --id <id>             pack id (default: the first file's name)
  --title <text>        pack title (default: the first # heading or the id)
  --version <n>         pack version, a whole number ≥ 1 (default 1)
  --meta <file.json>    pack metadata (id, title, version, description, author, license, createdAt, domains)
  --review <file.json>  reviewed errata and command instructions to apply
  --created <iso>       creation date (default: the meta file's, else 2000-01-01, so output is reproducible)
  --json                print a JSON summary instead of text

Exit codes: 0 written, 1 the notes cannot be used, 2 usage error, 4 the file could not be written.`;

export async function run(argv: string[]): Promise<number> {
	const args = parseArgs(argv, ['output', 'id', 'title', 'version', 'meta', 'review', 'created']);
	if (args.flags.help) {
		console.log(HELP);
		return EXIT.ok;
	}
	const json = args.flags.json === true;
	const output = args.flags.output;
	if (args.positional.length === 0 || typeof output !== 'string' || output === '') {
		console.error('deckhand generate: give one or more notes files and -o <pack.json>.\n');
		console.error(HELP);
		return EXIT.usage;
	}
	const fail = (errors: { path: string; message: string }[], code: number = EXIT.invalid) => {
		if (json) console.log(JSON.stringify({ ok: false, errors }, null, 2));
		else {
			console.error('deckhand generate: nothing was written.');
			printIssues(errors);
		}
		return code;
	};
	let meta: Partial<NotesMeta> = {};
	if (typeof args.flags.meta === 'string') {
		const m = readMeta(args.flags.meta);
		if (!m.ok) return fail(m.errors);
		meta = m.value;
	}
	let review: Review = { errata: [], intents: {}, overlaps: [], misconceptions: [], noted: [] };
	if (typeof args.flags.review === 'string') {
		const r = readReview(args.flags.review);
		if (!r.ok) return fail(r.errors);
		review = r.value;
	}
	const texts: string[] = [];
	for (const file of args.positional) {
		const t = readText(file);
		if (!t.ok) return fail(t.errors);
		texts.push(t.value);
	}
	const version = typeof args.flags.version === 'string' ? Number(args.flags.version) : (meta.version ?? 1);
	if (!Number.isInteger(version) || version < 1)
		return fail([{ path: '--version', message: 'must be a whole number, 1 or more' }], EXIT.usage);
	const id =
		(typeof args.flags.id === 'string' ? args.flags.id : meta.id) ??
		basename(args.positional[0]!).replace(/\.[^.]+$/, '');
	const firstHeading = /^# (.+)$/m.exec(texts[0]!)?.[1]?.trim();
	const result = generatePack(
		texts.join('\n\n'),
		{
			...meta,
			id,
			title: (typeof args.flags.title === 'string' ? args.flags.title : meta.title) ?? firstHeading ?? id,
			version,
			createdAt:
				(typeof args.flags.created === 'string' ? args.flags.created : meta.createdAt) ??
				'2000-01-01T00:00:00.000Z'
		},
		review
	);
	if (!result.ok) return fail(result.errors);
	const { pack, notes, coverage, unusedErrata } = result.value;
	const text = serializePack(pack);
	const check = parsePackEnvelope(JSON.parse(text));
	if (!check.ok)
		return fail(
			check.errors.map((e) => ({
				path: `pack.${e.path}`,
				message: `generated pack is invalid (a bug): ${e.message}`
			}))
		);
	try {
		writeAtomic(output, text);
	} catch (e) {
		return fail([{ path: output, message: `could not write the file: ${(e as Error).message}` }], EXIT.write);
	}
	const counts: Record<string, number> = {};
	for (const c of pack.cards) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
	const warnings = [
		...notes.unused.map((u) => ({ path: `line ${u.line}`, message: `not used: ${u.message}` })),
		...unusedErrata.map((id) => ({ path: `erratum ${id}`, message: 'matched nothing in the notes' }))
	];
	if (json) {
		console.log(
			JSON.stringify(
				{
					ok: true,
					output,
					cards: pack.cards.length,
					sections: pack.sections.length,
					counts,
					coverageOk: coverage.ok,
					warnings
				},
				null,
				2
			)
		);
	} else {
		console.log(`Wrote ${output}: ${pack.cards.length} cards in ${pack.sections.length} sections.`);
		for (const [k, n] of Object.entries(counts)) console.log(`  ${k.padEnd(14)} ${n}`);
		if (warnings.length) {
			console.error('Warnings:');
			printIssues(warnings);
		}
	}
	return EXIT.ok;
}
