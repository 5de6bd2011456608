/** The card builders: one function per question kind, all pure and deterministic. */
import { stableHash } from '../hash';
import type {
	Card,
	CardId,
	CardSource,
	ClozeCard,
	CommandFillCard,
	CommandOrderCard,
	CommandTypeCard,
	ConfigFillCard,
	ConfigLanguage,
	Correction,
	DomcCard,
	FlashcardCard,
	McqCard,
	SectionId,
	TrueFalseCard
} from '../pack/types';
import { flagsOf, readCommand } from '../answer/cli-model';
import { mergeCorrections, type Overlap } from './errata';
import type { PCode, PCommand, PFact, PSection, PSub } from './prepare';
import {
	gives,
	hasWord,
	lowerFirst,
	sentence,
	shellTokens,
	stableShuffle,
	statementAbout,
	statementAboutTerm,
	whichQuestion
} from './text';

export interface Ctx {
	section: PSection;
	sectionId: SectionId;
	sub: PSub;
	/** Reviewed facts that are also true of sibling subsections. */
	overlaps?: readonly Overlap[];
}

type Draft = Omit<Card, 'id'>;

function base(ctx: Ctx, text: string, corrections: Correction[]) {
	const source: CardSource = {
		section: ctx.section.title,
		...(ctx.sub.title ? { subsection: ctx.sub.title } : {}),
		text
	};
	const correction = mergeCorrections(corrections);
	return { sectionId: ctx.sectionId, source, ...(correction ? { correction } : {}) };
}

/** A card id from the original source text, the kind and a discriminator. */
export function cardId(kind: string, original: string, discriminator: string): CardId {
	return `${kind}-${stableHash(`${kind}\u0000${original}\u0000${discriminator}`)}` as CardId;
}

export interface Built {
	card: Card;
}

const withId = (draft: Draft, original: string, disc: string): Card =>
	({ id: cardId(draft.kind, original, disc), ...draft }) as Card;

/** The noun shared by sibling subsection titles ("network" for Bridge/Host/Overlay/Macvlan Networks). */
function groupNoun(title: string): string {
	const last = (title.split(/\s+/).pop() ?? '').toLowerCase();
	return last.replace(/ing$/, '').replace(/s$/, '');
}

/** Sibling subsections of the same type: at least four sharing a noun, else null. */
export function typeGroup(section: PSection, sub: PSub): { noun: string; members: PSub[] } | null {
	const noun = groupNoun(sub.title);
	const members = section.subsections.filter((s) => groupNoun(s.title) === noun);
	return members.length >= 4 ? { noun, members } : null;
}

const distinct = (title: string) => title.split(/\s+/).slice(0, -1).join(' ') || title;

/** A lead-in cut short before its list ("... are isolated using:") is not a statement on its own. */
const DANGLING = /\b(using|with|by|for|to|in|of|like|as|from|include|includes|such as)$/i;
export const isStatement = (f: PFact) => !DANGLING.test(f.text.trim());

/** Facts that describe the subsection itself (not a term, not under a parent term or a lead-in). */
const plainFacts = (sub: PSub) => sub.facts.filter((f) => !f.term && !f.parent && !f.under && isStatement(f));

/** Words that carry no meaning of their own, shared by fact comparison and cloze blanks. */
const FUNCTION_WORDS = ['the', 'a', 'an', 'is', 'are', 'of', 'to', 'and', 'or', 'for', 'with', 'in'];

const FILLER = new Set([...FUNCTION_WORDS, 'on', 'by']);

/** The content words of a fact, for comparing what two facts mean. */
function factWords(text: string): Set<string> {
	return new Set(
		text
			.toLowerCase()
			.replace(/[^a-z0-9.-]+/g, ' ')
			.split(' ')
			.map((w) => w.replace(/^[.-]+|[.-]+$/g, '').replace(/s$/, ''))
			.filter((w) => w.length > 0 && !FILLER.has(w))
	);
}

/** True when two facts say the same thing: equal content words or nearly so (Jaccard ≥ 0.75). */
export function sameFact(a: string, b: string): boolean {
	const x = factWords(a);
	const y = factWords(b);
	if (x.size === 0 || y.size === 0) return false;
	const common = [...x].filter((w) => y.has(w)).length;
	return common / (x.size + y.size - common) >= 0.75;
}

/**
 * The sibling subsections a fact is just as true of: those stating the same fact, and those a reviewed
 * overlap names. Such a fact cannot single out its subsection.
 */
