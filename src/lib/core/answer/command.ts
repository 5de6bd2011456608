/**
 * checkCommand: compares a typed command with the expected one as the CLI would read both: aliases,
 * short and long flags, `--flag=value`, free flag order, quoting and spacing do not matter; nor do
 * other forms of the same command (forms.ts), a flag set to its default, or a `sudo` either way (with a
 * note); what the command would do differently does.
 */
import {
	defaultOf,
	isOrdered,
	readCommand,
	shortOf,
	showPath,
	type FlagUse,
	type ParsedCommand,
	type Positional
} from './cli-model';
import { editDistance } from './distance';
import {
	canonicalFlagValue,
	canonicalHostPath,
	canonicalImage,
	canonicalMount,
	canonicalPort,
	describeImageDifference,
	describeMountDifference,
	describePortDifference,
	isImageFlag,
	isImagePositional,
	mountsApply,
	portFlag,
	positionalsUnordered,
	readMount,
	type Mount
} from './equivalent';
import { foldRedirections, ignoredFlag, rewriteArgs, rewriteCommand, rewriteWords } from './forms';
import { showWord, tokenize } from './shell';
import {
	verdictOf,
	type CheckResult,
	type AnswerIssue as Issue,
	type TokenMark,
	type TokenStatus
} from './types';

const code = (s: string) => `\`${s}\``;

/**
 * A flag as compared: equivalent forms share a name and a value (`-v data:/app` and `--mount
 * type=volume,source=data,target=/app` are both a `mount`), with what was typed kept for messages.
 */
type Flag = FlagUse & {
	raw?: { name: string; value: string };
	shown?: string;
	mount?: Mount;
	port?: { service: boolean };
	image?: boolean;
	fromTypo?: boolean;
	ignored?: boolean;
};

/** A positional as compared: an image reference in canonical form, with what was typed kept. */
type Word = Positional & { shown?: string; image?: boolean };

function showFlag(f: Flag): string {
	if (f.shown) return f.shown;
	const name = f.known || f.name.startsWith('--') ? `--${f.name}` : f.name;
	const flag = name.startsWith('---') ? name.slice(2) : name;
	return f.kind === 'b' && f.value === 'true' ? flag : `${flag} ${showWord(f.value)}`;
}

/** Flags in their canonical form for a docker command path (mounts, ports, image references). */
function canonicalFlags(path: string, flags: Flag[]): Flag[] {
	return flags.map((typed) => {
		if (!typed.known && !typed.fromTypo) return typed;
		const value = canonicalFlagValue(path, typed.name, typed.value);
		const f: Flag =
			value === typed.value
				? typed
				: { ...typed, value, raw: { name: typed.name, value: typed.value }, shown: showFlag(typed) };
		const raw = f.raw ?? { name: f.name, value: f.value };
		if (mountsApply(path)) {
			const mount = readMount(f.name, f.value);
			if (mount)
				return {
					...f,
					raw,
					shown: showFlag(f),
					mount,
					name: 'mount',
					kind: 'l',
					value: canonicalMount(mount)
				};
		}
		const port = portFlag(path, f.name);
		if (port) return { ...f, raw, shown: showFlag(f), port, value: canonicalPort(f.value, port.service) };
		if (isImageFlag(path, f.name))
			return { ...f, raw, shown: showFlag(f), image: true, value: canonicalImage(f.value) };
		return f;
	});
}

/**
 * Positionals in canonical form: image references, a build context (`.` is `./`), a swarm manager's
 * address (`:2377` is the default port).
 */
function canonicalWords(path: string, words: Positional[]): Word[] {
	return words.map((p, i) => {
		if (isImagePositional(path, i))
			return { ...p, shown: p.value, image: true, value: canonicalImage(p.value) };
		if (path === 'image build' && i === 0) return { ...p, shown: p.value, value: canonicalHostPath(p.value) };
		if (path === 'swarm join') return { ...p, shown: p.value, value: p.value.replace(/:2377$/, '') };
		return p;
	});
}

/** Words after the image in the form they are compared (tar without `v`, `/bin/sh` as `sh`), as typed for messages. */
function canonicalArgs(args: Positional[]): Word[] {
	const values = rewriteArgs(args.map((a) => a.value));
	return args.flatMap((a, k) => (values[k] === null ? [] : [{ ...a, shown: a.value, value: values[k]! }]));
}

