/**
 * The generator: Markdown notes in, a pack out. Pure TypeScript for Node and the browser; the same notes,
 * errata and meta always give a byte-identical pack.
 */
import { stableHash } from '../hash';
import type { Card, CardKind, Pack, PackId, Section, SectionId } from '../pack/types';
import { fail, ok, type Result } from '../result';
import { commandCards, configCards, type Ctx } from './cards';
import { commandFactCards } from './command-facts';
import { statementChoices } from './statement-choice';
import { factCards } from './fact-cards';
import { factsOf, tagsOf, type FalseOrigin, type NoteFact, type ReviewedFalse } from './facts';
import { coverage, type CoverageReport } from './coverage';
import { exerciseCards, readExercises } from './exercises';
import type { Erratum, Overlap } from './errata';
import { readNotes, type Notes } from './notes';
import { prepare, type PSection } from './prepare';
import { questionKey } from './quality';
import { shellTokens } from './text';

export interface NotesMeta {
	id: string;
	title: string;
	version: number;
	description?: string;
	author?: string;
	license?: string;
	createdAt: string;
	/** Exam-domain tag per section title (without its number). */
	domains?: Record<string, string>;
}

export interface GenerateOptions {
	errata?: readonly Erratum[];
	/** Reviewed instructions for command exercises, keyed by the original command line. */
	intents?: Readonly<Record<string, string>>;
	/** Reviewed facts that are just as true of sibling subsections. */
	overlaps?: readonly Overlap[];
	/** Reviewed false statements (with their correction), asked as true/false keyed False. */
	misconceptions?: readonly ReviewedFalse[];
}

export interface Generated {
	pack: Pack;
	notes: Notes;
	coverage: CoverageReport;
	/** Errata that matched nothing (probably stale). */
	unusedErrata: string[];
	/** The typed facts the cards were made from. */
	facts: NoteFact[];
	/** Card id → where its false statement or wrong options came from. */
	origins: Record<string, FalseOrigin>;
}

/** Largest notes file the generator accepts. */
export const MAX_NOTES_BYTES = 2_000_000;

const KIND_ORDER: CardKind[] = [
	'flashcard',
	'mcq',
	'truefalse',
	'cloze',
	'domc',
	'command-type',
	'command-fill',
	'command-order',
	'config-fill',
	'scenario',
	'read-output',
	'multi-select',
	'command-sequence'
];