export function sharedWith(ctx: Ctx, sub: PSub, f: PFact): Set<string> {
	const out = new Set<string>();
	for (const s of [ctx.section.intro, ...ctx.section.subsections]) {
		if (s === sub) continue;
		if (s.facts.some((x) => sameFact(x.text, f.text))) out.add(s.title);
	}
	for (const o of ctx.overlaps ?? []) {
		if (o.section && o.section !== ctx.section.title) continue;
		if (!f.text.includes(o.fact) && !f.original.includes(o.fact)) continue;
		o.alsoTrueOf.forEach((t) => out.add(t));
	}
	return out;
}

// ---- flashcards -------------------------------------------------------------------------------

/** The most plain facts a "key points" flashcard asks for at once. */
const SUMMARY_MAX = 3;

export function flashcards(ctx: Ctx): Card[] {
	const out: Card[] = [];
	const where = ctx.sub.title || ctx.section.title;
	for (const f of ctx.sub.facts) {
		if (!f.term || !f.explanation) continue;
		const draft: Omit<FlashcardCard, 'id'> = {
			kind: 'flashcard',
			front: `In ${where}, what is meant by ${f.term}?`,
			back: sentence(upperFirst(f.explanation)),
			...base(ctx, f.text, f.corrections)
		};
		if (!gives(draft.front, f.explanation)) out.push(withId(draft, f.original, 'term'));
		const words = f.term.split(/\s+/).length;
		const reverseFront = `In ${where}, which term is described as "${f.explanation}"?`;
		if (words <= 4 && !gives(reverseFront, f.term)) {
			out.push(
				withId(
					{
						kind: 'flashcard',
						front: reverseFront,
						back: f.term,
						...base(ctx, f.text, f.corrections)
					} as Draft,
					f.original,
					'reverse'
				)
			);
		}
	}
	// A parent term with its list of children: "**Kubernetes**:" followed by its points.
	const parents = [...new Set(ctx.sub.facts.map((f) => f.parent).filter((p): p is string => !!p))];
	for (const p of parents) {
		const kids = ctx.sub.facts.filter((f) => f.parent === p);
		if (kids.length < 2) continue;
		const text = `${p}: ${kids.map((k) => k.text).join('; ')}`;
		out.push(
			withId(
				{
					kind: 'flashcard',
					front: `In ${where}, what points does the guide list for ${p}?`,
					back: kids.map((k) => sentence(k.text)).join(' '),
					...base(
						ctx,
						text,
						kids.flatMap((k) => k.corrections)
					)
				} as Draft,
				kids.map((k) => k.original).join('\n'),
				`parent:${p}`
			)
		);
	}
	const plain = plainFacts(ctx.sub);
	// A summary card only for a short subsection: longer ones are asked fact by fact by the other kinds.
	if (ctx.sub.title && plain.length >= 2 && plain.length <= SUMMARY_MAX) {
		out.push(
			withId(
				{
					kind: 'flashcard',
					front: `What are the key points of ${ctx.sub.title}?`,
					back: plain.map((f) => sentence(f.text)).join(' '),
					...base(
						ctx,
						plain.map((f) => f.text).join('\n'),
						plain.flatMap((f) => f.corrections)
					)
				} as Draft,
				plain.map((f) => f.original).join('\n'),
				`summary:${ctx.sub.title}`
			)
		);
	}
	return out;
}

// ---- multiple choice --------------------------------------------------------------------------

function mcq(
	ctx: Ctx,
	f: PFact,
	stem: string,
	answer: string,
	distractors: string[],
	disc: string
): Card | null {
	const pool = [...new Set(distractors)].filter((d) => d !== answer && !hasWord(stem, d));
	if (pool.length < 3) return null;
	if (gives(stem, answer)) return null;
	const picked = stableShuffle(pool, f.original, (x) => x).slice(0, 3);
	const options = stableShuffle([answer, ...picked], `${f.original}#opts`, (x) => x);
	const draft: Omit<McqCard, 'id'> = {
		kind: 'mcq',
		stem,
		options,
		answer: options.indexOf(answer),
		...base(ctx, f.text, f.corrections)
	};
	return withId(draft as Draft, f.original, disc);
}