/** Whether a flag is set to its default on this docker command (`network create --driver bridge`). */
function isDefault(path: string, f: Flag): boolean {
	if (!f.known || f.ignored || f.fromTypo) return false;
	const name = f.raw?.name ?? f.name;
	const d = defaultOf(path, name);
	return d !== undefined && canonicalFlagValue(path, name, d) === f.value;
}

/** Commands whose `--quiet` only hides progress output (for `ls`-like commands it changes what is listed). */
const QUIET_PROGRESS = new Set([
	'image pull',
	'image push',
	'image build',
	'container run',
	'container create',
	'stack deploy',
	'service create',
	'service update',
	'service scale',
	'service rollback'
]);

/** Commands whose `--detach` only decides whether the terminal waits, and what it waits for. */
const DETACH: Record<string, string> = {
	'container run': 'without it the container runs in the foreground, attached to your terminal',
	'compose up': 'without it the containers run in the foreground, attached to your terminal',
	'service create': 'without it the command waits until the service has converged',
	'service update': 'without it the command waits until the service has converged',
	'service scale': 'without it the command waits until the service has converged',
	'service rollback': 'without it the command waits until the service has converged'
};

/**
 * Flags that change nothing the task asks about, taken out of both sides with a note when only the
 * learner wrote them: a docker flag set to its default, `--detach` where the answer runs attached (not
 * interactive), tar's `v`, apt's `-y`. A `--detach` the answer has and the learner left out is "close".
 */
function dropNeutralFlags(
	path: string,
	program: string,
	expected: Flag[],
	given: Flag[],
	issues: Issue[],
	notes: string[]
): { expected: Flag[]; given: Flag[] } {
	const docker = program === 'docker';
	const has = (list: Flag[], name: string) => list.some((f) => f.name === name && !f.ignored);
	const neutral = (f: Flag): string | null => {
		if (!docker) return ignoredFlag(program, f);
		if (f.name === 'quiet' && f.value === 'true' && QUIET_PROGRESS.has(path))
			return `${code('--quiet')} only prints less progress output; otherwise it is the same command.`;
		if (isDefault(path, f))
			return `${code(showFlag(f))} is what ${code(`docker ${path}`)} does by default, so it changes nothing.`;
		return null;
	};
	let e = expected.filter((f) => has(given, f.name) || !neutral(f));
	let g = given.filter((f) => {
		if (has(expected, f.name)) return true;
		const note = neutral(f);
		if (note) notes.push(note);
		return !note;
	});
	const attached = DETACH[path];
	if (docker && attached) {
		const detach = (f: Flag) => f.name === 'detach' && f.value === 'true';
		const interactive = e.some((f) => f.name === 'interactive' || f.name === 'tty');
		if (g.some(detach) && !e.some(detach) && !interactive) {
			g = g.filter((f) => !detach(f));
			notes.push(
				`${code('--detach')} only returns you to the prompt at once (${attached.replace('without it', 'without it,')}); otherwise it is the same command.`
			);
		} else if (e.some(detach) && !g.some((f) => f.name === 'detach')) {
			e = e.filter((f) => !detach(f));
			issues.push({
				kind: 'missing',
				message: `Missing ${code('--detach')}: ${attached}.`,
				suggestion: '--detach',
				minor: true
			});
		}
	}
	return { expected: e, given: g };
}

/** How two values of one flag differ, in words, when the flag has a reading for it. */
function howFlagsDiffer(e: Flag, g: Flag): string | null {
	if (e.mount && g.mount) return describeMountDifference(e.mount, g.mount) || null;
	if (e.port && g.port) return describePortDifference(e.raw!.value, g.raw!.value, e.port.service);
	if (e.image && g.image) return describeImageDifference(e.raw!.value, g.raw!.value);
	return null;
}

/** A small slip in a name, not a different setting: flags and numbers never count as typos. */
function isTypo(a: string, b: string): boolean {
	if (a.startsWith('-') || b.startsWith('-')) return false;
	if (a.replace(/\D/g, '') !== b.replace(/\D/g, '')) return false;
	const longest = Math.max(a.length, b.length);
	return longest >= 4 && editDistance(a, b, 2) <= (longest >= 8 ? 2 : 1);
}

interface StageOutcome {
	issues: Issue[];
	marks: TokenStatus[];
	notes: string[];
}

function mark(marks: TokenStatus[], at: number[], status: TokenStatus): void {
	for (const i of at) if (marks[i] === 'ok') marks[i] = status;
}

