/**
 * Cards from bullets that lead with a command or a flag: "`docker swarm init` turns the current engine
 * into a one-node swarm …", "`--update-delay` sets the wait between batches". Such a bullet says what the
 * command or flag does, so it is asked both ways: "What does `docker swarm init` do?" (a flashcard), and
 * "Which command turns the current engine into a one-node swarm …?" (multiple choice whose wrong options
 * are other commands or flags the notes define in the same section, each with what it does instead), and,
 * when the bullet names every value the command needs, as a command to type. Every card carries the
 * bullet's why line; a bullet without one makes no card.
 */
import type { Card, ClozeCard, CommandTypeCard, FlashcardCard, McqCard, SectionId } from '../pack/types';
import { readCommand } from '../answer/cli-model';
import { cardId } from './cards';
import { mergeCorrections } from './errata';
import type { FalseOrigin, NoteFact, StatementFact } from './facts';
import type { PSection } from './prepare';
import { gives, hasWord, sentence, shellTokens, stableShuffle, upperFirst } from './text';

export interface CommandFactCtx {
	sectionId: (f: NoteFact) => SectionId;
	/** Card id → where its wrong options came from; filled in as cards are made. */
	origins: Record<string, FalseOrigin>;
	/** Facts that already have cards of their own (they still serve as rivals). */
	skip?: (f: NoteFact) => boolean;
}

/** A bullet that leads with a command or a flag, read into what it says. */
export interface CommandFact {
	fact: StatementFact;
	/** The leading code span as written: `docker service ps <service>`, `--update-order start-first`. */
	code: string;
	/** A setting is a daemon.json key, a Dockerfile directive or a template field: asked only what it does. */
	type: 'command' | 'flag' | 'setting';
	/** A second subject that the bullet says the same of: "`--publish-add` and `--publish-rm` change …". */
	pair?: string;
	/** Where a setting is written, when the bullet says so: "in daemon.json". */
	place?: string;
	/** What tells it apart from a rival: the command without its flags and values, or the flag's name. */
	base: string;
	/** Other spellings named right after it: "(or `docker images`)", "(`--publish`)". */
	also: string[];
	/** For a flag: the command it belongs to, from the commands of its subsection or section. */
	command?: string;
	/** What it does, as written after the code (and its parenthesis): "turns the current engine …". */
	does: string;
	/** The first clause of `does` (up to "; "), for a question. */
	clause: string;
	/** True when `does` starts with a third-person verb ("turns", "sets"), so "Which command turns …?" reads. */
	verb: boolean;
}

const VAGUE =
	/^(works|reads|takes|waits|ignores|accepts|needs|keeps only)\b|\band (returns|prints|shows|lists|removes|creates|writes)\b/;