export function multipleChoice(ctx: Ctx): Card[] {
	const out: Card[] = [];
	const { section, sub } = ctx;
	const group = sub.title ? typeGroup(section, sub) : null;
	const siblings = section.subsections.filter((s) => s !== sub);
	for (const f of plainFacts(sub)) {
		if (!sub.title) continue;
		// The subsection's distinctive word (e.g. "Macvlan") must not give the answer away.
		const key = distinct(sub.title);
		if (hasWord(f.text, key.split(/\s+/)[0] ?? key)) continue;
		// A fact that holds for a sibling too has more than one right answer.
		if (sharedWith(ctx, sub, f).size > 0) continue;
		let card: Card | null;
		if (group) {
			const stem =
				whichQuestion(`which type of ${group.noun}`, f.text) ??
				`Which type of ${group.noun} does this describe: "${f.text}"?`;
			const others = group.members.filter((m) => m !== sub).map((m) => m.title);
			if (others.some((o) => hasWord(f.text, distinct(o).split(/\s+/)[0] ?? o))) continue;
			card = mcq(ctx, f, stem, sub.title, others, 'mcq-type');
		} else {
			const q = whichQuestion('which of these', f.text);
			const stem = q
				? `In ${section.title}, ${lowerFirst(q)}`
				: `Under which topic of ${section.title} does the guide say: "${f.text}"?`;
			card = mcq(
				ctx,
				f,
				stem,
				sub.title,
				siblings.map((s) => s.title),
				'mcq-topic'
			);
		}
		if (card) out.push(card);
	}
	// Term groups: four or more terms side by side, e.g. logging drivers or base images.
	const termFacts = sub.facts.filter((f) => f.term && f.explanation);
	if (termFacts.length >= 4) {
		const where = sub.title || section.title;
		for (const f of termFacts) {
			const ex = f.explanation!;
			const q = whichQuestion('which one', ex);
			const stem = q ? `In ${where}, ${lowerFirst(q)}` : `In ${where}, which one is described as "${ex}"?`;
			const card = mcq(
				ctx,
				f,
				stem,
				f.term!,
				termFacts.filter((t) => t !== f).map((t) => t.term!),
				'mcq-term'
			);
			if (card) out.push(card);
		}
	}
	return out;
}

// ---- true / false -----------------------------------------------------------------------------

/** Lead-ins that name a list, not a thing a sentence can be about ("Components:"). */
const GENERIC_PARENT = /^(components|commands|features|tools|examples|options|usage|setup|steps)$/i;

export function trueFalse(ctx: Ctx): Card[] {
	const out: Card[] = [];
	const { section, sub } = ctx;
	const group = sub.title ? typeGroup(section, sub) : null;
	const where = sub.title || section.title;
	let trues = 0;
	let falses = 0;
	sub.facts.filter(isStatement).forEach((f) => {
		// An item under a lead-in ("Dockerfile" under "Store infrastructure as code:") says nothing alone.
		if (f.under && !f.term) return;
		let statement: string;
		let answer = true;
		let explanation = `True: the guide says this under ${where}.`;
		// Keep true and false in balance: make this one false when trues are ahead and a swap exists.
		const wantFalse = trues > falses;
		if (f.parent) {
			const rivals = [
				...new Set(sub.facts.map((x) => x.parent).filter((p): p is string => !!p && p !== f.parent))
			];
			const rival = rivals[0];
			const about = (p: string) =>
				GENERIC_PARENT.test(p)
					? `The guide lists "${f.text}" as a point of ${p}.`
					: statementAbout(p, f.text, false);
			if (
				wantFalse &&
				rival &&
				!hasWord(f.text, rival) &&
				!sub.facts.some((x) => x.parent === rival && sameFact(x.text, f.text))
			) {
				statement = about(rival);
				answer = false;
				explanation = `False: the guide lists it under ${f.parent}, not ${rival}.`;
			} else statement = about(f.parent);
		} else if (f.term && f.explanation) {
			const others = sub.facts.filter((x) => x.term && x.explanation && x !== f && x.parent === f.parent);
			const swap = stableShuffle(others, f.original, (x) => x.original)[0];
			if (wantFalse && swap && !gives(swap.explanation!, f.term)) {
				statement = statementAboutTerm(f.term, where, swap.explanation!);
				answer = false;
				explanation = `False: that describes ${swap.term}. ${f.term}: ${sentence(f.explanation)}`;
			} else statement = statementAboutTerm(f.term, where, f.explanation);
		} else {
			if (!sub.title) return;
			const shared = sharedWith(ctx, sub, f);
			const others = (group ? group.members : section.subsections).filter(
				(m) => m !== sub && m.facts.length > 0 && !shared.has(m.title)
			);
			const swap = stableShuffle(others, f.original, (x) => x.title)[0];
			// A fact naming its own subject ("... on the same bridge") would be nonsense under another heading.
			const ownWord = (distinct(sub.title).split(/\s+/)[0] ?? '').toLowerCase();
			const namesItself = ownWord.length > 2 && hasWord(f.text, ownWord);
			if (wantFalse && swap && !namesItself && !swap.facts.some((x) => x.text === f.text)) {
				statement = statementAbout(swap.title, f.text);
				answer = false;
				explanation = `False: the guide says this about ${sub.title}, not ${swap.title}.`;
			} else statement = statementAbout(sub.title, f.text);
		}
		const draft: Omit<TrueFalseCard, 'id'> = {
			kind: 'truefalse',
			statement,
			answer,
			explanation,
			...base(ctx, f.text, f.corrections)
		};
		if (answer) trues++;
		else falses++;
		out.push(withId(draft as Draft, f.original, 'tf'));
	});
	return out;
}