/** Compares ordered word lists (positionals, container arguments). */
function compareSequence(
	exp: Word[],
	got: Word[],
	what: string,
	issues: Issue[],
	marks: TokenStatus[],
	unordered = false
): void {
	const e = exp.map((p) => p.value);
	const g = got.map((p) => p.value);
	const sameBag = [...e].sort().join('\u0000') === [...g].sort().join('\u0000');
	if (sameBag) {
		if (!unordered && e.join('\u0000') !== g.join('\u0000')) {
			issues.push({
				kind: 'misplaced',
				message: `The ${what} are in the wrong order: expected ${exp.map((p) => showWord(p.shown ?? p.value)).join(' ')}.`
			});
			mark(
				marks,
				got.map((p) => p.at),
				'misplaced'
			);
		}
		return;
	}
	const n = Math.max(e.length, g.length);
	for (let k = 0; k < n; k++) {
		const ep = exp[k];
		const gp = got[k];
		const ev = ep && (ep.shown ?? ep.value);
		const gv = gp && (gp.shown ?? gp.value);
		if (ep !== undefined && gp !== undefined) {
			if (ep.value !== gp.value) {
				const how = ep.image && gp.image ? describeImageDifference(ev!, gv!) : null;
				issues.push({
					kind: 'wrong-value',
					message: `Expected ${code(showWord(ev!))} where you wrote ${code(showWord(gv!))}${how ? `: ${how}` : '.'}`,
					suggestion: ev!,
					minor: !how && isTypo(ev!, gv!)
				});
				mark(marks, [gp.at], 'wrong-value');
			}
		} else if (ep !== undefined) {
			issues.push({ kind: 'missing', message: `Missing ${code(showWord(ev!))} (${what}).`, suggestion: ev! });
		} else if (gp !== undefined) {
			issues.push({ kind: 'extra', message: `${code(showWord(gv!))} is not part of the answer.` });
			mark(marks, [gp.at], 'extra');
		}
	}
}