/** Subcommands that run without a positional argument. */
const NO_ARGUMENT = /^(init|leave|ls|df|prune|info|version|ps|images|unlock-key)$/;
/** A daemon.json key, a Dockerfile directive or instruction, a template field: written with punctuation or in capitals. */
const SETTING = /[-_.:"={}#]|^[A-Z]{3,}\b/;
const COMMAND = /^(sudo\s+)?(docker|dockerd|kubectl|systemctl|journalctl)(\s|$)/;
const FLAG = /^--?[A-Za-z]/;
/** Words that end in s but do not make "Which command … ?" read as a question. */
const NOT_VERBS = new Set(['is', 'has', 'was', 'does', 'its', 'this', 'always', 'also', 'less', 'unless']);

/** The command a line runs, without flags and values: `docker service update --image x web` → `docker service update`. */
export function commandName(command: string): string {
	const words = shellTokens(command.replace(/^sudo\s+/, ''));
	// A docker command path as the CLI reads it (`docker exec registry …` is `docker exec`).
	if (words[0] === 'docker')
		return readCommand(words)
			.pathAt.map((i) => words[i])
			.join(' ');
	const out: string[] = [];
	for (const t of words) {
		if (!/^[a-z][a-z0-9-]*$/.test(t)) break;
		out.push(t);
		if (out.length === 3) break;
	}
	return out.join(' ');
}

const flagName = (code: string) => code.split(/[\s=]/)[0]!;

/** "turns the engine …" → "Turn the engine …": a third-person verb made an instruction. */
function imperative(does: string): string {
	const [first = '', ...rest] = does.split(' ');
	const base = /ies$/.test(first)
		? first.replace(/ies$/, 'y')
		: /(sh|ch|x|ss|zz|o)es$/.test(first)
			? first.replace(/es$/, '')
			: first.replace(/s$/, '');
	return upperFirst([base, ...rest].join(' '));
}

/** The commands of a section's code blocks (subsection first), for naming the command a flag belongs to. */
function commandsOf(f: StatementFact): string[] {
	const own = f.sub.code.flatMap((c) => c.commands.map((x) => x.command));
	const all = [f.section.intro, ...f.section.subsections].flatMap((s) =>
		s.code.flatMap((c) => c.commands.map((x) => x.command))
	);
	return [...own, ...all];
}

/** Up to the first "; " outside parentheses, without a closing full stop. */
function firstClause(does: string): string {
	let depth = 0;
	for (let i = 0; i < does.length; i++) {
		const ch = does[i];
		if (ch === '(') depth++;
		else if (ch === ')') depth = Math.max(0, depth - 1);
		else if (ch === ';' && depth === 0) return does.slice(0, i).trim();
	}
	return does.replace(/\.$/, '').trim();
}

/** Reads a statement fact that leads with a command or flag; null for any other bullet. */
export function readCommandFact(f: NoteFact, all: readonly NoteFact[] = []): CommandFact | null {
	if (f.kind !== 'statement' || !f.why) return null;
	const code = f.source.keys[0]?.trim();
	if (!code || !f.source.text.startsWith(code)) return null;
	const type = COMMAND.test(code)
		? 'command'
		: FLAG.test(code)
			? 'flag'
			: SETTING.test(code) && !code.includes('`')
				? 'setting'
				: null;
	if (!type) return null;
	let does = f.source.text.slice(code.length).trim();
	// Two subjects said to do one thing ("`--publish-add` and `--publish-rm` change …") are asked together;
	// any other list of subjects ("`--subnet`, `--gateway` and …", "`--log-driver` and `--log-opt` on …") is not.
	let pair: string | undefined;
	const second = f.source.keys[1]?.trim();
	if (second && does.startsWith(`and ${second} `)) {
		const after = does.slice(`and ${second} `.length);
		// Two subjects take a plural verb ("change", "select"); "limits stop …" is a noun phrase, not what they do.
		if (/^(on|in|of|for|to|with|at|or)\b/.test(after) || !/^[a-z]+[^s\W]\b/.test(after)) return null;
		pair = second;
		does = after;
	} else if (/^(and|or|\/|,)/.test(does)) return null;
	let place: string | undefined;
	const where = /^in (daemon\.json|the Dockerfile|a Compose file)\s+/.exec(does);
	if (type === 'setting' && where) {
		place = where[1];
		does = does.slice(where[0].length);
	} else if (type === 'setting' && /daemon\.json/.test(f.sub.title) && !/^[{#A-Z]/.test(code))
		place = 'daemon.json';
	const also: string[] = [];
	const paren = /^\(([^)]*)\)\s*/.exec(does);
	if (paren) {
		for (const k of f.source.keys.slice(1)) if (paren[1]!.includes(k)) also.push(k.trim());
		// A parenthesis that names no other spelling ("(container port only)") is part of what it says.
		if (also.length === 0) return null;
		does = does.slice(paren[0].length);
	}
	// The author's "- Also:" line names commands that do the same: never a wrong option.
	also.push(...(f.source.also ?? []));
	does = does.replace(/^also\s+/, '').trim();
	const first = does.split(/\s+/)[0] ?? '';
	if (!/^[a-z]/.test(first)) return null;
	const clause = firstClause(does);
	const verb = /^[a-z]{3,}s$/.test(first) && !NOT_VERBS.has(first) && !/ss$/.test(first);
	// A setting is asked only as "What does it do?", so its bullet must say that with a verb.
	if (type === 'setting' && !pair && !verb && first !== 'is') return null;
	const base = type === 'command' ? commandName(code) : flagName(code);
	let command: string | undefined;
	if (type === 'flag') {
		const name = flagName(code);
		// A flag of the command itself, not of the program it runs (`docker exec registry … --dry-run`).
		const ownFlag = (c: string) => {
			const words = shellTokens(c.replace(/^sudo\s+/, ''));
			if (words[0] !== 'docker') return false;
			return readCommand(words).flags.some((u) => u.typed === name || u.name === name);
		};
		const user = commandsOf(f).find(ownFlag);
		const named =
			user ??
			all
				.find((x) => x.source.keys.some((k) => COMMAND.test(k) && ownFlag(k)))
				?.source.keys.find((k) => COMMAND.test(k) && ownFlag(k));
		if (named && commandName(named).split(' ').length > 1) command = commandName(named);
	}
	return {
		fact: f,
		code,
		type,
		base,
		also,
		...(command ? { command } : {}),
		...(pair ? { pair } : {}),
		...(place ? { place } : {}),
		does,
		clause,
		verb
	};
}

/** Content words, for telling whether two commands are said to do nearly the same thing. */
function words(s: string): Set<string> {
	return new Set(
		s
			.toLowerCase()
			.split(/[^a-z0-9/-]+/)
			.filter(
				(w) => w.length > 2 && !['the', 'and', 'for', 'with', 'their', 'its', 'that', 'from'].includes(w)
			)
			.map((w) => w.replace(/s$/, ''))
	);
}

/**
 * How alike two descriptions are, by their words: `overlap` of the two together (1: the same words),
 * `contained` the share of `a`'s words that `b` says too (1: b's description contains a's).
 */
function likeness(a: string, b: string): { overlap: number; contained: number } {
	const x = words(a);
	const y = words(b);
	const common = [...x].filter((w) => y.has(w)).length;
	return {
		overlap: common / Math.max(1, x.size + y.size - common),
		contained: common / Math.max(1, x.size)
	};
}

/** Whether `o` could be a right answer too: the same command or flag, another spelling, or said to do much the same. */
function rivalOk(c: CommandFact, o: CommandFact): boolean {
	if (o === c || o.type !== c.type || o.pair) return false;
	if (o.base === c.base || o.code === c.code) return false;
	if (o.type === 'command' && o.base.split(' ')[0] !== c.base.split(' ')[0]) return false;
	if (o.code.includes('{{')) return false;
	const names = (x: CommandFact) => [
		x.base,
		...x.also.map((a) => (x.type === 'flag' ? flagName(a) : commandName(a)))
	];
	if (names(c).some((n) => names(o).includes(n))) return false;
	// For flags: a rival of another command would be wrong for a reason that has nothing to do with what it does.
	if (c.type === 'flag' && o.command !== c.command) return false;
	// Said in mostly the same words, it could be a second right answer (save and export share "tar archive" and stay rivals).
	const alike = likeness(c.clause, o.clause);
	if (alike.overlap >= 0.5) return false;
	// A rival that does all this and more ("removes stopped containers, unused networks, …" against
	// "removes all stopped containers") is a second right answer.
	if (alike.contained >= 0.7) return false;
	return true;
}

const reasonOf = (f: StatementFact) => sentence(upperFirst(f.why!));
const quoted = (code: string) => `\`${code}\``;
/** What a command or flag does, said of it: "`docker swarm leave` removes the current node from the swarm." */
const saidOf = (c: CommandFact) => `${quoted(c.command ? `${c.command} ${c.code}` : c.code)} ${c.clause}.`;

function common(c: CommandFact, ctx: CommandFactCtx) {
	const f = c.fact;
	const correction = mergeCorrections(f.corrections);
	return {
		sectionId: ctx.sectionId(f),
		source: {
			section: f.section.title,
			...(f.sub.title ? { subsection: f.sub.title } : {}),
			text: f.source.text
		},
		...(correction ? { correction } : {}),
		why: reasonOf(f),
		...(f.tags.domain ? { domain: f.tags.domain } : {}),
		...(f.tags.objectives ? { objectives: f.tags.objectives } : {}),
		fact: f.key
	};
}

const make = <T extends Card>(draft: Omit<T, 'id'>, c: CommandFact, disc: string): T =>
	({ id: cardId(draft.kind, c.fact.source.original, `command-fact:${disc}`), ...draft }) as T;

/** The cards of one bullet that leads with a command or flag. */
function cardsOf(
	c: CommandFact,
	first: boolean,
	rivals: readonly CommandFact[],
	taught: ReadonlySet<string>,
	ctx: CommandFactCtx
): Card[] {
	const out: Card[] = [];
	const shown = c.command ? `${c.command} ${c.code}` : c.code;
	if (!first) {
		// A later bullet about the same command adds behaviour ("returns at once"): the command is blanked in it.
		// A placeholder stays visible: `docker network inspect ____ <net>` asks for the command, not for "<net>".
		const cut = c.code.indexOf(' <');
		const answer = cut > 0 ? c.code.slice(0, cut) : c.code;
		const after = `${cut > 0 ? c.code.slice(cut) : ''} ${c.does.replace(/[.]?$/, '.')}`;
		if (c.type === 'command' && !c.pair && !gives(after, answer))
			out.push(make<ClozeCard>({ kind: 'cloze', before: '', after, answer, ...common(c, ctx) }, c, 'cloze'));
		return out;
	}
	// Forward: what it does. A bullet that says "is …" is asked as "What is …?".
	const isForm = /^is\s/.test(c.does);
	const named = `${quoted(shown)}${c.place ? ` in ${c.place}` : ''}`;
	const front = c.pair
		? `What do ${quoted(shown)} and ${quoted(c.pair)} do?`
		: isForm
			? `What is ${named}?`
			: `What does ${named} do?`;
	const back = sentence(upperFirst(isForm ? c.does.replace(/^is\s+/, '') : c.does));
	out.push(make<FlashcardCard>({ kind: 'flashcard', front, back, ...common(c, ctx) }, c, 'what'));
	// A verb that says how it behaves rather than what it is for ("works on", "reads", "waits") is not asked the other way.
	if (VAGUE.test(c.clause) || c.pair || c.type === 'setting') return out;
	// Which one does this: asked of the first thing the notes say of a command or flag (what it is for), never of a
	// template, and only when the question names no other code.
	if (
		!c.verb ||
		!first ||
		c.code.includes('{{') ||
		/:$/.test(c.clause) ||
		// "for that registry" names a value of the command the question cannot show.
		/\bthat (registry|repository|image|container|service|network|node|stack|role)\b/.test(c.clause) ||
		c.fact.source.keys.slice(1).some((k) => c.clause.includes(k.trim()))
	)
		return out;
	// Reverse: which command or flag does this. Its wrong options are rivals the notes define, each with what it does.
	const stem =
		c.type === 'command'
			? `Which command ${c.clause}?`
			: c.command
				? `Which option of ${quoted(c.command)} ${c.clause}?`
				: `Which option ${c.clause}?`;
	const pool = stableShuffle(
		rivals.filter((o) => rivalOk(c, o) && !gives(stem, o.code)),
		c.fact.source.original,
		(o) => o.code
	);
	// Rivals of the same kind of object first (`docker service …` with `docker service …`), then the section's.
	const group = (x: CommandFact) =>
		x.type === 'command' ? x.base.split(' ').slice(0, 2).join(' ') : (x.command ?? '');
	const picked: CommandFact[] = [];
	// The classic confusions sit in one subsection (save, load, export, import): those rivals come first.
	const near = (o: CommandFact) => (o.fact.sub === c.fact.sub ? 0 : 2) + (group(o) === group(c) ? 0 : 1);
	for (const o of [...pool].sort((x, y) => near(x) - near(y)))
		if (picked.length < 3 && !picked.some((p) => p.base === o.base)) picked.push(o);
	if (picked.length === 3 && !gives(stem, c.code)) {
		const opts = stableShuffle([c, ...picked], `${c.fact.source.original}#opts`, (o) => o.code);
		const card = make<McqCard>(
			{
				kind: 'mcq',
				stem,
				options: opts.map((o) => o.code),
				answer: opts.indexOf(c),
				reasons: opts.map((o) => (o === c ? `Yes: ${reasonOf(c.fact)}` : `No: ${saidOf(o)}`)),
				...common(c, ctx)
			},
			c,
			'which'
		);
		ctx.origins[card.id] = 'category swap';
		out.push(card);
	}
	// Type it: only a whole command with no placeholder, whose every value the task names.
	if (c.type === 'command' && !/[<>|]/.test(c.code) && !taught.has(c.code)) {
		const prompt = sentence(imperative(c.clause));
		const values = shellTokens(c.code)
			.slice(c.base.split(' ').length)
			.filter((t) => !/^-/.test(t))
			.flatMap((t) => t.replace(/^['"]|['"]$/g, '').split(/[=,:]/))
			.filter((t) => t.length > 0);
		// With no value, only a command that needs none (`docker swarm init`, `docker image prune`) is whole.
		const whole = values.length > 0 || NO_ARGUMENT.test(c.base.split(' ').at(-1) ?? '');
		if (whole && values.every((v) => hasWord(prompt, v)) && !gives(prompt, c.code))
			out.push(
				make<CommandTypeCard>({ kind: 'command-type', prompt, answer: c.code, ...common(c, ctx) }, c, 'type')
			);
	}
	return out;
}

/** Cards from every bullet of the notes that leads with a command or flag; rivals come from the same section. */
export function commandFactCards(all: readonly NoteFact[], ctx: CommandFactCtx): Card[] {
	const read = all.map((f) => readCommandFact(f, all)).filter((c): c is CommandFact => c !== null);
	// The first bullet about a command or flag says what it is for; later ones add behaviour ("returns at once").
	const first = new Map<string, CommandFact>();
	for (const c of read)
		if (!first.has(`${c.command ?? ''} ${c.code}`)) first.set(`${c.command ?? ''} ${c.code}`, c);
	const isFirst = (c: CommandFact) => first.get(`${c.command ?? ''} ${c.code}`) === c;
	const bySection = new Map<PSection, CommandFact[]>();
	for (const c of read)
		if (isFirst(c)) bySection.set(c.fact.section, [...(bySection.get(c.fact.section) ?? []), c]);
	const taught = new Map<PSection, Set<string>>();
	for (const s of new Set(read.map((c) => c.fact.section)))
		taught.set(
			s,
			new Set(
				[s.intro, ...s.subsections].flatMap((x) => x.code.flatMap((c) => c.commands.map((m) => m.command)))
			)
		);
	return read
		.filter((c) => !ctx.skip?.(c.fact))
		.flatMap((c) =>
			cardsOf(c, isFirst(c), bySection.get(c.fact.section) ?? [], taught.get(c.fact.section)!, ctx)
		);
}
