/** The command and config builders (fact cards are in fact-cards.ts), all pure and deterministic. */
import { stableHash } from '../hash';
import type {
	Card,
	CardId,
	CardSource,
	CommandFillCard,
	CommandOrderCard,
	CommandTypeCard,
	ConfigFillCard,
	ConfigLanguage,
	Correction,
	SectionId
} from '../pack/types';
import { commandPathsOf, flagsOf, readCommand } from '../answer/cli-model';
import { mergeCorrections, type Overlap } from './errata';
import type { PCode, PCommand, PSection, PSub } from './prepare';
import {
	gives,
	hasWord,
	IMPERATIVE,
	lowerFirst,
	sentence,
	sentenceStart,
	shellTokens,
	stableShuffle,
	subjectOf
} from './text';
import { factKey } from './facts';
import type { ExamTags } from './notes';

export interface Ctx {
	section: PSection;
	sectionId: SectionId;
	sub: PSub;
	/** Reviewed facts that are also true of sibling subsections. */
	overlaps?: readonly Overlap[];
	/** The subsection's exam tags. */
	tags?: ExamTags;
}

type Draft = Omit<Card, 'id'>;

function base(ctx: Ctx, text: string, corrections: Correction[], why: string, original: string) {
	const source: CardSource = {
		section: ctx.section.title,
		...(ctx.sub.title ? { subsection: ctx.sub.title } : {}),
		text
	};
	const correction = mergeCorrections(corrections);
	const tags = ctx.tags ?? {};
	return {
		sectionId: ctx.sectionId,
		source,
		...(correction ? { correction } : {}),
		why,
		...(tags.domain ? { domain: tags.domain } : {}),
		...(tags.objectives ? { objectives: tags.objectives } : {}),
		fact: factKey(`${ctx.section.title}\u0000${original}`)
	};
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

// ---- commands ---------------------------------------------------------------------------------

const LABEL_ONLY = /^(commands?|usage|setup|creation|configuration|example|examples)$/i;

/** The instruction a command exercise asks for: its comment, else the item it sits under. */
export function commandIntent(cmd: PCommand, code: PCode, ctx: Ctx): string {
	const raw = cmd.intent ?? (code.label && !LABEL_ONLY.test(code.label) ? code.label : '');
	const subject = subjectOf(ctx.sub.title || ctx.section.title).text;
	return raw ? sentence(upperFirst(raw)) : `Write the command for ${subject}.`;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Why a command does what its task asks: the author's `# Why:` line, else its correction's, else what it does. */
function commandWhy(cmd: PCommand, code: PCode, intent: string): string {
	// A reason that starts with a command word or flag keeps its case ("ls lists …", "--rm removes …").
	const cap = (w: string) => (shellTokens(cmd.command).includes(w.split(/\s/)[0]!) ? w : sentenceStart(w));
	if (cmd.why) return sentence(cap(cmd.why));
	if (code.why) return sentence(cap(code.why));
	const note = cmd.corrections.find((c) => c.why);
	if (note) return note.why;
	return `\`${cmd.command}\` does this: ${lowerFirst(intent)}`;
}

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

/** The words and numbers of a text, for telling whether a task already names a value. */
const wordsOf = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9]+/g) ?? []);

/**
 * True when a value must be named after the task ("Use `'{{json .Config.Env}}'`"): a template, a quoted
 * string, a path or a comma list the learner cannot guess. A value the task already says in words
 * ("port 8080 to container port 80" for `8080:80`), a boolean, the word docker, or the one value the card
 * tests (`rollback` after `--update-failure-action`, the filter `dangling=true`) is not handed over.
 */