function compareFlags(
	exp: ParsedCommand,
	got: ParsedCommand,
	typedWords: string[],
	issues: Issue[],
	marks: TokenStatus[],
	notes: string[]
): void {
	const docker = got.program === 'docker';
	const expNames = new Set(exp.flags.map((f) => f.name));
	for (const f of got.flags) {
		if (!docker || !f.outOfPlace) continue;
		const sub = typedWords[got.pathAt[got.pathAt.length - 1]!] ?? '';
		issues.push({
			kind: 'misplaced',
			message: `${code(f.typed)} is an option of ${code(`docker ${f.outOfPlace}`)}, not of ${code(showPath(got))}: put it before ${code(sub)} (after ${code(sub)} Compose refuses it as an unknown flag).`
		});
		mark(marks, [f.at[0]!], 'misplaced');
	}
	// A misspelt flag stands for the expected flag it resembles, so its value is still compared.
	const typed: Flag[] = got.flags.map((f) => {
		if (!docker || f.known || expNames.has(f.name)) return f;
		const cmd = got.pathAt.map((i) => typedWords[i]).join(' ');
		const hint = f.suggestion ? `; did you mean ${code('--' + f.suggestion)}?` : '.';
		const stands = f.suggestion && expNames.has(f.suggestion);
		issues.push({
			kind: 'unknown',
			message: `${code(cmd)} has no flag ${code(f.typed)}${hint}`,
			...(f.suggestion ? { suggestion: `--${f.suggestion}` } : {}),
			minor: !!stands
		});
		mark(marks, [f.at[0]!], 'unknown');
		return stands ? { ...f, name: f.suggestion!, fromTypo: true } : { ...f, ignored: true };
	});
	const { expected, given } = dropNeutralFlags(
		exp.path,
		got.program,
		docker ? canonicalFlags(exp.path, exp.flags) : exp.flags,
		docker ? canonicalFlags(got.path, typed) : typed,
		issues,
		notes
	);
	const names = new Set([
		...expected.map((f) => f.name),
		...given.filter((f) => !f.ignored).map((f) => f.name)
	]);
	for (const name of names) {
		const e = expected.filter((f) => f.name === name);
		const g = given.filter((f) => f.name === name && !f.ignored);
		const ordered = docker && isOrdered(exp.path, name);
		if (
			ordered &&
			e.length === g.length &&
			e.map((f) => f.value).join('\u0000') !== g.map((f) => f.value).join('\u0000')
		) {
			const sameBag =
				[...e.map((f) => f.value)].sort().join('\u0000') === [...g.map((f) => f.value)].sort().join('\u0000');
			if (sameBag) {
				issues.push({
					kind: 'misplaced',
					message: `The order of ${code('--' + name)} matters (later ones override earlier ones): expected ${e.map(showFlag).join(' ')}.`
				});
				for (const f of g) mark(marks, f.at, 'misplaced');
				continue;
			}
		}
		const restE = [...e];
		const restG: Flag[] = [];
		for (const f of g) {
			const k = restE.findIndex((x) => x.value === f.value);
			if (k >= 0) {
				const [ef] = restE.splice(k, 1);
				bindNote(ef!, f, notes);
			} else restG.push(f);
		}
		while (restE.length && restG.length) {
			const ef = restE.shift()!;
			const gf = restG.shift()!;
			issues.push(wrongValue(ef, gf));
			mark(marks, gf.at.slice(1).length ? gf.at.slice(1) : gf.at, 'wrong-value');
		}
		for (const ef of restE) {
			const rawName = ef.raw?.name ?? ef.name;
			const short = shortOf(got.path, rawName);
			let misspelt = false;
			const misplaced = got.args.find((a) => {
				const w = a.value;
				if (w === `--${rawName}` || w.startsWith(`--${rawName}=`) || (!!short && w.startsWith(`-${short}`)))
					return true;
				const flagName = /^--([^=]+)/.exec(w)?.[1];
				misspelt = !!flagName && editDistance(flagName, rawName, 2) <= 2;
				return misspelt;
			});
			if (misplaced && docker) {
				const first = got.positionals[0]?.value ?? '';
				const spelt = misspelt ? ` (and spell it ${code('--' + rawName)})` : '';
				issues.push({
					kind: 'misplaced',
					message: `${code(misplaced.value)} comes after ${code(first)}, so Docker passes it to the container instead of reading it; put it before ${code(first)}${spelt}.`
				});
				mark(marks, [misplaced.at], 'misplaced');
				const takesNext =
					ef.kind !== 'b' && !misplaced.value.includes('=') && misplaced.value.startsWith('--');
				got.args = got.args.filter((a) => a !== misplaced && !(takesNext && a.at === misplaced.at + 1));
				continue;
			}
			issues.push({ kind: 'missing', message: `Missing ${code(showFlag(ef))}.`, suggestion: showFlag(ef) });
		}
		for (const gf of restG) {
			if (gf.fromTypo) continue;
			issues.push({ kind: 'extra', message: `${code(showFlag(gf))} is not part of the answer.` });
			mark(marks, gf.at, 'extra');
		}
	}
}

/** The issue for a flag given with another value than the answer's, saying how the two differ. */
function wrongValue(ef: Flag, gf: Flag): Issue {
	const flag = gf.fromTypo ? `--${ef.raw?.name ?? ef.name}` : gf.typed;
	if (ef.kind === 'b' && !ef.raw)
		return {
			kind: 'wrong-value',
			message: `${code(gf.typed + '=' + gf.value)} turns the flag ${gf.value === 'false' ? 'off' : 'on'}; the answer uses ${code(showFlag(ef))}.`,
			suggestion: showFlag(ef),
			minor: false
		};
	const how = howFlagsDiffer(ef, gf);
	const eValue = ef.raw?.value ?? ef.value;
	const gValue = gf.raw?.value ?? gf.value;
	const sameFlag = (ef.raw?.name ?? ef.name) === (gf.raw?.name ?? gf.name);
	const message = sameFlag
		? `${code(flag)} should be ${code(showWord(eValue))}, not ${code(showWord(gValue))}${how ? `: ${how}.` : '.'}`
		: `${code(showFlag(gf))} does not do what ${code(showFlag(ef))} does${how ? `: ${how}.` : '.'}`;
	return {
		kind: 'wrong-value',
		message,
		suggestion: showFlag(ef),
		minor: sameFlag && !gf.fromTypo && !(ef.image && how) && isTypo(eValue, gValue)
	};
}