/** Checks raw notes text before parsing: empty, binary, too large, an unclosed fence. */
export function checkNotesText(text: string, name = 'notes'): Result<string> {
	if (text.length > MAX_NOTES_BYTES)
		return fail([
			{
				path: name,
				message: `the file is larger than ${MAX_NOTES_BYTES / 1_000_000} MB; split it into smaller notes`
			}
		]);
	if (text.includes('\u0000'))
		return fail([{ path: name, message: 'the file looks binary (it contains NUL bytes), not Markdown' }]);
	if (text.includes('\uFFFD')) return fail([{ path: name, message: 'the file is not valid UTF-8 text' }]);
	if (text.trim() === '') return fail([{ path: name, message: 'the file is empty' }]);
	let open: number | null = null;
	let fence = '';
	text.split('\n').forEach((line, i) => {
		const m = /^\s*(`{3,}|~{3,})/.exec(line);
		if (!m) return;
		if (open === null) {
			open = i + 1;
			fence = m[1]!;
		} else if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') open = null;
	});
	if (open !== null)
		return fail([
			{ path: `${name}:${open}`, message: `the code fence opened on line ${open} is never closed` }
		]);
	return ok(text);
}

function buildCommandCards(
	s: PSection,
	sectionId: SectionId,
	intents: Readonly<Record<string, string>>,
	overlaps: readonly Overlap[],
	domain: string | undefined
): Card[] {
	const cards: Card[] = [];
	const flags = [...s.intro.code, ...s.subsections.flatMap((x) => x.code)]
		.flatMap((c) => c.commands)
		.flatMap((c) => shellTokens(c.command))
		.filter((t) => /^--?[a-z]/.test(t))
		.map((t) => t.split('=')[0]!);
	for (const sub of [s.intro, ...s.subsections]) {
		const ctx: Ctx = { section: s, sectionId, sub, overlaps, tags: tagsOf(s, sub, domain) };
		for (const code of sub.code)
			cards.push(...commandCards(ctx, code, flags, intents), ...configCards(ctx, code));
	}
	return cards;
}

/** Generates a pack from Markdown notes: every section, subsection, fact, command and snippet. */
export function generatePack(
	markdown: string,
	meta: NotesMeta,
	options: GenerateOptions = {}
): Result<Generated> {
	const checked = checkNotesText(markdown);
	if (!checked.ok) return checked;
	const notes = readNotes(markdown);
	if (notes.sections.length === 0)
		return fail([
			{
				path: 'notes',
				message:
					'no "## " section headings found; the generator needs ## sections with lists or code under them'
			}
		]);
	const prepared = prepare(notes, options.errata ?? []);
	const exercises = readExercises(markdown);
	notes.unused.push(...exercises.issues);
	const sections: Section[] = [];
	const cards: Card[] = [];
	const seen = new Set<string>();
	const ids = new Set<string>();
	const sectionIds = new Map<PSection, SectionId>();
	const facts: NoteFact[] = [];
	for (const s of prepared.sections) {
		const id = `s${s.order}-${stableHash(s.title).slice(0, 6)}` as SectionId;
		sectionIds.set(s, id);
		const domain = s.intro.domain ?? meta.domains?.[s.title];
		sections.push({
			id,
			title: s.title,
			order: s.order,
			...(domain ? { domain } : {}),
			subsections: s.subsections.map((x) => x.title)
		});
		for (const sub of [s.intro, ...s.subsections])
			facts.push(...factsOf(s, sub, meta.domains?.[s.title], options.misconceptions ?? []));
	}
	const origins: Record<string, FalseOrigin> = {};
	const fromFacts = factCards(facts, {
		sectionId: (f) => sectionIds.get(f.section)!,
		overlaps: options.overlaps ?? [],
		origins
	});
	// Bullets that lead with a command or flag and made no card of their own: what it does, and which one does it.
	const withCards = new Set(fromFacts.map((c) => c.fact));
	const fromCommandFacts = commandFactCards(facts, {
		sectionId: (f) => sectionIds.get(f.section)!,
		origins,
		skip: (f) => withCards.has(f.key)
	});
	// "Which of these statements is true?": a subsection's true statement against its false ones.
	const fromStatements = statementChoices(fromFacts, origins);
	for (const s of prepared.sections) {
		const id = sectionIds.get(s)!;
		const built = [
			...fromFacts.filter((c) => c.sectionId === id),
			...fromStatements.filter((c) => c.sectionId === id),
			...fromCommandFacts.filter((c) => c.sectionId === id),
			...buildCommandCards(s, id, options.intents ?? {}, options.overlaps ?? [], meta.domains?.[s.title]),
			...exerciseCards(exercises, s.title, id)
		].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
		for (const c of built) {
			// No two cards with the same question and answer, whatever their source.
			const key = questionKey(c);
			if (seen.has(key)) continue;
			seen.add(key);
			let id = c.id;
			for (let n = 2; ids.has(id); n++) id = `${c.id}-${n}` as typeof id;
			ids.add(id);
			if (origins[c.id] && id !== c.id) origins[id] = origins[c.id]!;
			cards.push({ ...c, id });
		}
	}
	// Kind first, then document order: a new learner meets plain flashcards before the exercise kinds.
	cards.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
	if (cards.length === 0)
		return fail([
			{
				path: 'notes',
				message:
					'no questions could be made: put facts in "- " list items and commands in fenced code under ## / ### headings'
			}
		]);
	const pack: Pack = {
		id: meta.id as PackId,
		version: meta.version,
		title: meta.title,
		description: meta.description ?? '',
		author: meta.author ?? '',
		license: meta.license ?? '',
		createdAt: meta.createdAt,
		sections,
		cards
	};
	const errataIds = new Set((options.errata ?? []).map((e) => e.id));
	return ok({
		pack,
		notes,
		coverage: coverage(prepared, pack),
		unusedErrata: [...errataIds].filter((id) => !prepared.applied.has(id)),
		facts,
		origins: Object.fromEntries(Object.entries(origins).filter(([id]) => ids.has(id)))
	});
}

export { readNotes } from './notes';
export type { CoverageReport } from './coverage';
