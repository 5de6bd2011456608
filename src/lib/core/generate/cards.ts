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
import { mergeCorrections } from './errata';
import type { PCode, PCommand, PFact, PSection, PSub } from './prepare';
import { gives, hasWord, lowerFirst, sentence, shellTokens, stableShuffle, startsWithVerb } from './text';

export interface Ctx {
	section: PSection;
	sectionId: SectionId;
	sub: PSub;
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

/** Facts that describe the subsection itself (not a term and not under a parent term). */
const plainFacts = (sub: PSub) => sub.facts.filter((f) => !f.term && !f.parent && isStatement(f));

// ---- flashcards -------------------------------------------------------------------------------

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
	if (ctx.sub.title && plain.length >= 2) {
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
		let card: Card | null;
		if (group) {
			const stem = startsWithVerb(f.text)
				? `Which type of ${group.noun} ${lowerFirst(f.text)}?`
				: `Which type of ${group.noun} does this describe: "${f.text}"?`;
			const others = group.members.filter((m) => m !== sub).map((m) => m.title);
			if (others.some((o) => hasWord(f.text, distinct(o).split(/\s+/)[0] ?? o))) continue;
			card = mcq(ctx, f, stem, sub.title, others, 'mcq-type');
		} else {
			const stem = `Under which topic of ${section.title} does the guide say: "${f.text}"?`;
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
			const stem = startsWithVerb(ex)
				? `In ${where}, which one ${lowerFirst(ex)}?`
				: `In ${where}, which one is described as "${ex}"?`;
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

export function trueFalse(ctx: Ctx): Card[] {
	const out: Card[] = [];
	const { section, sub } = ctx;
	const group = sub.title ? typeGroup(section, sub) : null;
	const where = sub.title || section.title;
	let trues = 0;
	let falses = 0;
	sub.facts.filter(isStatement).forEach((f) => {
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
			if (wantFalse && rival && !sub.facts.some((x) => x.parent === rival && x.text === f.text)) {
				statement = `The guide lists "${f.text}" as a point of ${rival}.`;
				answer = false;
				explanation = `False: the guide lists it under ${f.parent}, not ${rival}.`;
			} else statement = `The guide lists "${f.text}" as a point of ${f.parent}.`;
		} else if (f.term && f.explanation) {
			const others = sub.facts.filter((x) => x.term && x.explanation && x !== f && x.parent === f.parent);
			const swap = stableShuffle(others, f.original, (x) => x.original)[0];
			if (wantFalse && swap && !gives(swap.explanation!, f.term)) {
				statement = `In ${where}, ${f.term} is described as "${swap.explanation}".`;
				answer = false;
				explanation = `False: that describes ${swap.term}. ${f.term}: ${sentence(f.explanation)}`;
			} else statement = `In ${where}, ${f.term} is described as "${f.explanation}".`;
		} else {
			if (!sub.title) return;
			const others = (group ? group.members : section.subsections).filter(
				(m) => m !== sub && m.facts.length > 0
			);
			const swap = stableShuffle(others, f.original, (x) => x.title)[0];
			// A fact naming its own subject ("... on the same bridge") would be nonsense under another heading.
			const ownWord = (distinct(sub.title).split(/\s+/)[0] ?? '').toLowerCase();
			const namesItself = ownWord.length > 2 && hasWord(f.text, ownWord);
			if (wantFalse && swap && !namesItself && !swap.facts.some((x) => x.text === f.text)) {
				statement = `The guide says this about ${swap.title}: "${f.text}".`;
				answer = false;
				explanation = `False: the guide says this about ${sub.title}, not ${swap.title}.`;
			} else statement = `The guide says this about ${sub.title}: "${f.text}".`;
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

const STOP = new Set([
	'the',
	'a',
	'an',
	'is',
	'are',
	'in',
	'of',
	'to',
	'and',
	'or',
	'for',
	'with',
	'default'
]);

function clozeTarget(f: PFact): string | null {
	const numbers = f.text.match(/\d+(?:\.\d+)?\s?(?:MB|GB|KB|m|s|%)?/g) ?? [];
	const candidates = [
		...f.keys.filter((k) => k !== f.term),
		...numbers,
		...(f.term && f.explanation ? [f.term] : [])
	];
	for (const c of candidates) {
		const t = c.trim();
		if (t.length < 2 || STOP.has(t.toLowerCase())) continue;
		const at = f.text.indexOf(t);
		if (at < 0) continue;
		const rest = f.text.slice(0, at) + f.text.slice(at + t.length);
		if (gives(rest, t)) continue;
		if (rest.replace(/[^a-z]/gi, '').length < 8) continue;
		return t;
	}
	return null;
}

export function cloze(ctx: Ctx): Card[] {
	const out: Card[] = [];
	const where = ctx.sub.title || ctx.section.title;
	for (const f of ctx.sub.facts.filter(isStatement)) {
		const t = clozeTarget(f);
		if (!t) continue;
		const at = f.text.indexOf(t);
		const lead = f.parent ? `${where}, ${f.parent}: ` : `${where}: `;
		if (gives(lead, t)) continue;
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
		const own = sub.facts.filter((f) => f.parent === p);
		const other = sub.facts.filter((f) => f.parent && f.parent !== p);
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
		const own = plainFacts(sub);
		const group = typeGroup(section, sub);
		const others = (group ? group.members : section.subsections).filter((s) => s !== sub).flatMap(plainFacts);
		if (own.length >= 2 && others.length >= 2) {
			const stem = group
				? `Which of these does the guide say about ${where}? Answer each option yes or no.`
				: `Which of these statements does the guide make under ${where}? Answer each option yes or no.`;
			out.push(
				domcCard(
					ctx,
					stem,
					own,
					others.filter((o) => !own.some((x) => x.text === o.text)),
					`domc:${where}`
				)
			);
		}
	}
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

/** Plausible wrong tokens for a word bank when the section has no other flags to borrow. */
const NEAR_MISSES = ['--all', 'new', '--force', 'add'];

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
		if (!gives(prompt, cmd.command)) {
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
		if (tokens.length >= 3 && tokens.length <= 14) {
			const present = new Set(tokens.map((t) => t.split('=')[0]));
			const fromSection = stableShuffle(
				[...new Set(sectionFlags)].filter((f) => !present.has(f)),
				cmd.original,
				(x) => x
			);
			const fallback = NEAR_MISSES.filter((f) => !present.has(f));
			const distractors = [...fromSection, ...fallback].slice(0, 2);
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
	image: 1,
	build: 1
};

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
		const prompt = single
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