/** `-v /host:/app` and `--mount type=bind` make the same mount, but only `-v` creates a missing host path. */
function bindNote(ef: Flag, gf: Flag, notes: string[]): void {
	if (ef.mount?.get('type') !== 'bind' || ef.raw?.name === gf.raw?.name) return;
	const src = ef.mount.get('source') ?? '';
	notes.push(
		`Both make the same bind mount, with one difference: \`-v\` creates ${code(src)} on the host when it is missing, while \`--mount\` refuses to start the container.`
	);
}

/**
 * tar with `-C dir name` against `dir/name`: the same files, stored under other names in the archive, so
 * a restore puts them elsewhere. Said in one sentence rather than as a missing flag and a wrong path.
 */
function tarLayout(exp: ParsedCommand, got: ParsedCommand): Issue | null {
	if (exp.program !== 'tar' || got.program !== 'tar') return null;
	const dir = exp.flags.find((f) => f.name === '-C')?.value.replace(/\/+$/, '');
	if (!dir || got.flags.some((f) => f.name === '-C')) return null;
	const members = exp.positionals.map((p) => p.value);
	const typed = got.positionals.map((p) => p.value);
	if (members.length !== typed.length || members.some((m, k) => `${dir}/${m}` !== typed[k])) return null;
	const stored = (path: string) => code(`${path.replace(/^\/+/, '')}/…`);
	return {
		kind: 'wrong-value',
		message: `${code(`-C ${dir} ${members.join(' ')}`)} stores the files as ${stored(members[0]!)}; ${code(typed.join(' '))} stores them as ${stored(typed[0]!)}, so extracting the archive puts them somewhere else.`,
		suggestion: `-C ${dir} ${members.join(' ')}`
	};
}

/** Compares one stage after the shell-level forms are brought to one (see forms.ts), marking the typed words. */
function compareStage(expTyped: string[], gotTyped: string[]): StageOutcome {
	const e = rewriteWords(expTyped);
	const g = rewriteWords(gotTyped);
	const outcome = compareWords(e.words, g.words);
	const marks: TokenStatus[] = gotTyped.map(() => 'ok');
	g.from.forEach((at, k) => {
		const m = outcome.marks[k];
		if (m && m !== 'ok') marks[at] = m;
	});
	const notes = [...g.notes.filter((n) => !e.notes.includes(n)), ...outcome.notes];
	return { issues: outcome.issues, marks, notes };
}

/** `docker inspect x` finds x among every object type; where the answer names the type, it is that command. */
function typedInspect(exp: ParsedCommand, got: ParsedCommand, notes: string[]): ParsedCommand {
	if (got.path !== 'inspect' || exp.path === 'inspect' || !exp.path.endsWith(' inspect')) return got;
	const kind = exp.path.split(' ')[0]!;
	const type = got.flags.find((f) => f.name === 'type');
	if (type && type.value !== kind) return got;
	notes.push(
		`${code('docker inspect')} looks the name up among every object type; ${code(`docker ${exp.path}`)} only among ${kind}s.`
	);
	return { ...got, path: exp.path, flags: got.flags.filter((f) => f !== type) };
}