// ---- cloze ------------------------------------------------------------------------------------

const STOP = new Set([...FUNCTION_WORDS, 'default']);

/** Words that carry no knowledge on their own: a blank made only of these teaches nothing. */
const WEAK = new Set([
	'latest',
	'default',
	'new',
	'old',
	'other',
	'common',
	'basic',
	'general',
	'options',
	'option',
	'security',
	'implications',
	'example',
	'examples',
	'usage',
	'setup',
	'use',
	'using'
]);

/** A flag, path, file, number or lower-case name: `-p`, `/var/lib/docker/volumes/`, `.env`, `json-file`. */
const technical = (t: string) => /[-./_$0-9]/.test(t) || /^[a-z][a-z0-9]+$/.test(t);

const stem = (w: string) => w.toLowerCase().replace(/([^s])s$/, '$1');

/** Words too common in a Docker guide to give a blank away ("Docker Hub" under "Docker Registries"). */
const EVERYWHERE = new Set(['docker', 'container']);

/** True when a word of the blank (or its singular) shows up elsewhere in the sentence or its lead. */
function echoed(t: string, rest: string): boolean {
	const restWords = new Set(rest.split(/[^A-Za-z0-9-]+/).map(stem));
	return t
		.split(/[^A-Za-z0-9-]+/)
		.filter((w) => w.length >= 4 && !WEAK.has(w.toLowerCase()) && !EVERYWHERE.has(stem(w)))
		.some((w) => restWords.has(stem(w)));
}

/** The term a cloze blanks: knowledge first (flags, paths, numbers, names), never a weak or echoed word. */
export function clozeTarget(f: PFact, lead = ''): string | null {
	const numbers = f.text.match(/\d+(?:\.\d+)?\s?(?:MB|GB|KB|m|s|%)?/g) ?? [];
	const keys = f.keys.filter((k) => k !== f.term);
	const candidates = [
		...keys.filter(technical),
		...numbers,
		// A bold phrase of three or more words is a clause ("Use official or verified images"), not a term.
		...keys.filter((k) => !technical(k) && k.trim().split(/\s+/).length < 3),
		...(f.term && f.explanation ? [f.term] : [])
	];
	for (const c of candidates) {
		const t = c.trim();
		if (t.length < 2 || STOP.has(t.toLowerCase())) continue;
		const words = t.toLowerCase().split(/\s+/);
		if (words.every((w) => WEAK.has(w) || STOP.has(w))) continue;
		if (WEAK.has(words[0]!)) continue;
		const at = f.text.indexOf(t);
		if (at < 0) continue;
		const rest = f.text.slice(0, at) + f.text.slice(at + t.length);
		if (gives(rest, t) || gives(lead, t)) continue;
		if (!technical(t) && echoed(t, `${lead} ${rest}`)) continue;
		if (rest.replace(/[^a-z]/gi, '').length < 8) continue;
		return t;
	}
	return null;
}