export function hintNeeded(value: string, tokens: string[], intent: string): boolean {
	const v = value.replace(/^['"]|['"]$/g, '');
	if (/^(docker|true|false)$/i.test(v)) return false;
	if (/[{}"',]|^\/|\s/.test(value)) return true;
	const said = wordsOf(intent);
	// A word or number the task says (`24h` for "24 hours", `512m` for "512 MB").
	const named = (w: string) => said.has(w) || said.has(w.replace(/(ms|s|m|h|g|k|b)$/, ''));
	const parts = [...wordsOf(v)];
	// Every word and number of the value is in the task already: the hint would only repeat it.
	if (parts.length > 0 && parts.every(named)) return false;
	// A single word right after its flag (`--update-failure-action rollback`, `--detach=false`) is what
	// the card asks: knowing the value is the point.
	const at = tokens.findIndex((t) => t === value || t.endsWith(`=${value}`));
	const flagged = at > 0 && (tokens[at]!.startsWith('-') || tokens[at - 1]!.startsWith('-'));
	if (flagged && /^[a-z][a-z-]*$/.test(v)) return false;
	// A filter or spec `key=value` whose value the task names: the key is the knowledge.
	const kv = /^([\w.-]+)(==|!=|=)(.+)$/.exec(v);
	if (kv && !/[/,]/.test(kv[3]!) && (/^(true|false)$/.test(kv[3]!) || [...wordsOf(kv[3]!)].every(named)))
		return false;
	// The platform of an image (`linux/arm64` for "64-bit ARM") is what the card asks.
	if (at > 0 && tokens[at - 1] === '--platform') return false;
	return true;
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
 * Word-bank distractors: flags that cannot complete the command, so a learner who adds one always has a
 * wrong answer. First flags of the same docker command that need a value (added alone, a value-taking
 * flag swallows the next word; a boolean such as `--rm`, `--detach` or `--quiet` would still give a valid,
 * often identical, command); then, when the command has too few, flags of its sibling commands that it
 * does not have (`--replicas` for `docker service scale`), which the CLI refuses. Flags the section uses
 * come first, then flags with a short form (the everyday ones), then the rest. Commands the CLI model
 * does not know get none.
 */
export function orderDistractors(tokens: string[], sectionFlags: string[], seed: string): string[] {
	const parsed = dockerStage(tokens);
	if (!parsed) return [];
	const used = new Set(parsed.flags.map((f) => f.name));
	const own = flagsOf(parsed.path);
	const ownNames = new Set(own.map((f) => f.long));
	const valued = own.filter((f) => f.kind !== 'b' && !used.has(f.long) && f.long !== 'help');
	const group = parsed.path.split(' ')[0]!;
	const foreign = new Map<string, { long: string; short: string; kind: string }>();
	for (const path of commandPathsOf()) {
		if (path === parsed.path || path.split(' ')[0] !== group || !path.includes(' ')) continue;
		for (const f of flagsOf(path)) if (!ownNames.has(f.long) && f.long !== 'help') foreign.set(f.long, f);
	}
	const fromSection = new Set(sectionFlags.filter((f) => f.startsWith('--')).map((f) => f.slice(2)));
	const rank = (f: { long: string; short: string }) => (fromSection.has(f.long) ? 0 : f.short ? 1 : 2);
	const ranked = (list: { long: string; short: string }[]) =>
		stableShuffle(list, seed, (f) => f.long).sort((a, b) => rank(a) - rank(b));
	return [...ranked(valued), ...ranked([...foreign.values()])]
		.map((f) => `--${f.long}`)
		.filter((d) => !tokens.some((t) => t === d || t.startsWith(`${d}=`)))
		.slice(0, 2);
}

/** An angle-bracket placeholder (`<driver-name>`): a shell reads `<` and `>` as redirections. */
export const hasPlaceholder = (command: string) => /<[^<>\s]+>/.test(command);

const DULL = new Set(['--name', '--rm', '-d', '--detach', '-it']);

function blankCandidates(tokens: string[]): { index: number; answer: string; split?: string }[] {
	const out: { index: number; answer: string; split?: string }[] = [];
	const flags = tokens.map((t, i) => ({ t, i })).filter(({ t }) => /^--[a-z]/.test(t));
	// A name, removal on exit or detaching teaches nothing about the command: never the blank.
	const ordered = flags.filter(({ t }) => !DULL.has(t.split('=')[0]!));
	ordered.forEach(({ t, i }) => {
		const eq = t.indexOf('=');
		out.push(eq > 0 ? { index: i, answer: t.slice(0, eq), split: t.slice(eq) } : { index: i, answer: t });
	});
	tokens.forEach((t, i) => {
		if (/^-[a-zA-Z]$/.test(t) && !DULL.has(t)) out.push({ index: i, answer: t });
	});
	// A subcommand word right after docker (never the word docker itself, never a value).
	const cli = tokens[0] === 'docker' || tokens[0] === 'podman';
	tokens.forEach((t, i) => {
		if (
			cli &&
			i > 0 &&
			i <= 2 &&
			/^[a-z][a-z-]+$/.test(t) &&
			t !== 'docker' &&
			!tokens[i - 1]!.startsWith('-')
		)
			out.push({ index: i, answer: t });
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
		const needed = reviewed
			? []
			: commandValues(tokens).filter((v) => !gives(intent, v) && hintNeeded(v, tokens, intent));
		const prompt = needed.length ? `${intent} Use ${needed.map((v) => `\`${v}\``).join(', ')}.` : intent;
		const why = commandWhy(cmd, code, intent);
		const common = base(ctx, cmd.command, cmd.corrections, why, cmd.original);
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
		// Word order only where ordering teaches something: five tokens or more, with plausible distractors.
		const distractors = placeholder ? [] : orderDistractors(tokens, sectionFlags, cmd.original);
		if (!placeholder && tokens.length >= 5 && tokens.length <= 14 && distractors.length > 0) {
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

/** A published port taken from a variable with a default: `"${WEB_PORT:-80}:80"`. */
const VAR_PORT = /\$\{(\w+):-(\d+)\}:(\d+)/;

/** A question that identifies a blanked line by its role, when the line's key or instruction is known. */
function roleQuestion(
	lines: string[],
	start: number,
	answer: string,
	language: ConfigLanguage
): string | null {
	const t = answer.trim();
	// Every value the answer needs is named in the question; the learner supplies the key or instruction.
	const value = t.slice(t.indexOf(':') + 1).trim();
	if (language === 'dockerfile') {
		if (/^COPY --from=/.test(t))
			return 'Which instruction copies the built files from the build stage into the final image?';
		const stage = /^FROM (\S+) AS (\S+)/i.exec(t);
		if (stage)
			return `Which instruction starts a stage from \`${stage[1]}\` and names it, so that a later stage can copy from it?`;
		if (/^HEALTHCHECK/.test(t))
			return 'Which instruction tells Docker how, and how often, to test that the container is healthy?';
		if (/^EXPOSE/.test(t)) return 'Which instruction documents the port the container listens on?';
		if (/^CMD/.test(t))
			return lines.some((l) => /^ENTRYPOINT\s/.test(l.trim()))
				? `Which instruction gives the ENTRYPOINT its default arguments, ${t.replace(/^CMD\s+/, '')}?`
				: "Which instruction sets the container's default command?";
		return null;
	}
	const key = /^(?:-\s+)?([\w.<-]+):/.exec(t)?.[1];
	const svc = serviceOf(lines, start);
	const of = svc ? ` of the ${svc} service` : '';
	switch (key) {
		case 'depends_on':
			return `Which key makes the ${svc ?? 'service'} service start after the service it needs?`;
		case 'ports': {
			const v = VAR_PORT.exec(t);
			if (v)
				return `Which lines publish port ${v[3]}${of} on the host port in the variable ${v[1]}, or on port ${v[2]} when ${v[1]} is unset?`;
			const map = /["']?(\d+):(\d+)["']?/.exec(t);
			return map ? `Which lines publish port ${map[2]}${of} on port ${map[1]} of the host?` : null;
		}
		case 'profiles': {
			const names = [...t.matchAll(/["']([\w-]+)["']/g)].map((m) => m[1]!);
			const which = names.length ? ` the ${names.join(' or the ')} profile` : ' its profile';
			return `Which key starts the ${svc ?? 'service'} service only when${which} is active?`;
		}
		case 'replicas':
			return `Which line makes the swarm run ${value} ${value === '1' ? 'copy' : 'copies'}${of || ' of each service built from these defaults'}?`;
		case 'condition':
			return 'Which line restarts the service only when it exits with an error?';
		case 'restart':
			return 'Which line makes every service built from these defaults restart whatever happens?';
		case 'command':
			return `Which line makes the ${svc ?? 'service'} service run \`${value}\` instead of its image's default command?`;
		case 'dockerfile':
			return `Which line builds the ${svc ?? 'service'} service from the file ${value} instead of the default Dockerfile?`;
		case 'runs-on':
			return `Which line runs the build job on a ${value} runner?`;
		case 'push':
			return 'Which line makes the action push the image it builds?';
		case 'targets': {
			const target = /\[\s*'?"?([^'"\]]+)/.exec(value)?.[1];
			return target ? `Which line makes Prometheus scrape ${target}?` : null;
		}
		default:
			return null;
	}
}

/** Why a blanked line does what it does, by its key or instruction. */
function lineWhy(answer: string, language: ConfigLanguage, entrypoint = false): string | null {
	const t = answer.trim();
	if (language === 'dockerfile') {
		if (/^COPY --from=/.test(t))
			return 'COPY --from copies files out of an earlier stage, so the final image gets the build output without the build tools.';
		if (/^FROM \S+ AS \S+/i.test(t))
			return 'FROM … AS names a stage, so that a later COPY --from can refer to it.';
		if (/^HEALTHCHECK/.test(t))
			return 'HEALTHCHECK runs its command at each interval; a non-zero exit marks the container unhealthy.';
		if (/^EXPOSE/.test(t))
			return 'EXPOSE documents the port; it does not publish it (that takes -p at run time).';
		if (/^CMD/.test(t))
			return entrypoint
				? 'With an ENTRYPOINT, CMD only supplies its default arguments, which docker run arguments replace.'
				: 'CMD sets the default command, which docker run arguments replace.';
		if (/^RUN .*&&/.test(t))
			return 'Chaining commands with && in one RUN makes one layer, and cleaning up in the same RUN keeps the files out of every layer.';
		if (/^COPY package/.test(t))
			return 'Copying only the dependency manifest first lets Docker reuse the cached install layer until the manifest changes.';
		if (/^FROM /.test(t)) return 'FROM sets the base image every later instruction builds on.';
		return null;
	}
	const key = /^(?:-\s+)?([\w.<-]+):/.exec(t)?.[1];
	const reasons: Record<string, string> = {
		depends_on:
			'depends_on makes Compose start the listed services first (without a condition it does not wait for them to be ready).',
		ports: 'ports publishes a container port on the host as HOST:CONTAINER.',
		profiles:
			'A service with profiles starts only when one of its profiles is active (--profile or COMPOSE_PROFILES); services without profiles always start.',
		replicas: 'deploy.replicas sets how many tasks of the service the swarm keeps running.',
		condition:
			'restart_policy.condition: on-failure restarts a task only when it exits with a non-zero code.',
		restart: 'restart: always restarts the container whenever it stops, and when the daemon starts.',
		command: "command overrides the image's default CMD for this service.",
		dockerfile: 'build.dockerfile names a Dockerfile other than the default, relative to the build context.',
		'runs-on': 'runs-on picks the runner image the job runs on.',
		'<<': 'The YAML merge key << copies the anchored mapping into this service, so the defaults are written once.',
		memory: 'deploy.resources.limits.memory caps the memory each task may use.',
		cpus: 'deploy.resources.limits.cpus caps the CPU time each task may use.',
		targets: 'targets lists the host:port endpoints Prometheus scrapes.',
		push: 'push: true makes the action push the image after building it.',
		volumes: 'volumes mounts a host path or a named volume into the container.',
		environment: 'environment sets variables inside the container.'
	};
	return key ? (reasons[key] ?? null) : null;
}

/** Lines that teach nothing or cannot be inferred: image tags, action pins, names, `build: .`, `${VAR}` values. */
const UNTEACHABLE_LINE = /^(-\s+)?(image|uses|name|tags|job_name|build|context):|\$\{|@v\d/;

/** Lines worth blanking: instructions and key lines that carry a value, scored by how much they teach. */
function configTargets(
	lines: string[],
	language: ConfigLanguage
): { start: number; end: number; score: number }[] {
	const out: { start: number; end: number; score: number }[] = [];
	let bad = false;
	for (let i = 0; i < lines.length; i++) {
		const l = lines[i]!;
		const t = l.trim();
		// A "Bad" example's lines are shown, never asked for.
		if (t.startsWith('#')) bad = /^#\s*(bad|wrong|don't|avoid)\b/i.test(t);
		if (!t || t.startsWith('#') || bad) continue;
		if (language !== 'dockerfile' && UNTEACHABLE_LINE.test(t) && !/^(-\s+)?build:\s*$/.test(t)) continue;
		// A list entry that is only a path or a file ("- ./logstash.conf:/usr/share/…") cannot be inferred.
		if (language !== 'dockerfile' && /^-\s+["']?[./]/.test(t)) continue;
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
				// A block whose value is a ${VAR} substitution asks for a name the prompt cannot give.
				const body = lines.slice(i, end + 1).join('\n');
				const named = !body.includes('${') || VAR_PORT.test(body);
				if (end > i && end - i <= 3 && named) {
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
	const out: Card[] = [];
	// The item a snippet sits under names its purpose; a term item names only its term.
	const purpose = code.label
		?.split(':')[0]!
		.replace(/\s*\(.*\)\s*$/, '')
		.trim();
	// An example's caption or a piece of advice ("Example with docker-compose", "Use deploy section for …")
	// says nothing about what this file does: no parenthesis then.
	const advice = purpose && (/^example\b/i.test(purpose) || IMPERATIVE.test(purpose));
	const intent = purpose && !LABEL_ONLY.test(purpose) && !advice ? ` (${lowerFirst(purpose)})` : '';
	for (const t of targets) {
		if (out.length >= count) break;
		const answer = lines.slice(t.start, t.end + 1).join('\n');
		const before = lines.slice(0, t.start).join('\n');
		const after = lines.slice(t.end + 1).join('\n');
		const single = lines.length === 1 || (before === '' && after === '');
		const role = single ? null : roleQuestion(lines, t.start, answer, language);
		const from = /^FROM\s+(\S+)$/.exec(answer.trim());
		// A one-line `FROM image` snippet can only be asked by naming the image, which gives the
		// whole answer away: it teaches nothing a flashcard of the base image does not.
		if (single && from) continue;
		const prompt = role
			? `${role} Fill in the missing ${t.end > t.start ? 'lines' : 'line'} of this ${LANG_NAME[language]}${intent}.`
			: single && from
				? `Write the Dockerfile line that starts the image from \`${from[1]}\`${intent}.`
				: single
					? `Write the ${LANG_NAME[language]} line${intent}.`
					: `Fill in the missing ${t.end > t.start ? 'lines' : 'line'} of this ${LANG_NAME[language]}${intent}.`;
		if (gives(prompt + before + after, answer.trim())) continue;
		const note = code.corrections.find((c) => c.why)?.why;
		const entrypoint = lines.some((l) => /^ENTRYPOINT\s/.test(l.trim()));
		const why = lineWhy(answer, language, entrypoint) ?? (code.why ? sentence(code.why) : null) ?? note;
		if (!why) continue;
		const draft: Omit<ConfigFillCard, 'id'> = {
			kind: 'config-fill',
			prompt,
			language,
			before,
			after,
			answer,
			...base(ctx, code.value, code.corrections, why, code.original)
		};
		out.push(withId(draft as Draft, code.original, `config:${answer.trim()}`));
	}
	return out;
}