function compareWords(expWords: string[], gotWords: string[]): StageOutcome {
	const exp = rewriteCommand(readCommand(expWords));
	let got = rewriteCommand(readCommand(gotWords));
	const early: string[] = [];
	got = typedInspect(exp, got, early);
	const issues: Issue[] = [];
	const marks: TokenStatus[] = gotWords.map(() => 'ok');
	if (
		got.unknownCommand &&
		got.program === 'docker' &&
		got.unknownCommand.word !== exp.unknownCommand?.word
	) {
		const u = got.unknownCommand;
		const typed = got.pathAt.map((i) => gotWords[i]).join(' ');
		// A misspelt command word that stands for the expected command is a typo, not a wrong command.
		const reread = (word: string) =>
			rewriteCommand(readCommand(gotWords.map((w, i) => (i === u.at ? word : w))));
		const meant = u.alternatives.find((a) => {
			const r = reread(a);
			return !r.unknownCommand && r.path === exp.path;
		});
		const fixed = meant ? reread(meant) : null;
		const stands = !!fixed;
		const suggestion = meant ?? u.suggestion;
		const hint = suggestion ? `; did you mean ${code(suggestion)}?` : '.';
		issues.push({
			kind: 'unknown',
			message: `${code(typed)} has no command ${code(u.word)}${hint}`,
			...(suggestion ? { suggestion } : {}),
			minor: stands
		});
		mark(marks, [u.at], 'unknown');
		if (fixed) got = fixed;
		else if (exp.program === 'docker' && !exp.unknownCommand) {
			issues.push({ kind: 'wrong-command', message: `Expected ${code(showPath(exp))}.` });
			return { issues, marks, notes: got.notes };
		}
	}
	if (
		exp.program !== got.program ||
		exp.path !== got.path ||
		(!!exp.unknownCommand !== !!got.unknownCommand && !issues.length)
	) {
		issues.push({
			kind: 'wrong-command',
			message: got.program
				? `Expected ${code(showPath(exp))}, not ${code(showPath(got))}.`
				: `Expected ${code(showPath(exp))}.`
		});
		mark(marks, got.pathAt, 'wrong-command');
		return { issues, marks, notes: got.notes };
	}
	if (exp.unknownCommand && got.unknownCommand && exp.unknownCommand.word !== got.unknownCommand.word) {
		issues.push({ kind: 'wrong-command', message: `Expected ${code(exp.unknownCommand.word)}.` });
	}
	compareSequence(exp.env, got.env, 'variable settings', issues, marks, true);
	const notes = [...got.notes, ...early];
	const layout = tarLayout(exp, got);
	if (layout) {
		// Said once; the rest of the command is still compared.
		issues.push(layout);
		mark(
			marks,
			got.positionals.map((p) => p.at),
			'wrong-value'
		);
		exp.flags = exp.flags.filter((f) => f.name !== '-C');
		exp.positionals = got.positionals;
	}
	compareFlags(exp, got, gotWords, issues, marks, notes);
	const words = (cmd: ParsedCommand) =>
		cmd.program === 'docker' ? canonicalWords(cmd.path, cmd.positionals) : cmd.positionals;
	compareSequence(words(exp), words(got), 'arguments', issues, marks, positionalsUnordered(exp.path));
	compareSequence(canonicalArgs(exp.args), canonicalArgs(got.args), 'words after the image', issues, marks);
	return { issues, marks, notes };
}

const pathOf = (words: string[]) => readCommand(words).path;

/** Checks a typed command against the expected one; never throws. */
export function checkCommand(expected: string, given: string): CheckResult {
	const exp = foldRedirections(tokenize(expected), pathOf);
	const got = foldRedirections(tokenize(given.replace(/^\s*\$\s+/, '')), pathOf);
	const issues: Issue[] = [];
	const tokens: TokenMark[] = [];
	const notes: string[] = [];
	if (given.trim() === '') {
		return {
			verdict: 'incorrect',
			issues: [{ kind: 'missing', message: 'Nothing was typed.' }],
			tokens: [],
			notes: []
		};
	}
	const sameShape = exp.stages.length === got.stages.length && exp.ops.join(' ') === got.ops.join(' ');
	if (!sameShape) {
		issues.push({
			kind: 'syntax',
			message:
				exp.stages.length === 1
					? 'Expected a single command.'
					: `Expected ${exp.stages.length} commands joined by ${exp.ops.map(code).join(', ')}.`
		});
	}
	got.stages.forEach((words, k) => {
		let expWords = exp.stages[k] ?? [];
		// A sudo the answer does not need is not part of the command (a copied `$ ` prompt is dropped above);
		// one the answer has is not needed by a learner who is root already.
		let skip = 0;
		if (words[0] === 'sudo' && expWords[0] !== 'sudo' && words.length > skip + 1) {
			skip += 1;
			notes.push('`sudo` is left out of the answer; it does not change what the command does.');
		} else if (words[0] === 'sudo' && expWords[0] === 'sudo' && words.length > 1) {
			// Both run as root: compare the commands sudo runs (its own options are not compared).
			skip += 1;
			expWords = expWords.slice(1);
		} else if (expWords[0] === 'sudo' && words[0] !== 'sudo' && expWords.length > 1) {
			expWords = expWords.slice(1);
			notes.push('The answer runs this with `sudo`: it needs root, unless you are root already.');
		}
		const outcome = compareStage(expWords, words.slice(skip));
		issues.push(...outcome.issues);
		notes.push(...outcome.notes);
		words.forEach((w, i) =>
			tokens.push({ text: showWord(w), status: i < skip ? 'ok' : (outcome.marks[i - skip] ?? 'ok') })
		);
		if (got.ops[k]) tokens.push({ text: got.ops[k]!, status: 'op' });
	});
	return { verdict: verdictOf(issues), issues, tokens, notes: [...new Set(notes)] };
}