export function cloze(ctx: Ctx): Card[] {
	const out: Card[] = [];
	const where = ctx.sub.title || ctx.section.title;
	for (const f of ctx.sub.facts.filter(isStatement)) {
		const lead = f.parent ? `${where}, ${f.parent}: ` : `${where}: `;
		const t = clozeTarget(f, lead);
		if (!t) continue;
		const at = f.text.indexOf(t);
		const draft: Omit<ClozeCard, 'id'> = {
			kind: 'cloze',
			before: lead + f.text.slice(0, at),
			after: f.text.slice(at + t.length),
			answer: t,
			...base(ctx, f.text, f.corrections)
		};
		out.push(withId(draft as Draft, f.original, `cloze:${t}`));
	}
	return out;
}

// ---- DOMC -------------------------------------------------------------------------------------

export function domc(ctx: Ctx): Card[] {
	const out: Card[] = [];
	const { section, sub } = ctx;
	const where = sub.title || section.title;
	// Parent groups (Kubernetes vs Docker Swarm): which points belong to one parent.
	const parents = [...new Set(sub.facts.map((f) => f.parent).filter((p): p is string => !!p))];
	for (const p of parents) {
		const own = distinctFacts(sub.facts.filter((f) => f.parent === p));
		const other = distinctFacts(sub.facts.filter((f) => f.parent && f.parent !== p)).filter(
			(o) => !own.some((x) => sameFact(x.text, o.text))
		);
		if (own.length < 2 || other.length < 2) continue;
		out.push(
			domcCard(
				ctx,
				`Which of these does the guide list as points of ${p}? Answer each option yes or no.`,
				own,
				other,
				`domc-parent:${p}`
			)
		);
	}
	if (sub.title) {
		const own = distinctFacts(plainFacts(sub));
		const group = typeGroup(section, sub);
		const others = distinctFacts(
			(group ? group.members : section.subsections)
				.filter((s) => s !== sub)
				.flatMap((s) => plainFacts(s).filter((o) => !sharedWith(ctx, s, o).has(sub.title)))
		).filter((o) => !own.some((x) => sameFact(x.text, o.text)));
		if (own.length >= 2 && others.length >= 2) {
			const stem = group
				? `Which of these does the guide say about ${where}? Answer each option yes or no.`
				: `Which of these statements does the guide make under ${where}? Answer each option yes or no.`;
			out.push(domcCard(ctx, stem, own, others, `domc:${where}`));
		}
	}
	return out;
}

/** Facts with the same wording once each (notes may repeat a bullet): a DOMC never repeats an option. */
function distinctFacts<F extends { text: string }>(facts: F[]): F[] {
	const out: F[] = [];
	for (const f of facts) if (!out.some((x) => sameFact(x.text, f.text))) out.push(f);
	return out;
}

function domcCard(ctx: Ctx, stem: string, own: PFact[], other: PFact[], disc: string): Card {
	const right = stableShuffle(own, disc, (f) => f.original).slice(0, 2);
	const wrong = stableShuffle(other, disc, (f) => f.original).slice(0, 3);
	const options = stableShuffle(
		[
			...right.map((f) => ({ text: f.text, correct: true })),
			...wrong.map((f) => ({ text: f.text, correct: false }))
		],
		`${disc}#opts`,
		(o) => o.text
	);
	const draft: Omit<DomcCard, 'id'> = {
		kind: 'domc',
		stem,
		options,
		...base(
			ctx,
			own.map((f) => f.text).join('\n'),
			own.flatMap((f) => f.corrections)
		)
	};
	return withId(draft as Draft, own.map((f) => f.original).join('\n'), disc);
}

// ---- commands ---------------------------------------------------------------------------------

const LABEL_ONLY = /^(commands?|usage|setup|creation|configuration|example|examples)$/i;

/** The instruction a command exercise asks for: its comment, else the item it sits under. */
export function commandIntent(cmd: PCommand, code: PCode, ctx: Ctx): string {
	const raw = cmd.intent ?? (code.label && !LABEL_ONLY.test(code.label) ? code.label : '');
	const where = ctx.sub.title || ctx.section.title;
	return raw ? sentence(upperFirst(raw)) : `Write the ${where} command shown in the guide.`;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The values a learner cannot guess: names, images, ports, paths that are not flags or subcommands. */
function commandValues(tokens: string[]): string[] {
	const vals: string[] = [];
	for (let i = 1; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (t.startsWith('-')) {
			const eq = t.indexOf('=');
			if (eq > 0) vals.push(t.slice(eq + 1));
			continue;
		}
		const prev = tokens[i - 1]!;
		if (/^[a-z][a-z-]*$/.test(t) && !prev.startsWith('-') && i <= 2) continue; // subcommand words
		if (['|', '>', '&&', ';', 'do', 'done'].includes(t)) continue;
		vals.push(t);
	}
	return [...new Set(vals.map((v) => v.replace(/;$/, '')))].filter((v) => v.length > 0);
}

/** Words that end a command stage: a pipe, a redirection, a list operator. */
const STAGE_END = new Set(['|', '>', '>>', '<', '&&', '||', ';', 'done']);

/** The docker (or Docker-compatible podman) stage of a command line, read by the CLI model. */
function dockerStage(tokens: string[]) {
	const start = tokens.findIndex((t) => t === 'docker' || t === 'podman');
	if (start < 0) return null;
	const words: string[] = [];
	for (const t of tokens.slice(start)) {
		if (STAGE_END.has(t)) break;
		words.push(t.replace(/;$/, ''));
		if (t.endsWith(';')) break;
	}
	words[0] = 'docker';
	const parsed = readCommand(words);
	return parsed.unknownCommand || !parsed.path ? null : parsed;
}

/**
 * Word-bank distractors: real flags of the same docker command that the answer does not use, so
 * ordering is not trivial and no distractor is nonsense. Flags the section uses come first, then flags
 * with a short form (the everyday ones), then the rest. Commands the CLI model does not know get none.
 */
export function orderDistractors(tokens: string[], sectionFlags: string[], seed: string): string[] {
	const parsed = dockerStage(tokens);
	if (!parsed) return [];
	const used = new Set(parsed.flags.map((f) => f.name));
	const all = flagsOf(parsed.path).filter((f) => !used.has(f.long) && f.long !== 'help');
	const fromSection = new Set(sectionFlags.filter((f) => f.startsWith('--')).map((f) => f.slice(2)));
	const rank = (f: { long: string; short: string }) => (fromSection.has(f.long) ? 0 : f.short ? 1 : 2);
	const ranked = stableShuffle(all, seed, (f) => f.long).sort((a, b) => rank(a) - rank(b));
	return ranked
		.map((f) => `--${f.long}`)
		.filter((d) => !tokens.includes(d))
		.slice(0, 2);
}

/** An angle-bracket placeholder (`<driver-name>`): a shell reads `<` and `>` as redirections. */
export const hasPlaceholder = (command: string) => /<[^<>\s]+>/.test(command);

const DULL = new Set(['--name', '--rm', '-d', '-it']);

function blankCandidates(tokens: string[]): { index: number; answer: string; split?: string }[] {
	const out: { index: number; answer: string; split?: string }[] = [];
	const flags = tokens.map((t, i) => ({ t, i })).filter(({ t }) => /^--[a-z]/.test(t));
	const ordered = [
		...flags.filter(({ t }) => !DULL.has(t.split('=')[0]!)),
		...flags.filter(({ t }) => DULL.has(t.split('=')[0]!))
	];
	ordered.forEach(({ t, i }) => {
		const eq = t.indexOf('=');
		out.push(eq > 0 ? { index: i, answer: t.slice(0, eq), split: t.slice(eq) } : { index: i, answer: t });
	});
	tokens.forEach((t, i) => {
		if (/^-[a-zA-Z]$/.test(t)) out.push({ index: i, answer: t });
	});
	tokens.forEach((t, i) => {
		if (i > 0 && i <= 2 && /^[a-z][a-z-]+$/.test(t)) out.push({ index: i, answer: t });
	});
	return out;
}

export function commandCards(
	ctx: Ctx,
	code: PCode,
	sectionFlags: string[],
	intents: Readonly<Record<string, string>> = {}
): Card[] {
	const out: Card[] = [];
	for (const cmd of code.commands) {
		const tokens = shellTokens(cmd.command);
		if (tokens.length === 0) continue;
		const reviewed = intents[cmd.original];
		const intent = reviewed ? sentence(reviewed) : commandIntent(cmd, code, ctx);
		const needed = reviewed ? [] : commandValues(tokens).filter((v) => !gives(intent, v));
		const prompt = needed.length ? `${intent} Use ${needed.map((v) => `\`${v}\``).join(', ')}.` : intent;
		const common = base(ctx, cmd.command, cmd.corrections);
		// A placeholder cannot be typed or ordered: the learner's real value would be marked wrong.
		const placeholder = hasPlaceholder(cmd.command);
		if (!placeholder && !gives(prompt, cmd.command)) {
			const type: Omit<CommandTypeCard, 'id'> = {
				kind: 'command-type',
				prompt,
				answer: cmd.command,
				...common
			};
			out.push(withId(type as Draft, cmd.original, 'type'));
		}
		const blank = blankCandidates(tokens).find(
			(c) =>
				!hasWord(intent, c.answer.replace(/^-+/, '')) &&
				!/[<>]/.test(c.answer) &&
				tokens.filter((t) => t.split('=')[0] === c.answer).length === 1
		);
		if (blank) {
			const before = tokens.slice(0, blank.index).join(' ');
			const after =
				(blank.split ?? '') +
				(blank.index + 1 < tokens.length ? ' ' + tokens.slice(blank.index + 1).join(' ') : '');
			const fill: Omit<CommandFillCard, 'id'> = {
				kind: 'command-fill',
				prompt: `${intent} Fill in the blank.`,
				before: before ? `${before} ` : '',
				after,
				answer: blank.answer,
				command: cmd.command,
				...common
			};
			out.push(withId(fill as Draft, cmd.original, `fill:${blank.answer}`));
		}
		if (!placeholder && tokens.length >= 3 && tokens.length <= 14) {
			const distractors = orderDistractors(tokens, sectionFlags, cmd.original);
			const order: Omit<CommandOrderCard, 'id'> = {
				kind: 'command-order',
				prompt: `${intent} Put the parts of the command in order.`,
				tokens,
				distractors,
				...common
			};
			out.push(withId(order as Draft, cmd.original, 'order'));
		}
	}
	return out;
}

// ---- config -----------------------------------------------------------------------------------

function configLanguage(code: PCode): ConfigLanguage {
	if (code.kind === 'dockerfile') return 'dockerfile';
	if (/^\s*(services|version):/m.test(code.value)) return 'compose';
	return 'yaml';
}

const LANG_NAME: Record<ConfigLanguage, string> = {
	compose: 'Compose file',
	dockerfile: 'Dockerfile',
	yaml: 'YAML file'
};

/** How much blanking a key teaches: Compose and workflow keys a learner should know by heart. */
const KEY_SCORE: Record<string, number> = {
	profiles: 5,
	'<<': 5,
	dockerfile: 4,
	condition: 4,
	replicas: 3,
	depends_on: 3,
	memory: 3,
	cpus: 3,
	restart: 3,
	'runs-on': 3,
	uses: 3,
	job_name: 3,
	targets: 3,
	command: 2,
	ports: 2,
	push: 2,
	context: 1,
	image: 0,
	build: 1
};

/** Keys whose value is a short indented block worth blanking whole (`depends_on:` and its list). */
const BLOCK_KEYS: Record<string, number> = { depends_on: 3, ports: 2, profiles: 5, healthcheck: 4 };

const indent = (l: string) => l.length - l.trimStart().length;

/** The Compose service a line belongs to (the nearest `  name:` above it under `services:`). */
function serviceOf(lines: string[], at: number): string | null {
	for (let i = at - 1; i >= 0; i--) {
		const m = /^ {2}([\w.-]+):\s*$/.exec(lines[i]!);
		if (m && lines.slice(0, i).some((l) => /^services:/.test(l))) return m[1]!;
		if (/^\S/.test(lines[i]!)) return null;
	}
	return null;
}

/** A question that identifies a blanked line by its role, when the line's key or instruction is known. */
function roleQuestion(
	lines: string[],
	start: number,
	answer: string,
	language: ConfigLanguage
): string | null {
	const t = answer.trim();
	if (language === 'dockerfile') {
		if (/^COPY --from=/.test(t))
			return 'Which instruction copies the built files from the build stage into the final image?';
		if (/^FROM \S+ AS \S+/i.test(t))
			return 'Which instruction starts a stage and names it, so that a later stage can copy from it?';
		if (/^HEALTHCHECK/.test(t))
			return 'Which instruction tells Docker how, and how often, to test that the container is healthy?';
		if (/^EXPOSE/.test(t)) return 'Which instruction documents the port the container listens on?';
		if (/^CMD/.test(t)) return "Which instruction sets the container's default command?";
		return null;
	}
	const key = /^(?:-\s+)?([\w.<-]+):/.exec(t)?.[1];
	const svc = serviceOf(lines, start);
	const of = svc ? ` of the ${svc} service` : '';
	switch (key) {
		case 'depends_on':
			return `Which key makes the ${svc ?? 'service'} service start after the service it needs?`;
		case 'ports':
			return `Which lines publish the port${of} on the host?`;
		case 'profiles':
			return `Which key starts the ${svc ?? 'service'} service only when its profile is active?`;
		case 'replicas':
			return `Which line sets how many copies${of} the swarm runs?`;
		case 'condition':
			return 'Which line restarts the service only when it exits with an error?';
		case 'restart':
			return 'Which line makes every service built from these defaults restart whatever happens?';
		case 'command':
			return `Which line overrides the command${of}?`;
		case 'dockerfile':
			return `Which line builds the ${svc ?? 'service'} service from a Dockerfile with another name?`;
		case 'runs-on':
			return 'Which line picks the kind of runner the build job runs on?';
		case 'job_name':
			return 'Which line names the scrape job?';
		default:
			return null;
	}
}

/** Lines worth blanking: instructions and key lines that carry a value, scored by how much they teach. */
function configTargets(
	lines: string[],
	language: ConfigLanguage
): { start: number; end: number; score: number }[] {
	const out: { start: number; end: number; score: number }[] = [];
	for (let i = 0; i < lines.length; i++) {
		const l = lines[i]!;
		const t = l.trim();
		if (!t || t.startsWith('#')) continue;
		let end = i;
		while (lines[end]!.trimEnd().endsWith('\\') && end + 1 < lines.length) end++;
		let score = 0;
		if (language === 'dockerfile') {
			if (!/^[A-Z]+\s/.test(t)) continue;
			score =
				1 + (/--/.test(t) ? 2 : 0) + (/^(HEALTHCHECK|COPY --from|FROM .* AS|CMD|EXPOSE)/.test(t) ? 2 : 0);
		} else {
			const m = /^(-\s+)?([\w.<-]+):\s*(\S.*)?$/.exec(t);
			const block = m && !m[3] ? BLOCK_KEYS[m[2]!] : undefined;
			if (block !== undefined) {
				while (end + 1 < lines.length && lines[end + 1]!.trim() && indent(lines[end + 1]!) > indent(l)) end++;
				if (end > i && end - i <= 3) {
					out.push({ start: i, end, score: 1 + block });
					i = end;
				}
				continue;
			}
			if (!m || !m[3] || m[3].startsWith('&') || (m[3].startsWith('*') && m[2] !== '<<')) {
				if (/^-\s+["']?--/.test(t) || /^-\s+\S+:\S+/.test(t)) score = 1;
				else continue;
			} else {
				score = 1 + (KEY_SCORE[m[2]!] ?? 0);
			}
		}
		out.push({ start: i, end, score });
		i = end;
	}
	return out;
}

export function configCards(ctx: Ctx, code: PCode): Card[] {
	if (code.kind !== 'dockerfile' && code.kind !== 'yaml') return [];
	const language = configLanguage(code);
	const lines = code.value.split('\n');
	const targets = configTargets(lines, language)
		.map((t, i) => ({ ...t, i }))
		.sort((a, b) => b.score - a.score || a.i - b.i);
	const count = lines.length >= 8 ? 2 : 1;
	const where = ctx.sub.title || ctx.section.title;
	const out: Card[] = [];
	const intent = code.label && !LABEL_ONLY.test(code.label) ? ` (${code.label})` : '';
	for (const t of targets) {
		if (out.length >= count) break;
		const answer = lines.slice(t.start, t.end + 1).join('\n');
		const before = lines.slice(0, t.start).join('\n');
		const after = lines.slice(t.end + 1).join('\n');
		const single = lines.length === 1 || (before === '' && after === '');
		const role = single ? null : roleQuestion(lines, t.start, answer, language);
		const prompt = role
			? `${role} Fill in the missing ${t.end > t.start ? 'lines' : 'line'} of this ${LANG_NAME[language]} from ${where}.`
			: single
				? `Write the ${LANG_NAME[language]} line from ${where}${intent}.`
				: `Fill in the missing ${t.end > t.start ? 'lines' : 'line'} of this ${LANG_NAME[language]} from ${where}${intent}.`;
		if (gives(prompt + before + after, answer.trim())) continue;
		const draft: Omit<ConfigFillCard, 'id'> = {
			kind: 'config-fill',
			prompt,
			language,
			before,
			after,
			answer,
			...base(ctx, code.value, code.corrections)
		};
		out.push(withId(draft as Draft, code.original, `config:${answer.trim()}`));
	}
	return out;
}
