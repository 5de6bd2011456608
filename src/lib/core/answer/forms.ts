/**
 * Commands written another way that do the same thing, brought to one form before they are compared:
 * shell-level forms (`tar czf` without its dash, `~` for `$HOME`, a systemd unit with or without
 * `.service`, `echo -n` for `printf`, a variable the CLI reads as a boolean) and docker-level forms
 * (`service update --rollback` is `service rollback`, `service update --replicas N` is `service scale`,
 * `node update --role manager` is `node promote`, `COMPOSE_PROFILES=x` is `--profile x`, `docker images X`
 * lists what `--filter reference=X` does). Each reader says, in a note, what a learner may want to know.
 */
import { PROGRAM_FLAGS, type FlagUse, type ParsedCommand } from './cli-model';
import { canonicalShell } from './equivalent';
import type { CommandLine } from './shell';

const code = (s: string) => `\`${s}\``;

/** Words rewritten, with where each came from (to mark the learner's own tokens). */
export interface Rewritten {
	words: string[];
	/** For each rewritten word, the index of the word it came from. */
	from: number[];
	notes: string[];
}

/** Environment variables the Docker CLI reads as a boolean (strconv.ParseBool). */
const BOOL_VARS = new Set(['DOCKER_CONTENT_TRUST', 'DOCKER_BUILDKIT', 'COMPOSE_MENU']);
const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

/** `VAR=value` with a boolean variable's value as the CLI reads it, and `~` at the start of a value as `$HOME`. */
function assignment(word: string, notes: string[]): string {
	const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(word);
	if (!m) return word;
	const [, name, raw] = m;
	let value = raw!.replace(/^~(?=\/|$)/, '${HOME}');
	if (BOOL_VARS.has(name!) && (TRUE.has(value) || FALSE.has(value))) {
		const canonical = TRUE.has(value) ? '1' : '0';
		if (value !== canonical)
			notes.push(`The CLI reads ${code(name + '=' + value)} as ${code(name + '=' + canonical)}.`);
		value = canonical;
	}
	return `${name}=${value}`;
}

/** A systemd unit named without `.service` is that service. */
const unit = (word: string) => word.replace(/^([\w@.-]+)\.service$/, '$1');

/** Shell-level forms of one stage's words. */
export function rewriteWords(words: string[]): Rewritten {
	const notes: string[] = [];
	const out = words.map((w) => w.replace(/^~(?=\/|$)/, '${HOME}'));
	const from = out.map((_, i) => i);
	let i = 0;
	while (i < out.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(out[i]!)) {
		out[i] = assignment(out[i]!, notes);
		i++;
	}
	const program = out[i];
	if (program === 'export') for (let k = i + 1; k < out.length; k++) out[k] = assignment(out[k]!, notes);
	if (program === 'tar' && out[i + 1] && /^[A-Za-z]+$/.test(out[i + 1]!) && /[ctxru]/.test(out[i + 1]!))
		out[i + 1] = `-${out[i + 1]}`;
	if (program === 'journalctl' || program === 'systemctl')
		for (let k = i + 1; k < out.length; k++)
			out[k] = out[k]!.replace(/^(--unit=)?(.+)$/, (_, f, u) => (f ?? '') + unit(u));
	// `cp a.crt dir/` copies to `dir/a.crt`: the same target written as a directory.
	if (
		(program === 'cp' || program === 'mv') &&
		out.length === i + 3 &&
		out[i + 2]!.endsWith('/') &&
		!out[i + 1]!.startsWith('-')
	)
		out[i + 2] = out[i + 2]! + out[i + 1]!.split('/').pop()!;
	// `echo -n text` prints text without a newline, as `printf text` does (when text has no % or \).
	if (program === 'echo' && out[i + 1] === '-n' && out.length === i + 3 && !/[%\\]/.test(out[i + 2]!)) {
		notes.push(
			'`echo -n` leaves out the newline in bash, but not in every shell; `printf` does it everywhere.'
		);
		out.splice(i, 2, 'printf');
		from.splice(i, 2, i);
	}
	return { words: out, from, notes };
}

/**
 * Words after the image (a container's command), word for word (null for a word that changes nothing):
 * `/bin/sh` is `sh`, and tar's bundle is read without `v` and with its dash, also inside `sh -c "…"`.
 */
export function rewriteArgs(args: string[]): (string | null)[] {
	const out: (string | null)[] = args.map((w, k) => (k === 0 ? canonicalShell(w) : w));
	if (out[0] === 'tar') {
		if (out[1] && /^-?[A-Za-z]+$/.test(out[1]) && /[ctxru]/.test(out[1])) out[1] = tarBundle(out[1]);
		return out.map((w, k) => (k >= 2 && (w === '-v' || w === '--verbose') ? null : w));
	}
	// `ping -c 1` is `ping -c1`: a short flag that takes a value, joined to it.
	const table = PROGRAM_FLAGS[out[0]!];
	if (table)
		for (let k = 1; k < out.length - 1; k++) {
			const w = out[k];
			if (w && /^-[A-Za-z]$/.test(w) && table[w] && table[w][1] !== 'b') {
				out[k] = `${w}${out[k + 1]}`;
				out[k + 1] = null;
				k++;
			}
		}
	if (['sh', 'bash', 'ash'].includes(out[0]!) && out[1] === '-c' && out.length === 3)
		out[2] = out[2]!.replace(
			/(^|[;&|]\s*)tar\s+(-?[A-Za-z]+)/g,
			(_, pre: string, b: string) => `${pre}tar ${tarBundle(b)}`
		);
	return out;
}

/** tar's bundled flags with their dash and without `v` (verbose only lists the files). */
function tarBundle(bundle: string): string {
	const letters = bundle.replace(/^-/, '');
	return `-${letters.replace(/v/g, '') || letters}`;
}

/** Flags a program reads that change nothing the task asks about: tar's verbose listing, apt's yes. */
const IGNORED: Record<string, Record<string, string>> = {
	tar: {
		'-v': '`v` (verbose) only lists the files as tar works; the archive is the same.',
		verbose: '`v` (verbose) only lists the files as tar works; the archive is the same.'
	},
	'apt-get': {
		'-y': '`-y` only answers yes to the prompt; the same packages are installed.',
		yes: '`-y` only answers yes to the prompt; the same packages are installed.',
		'assume-yes': '`-y` only answers yes to the prompt; the same packages are installed.'
	}
};
IGNORED['apt'] = IGNORED['apt-get']!;

/** Whether a flag of a non-docker program changes nothing (tar -v, apt-get -y), and the note to say so. */
export function ignoredFlag(program: string, flag: FlagUse): string | null {
	const table = IGNORED[program];
	if (!table) return null;
	return table[flag.name] ?? table[flag.name.replace(/^--/, '')] ?? null;
}

const only = (cmd: ParsedCommand, allowed: string[]) => cmd.flags.every((f) => allowed.includes(f.name));

/** Compose settings a variable can give instead of a flag (COMPOSE_PROFILES=x is --profile x). */
const COMPOSE_VARS: Record<string, { flag: string; split: RegExp | null }> = {
	COMPOSE_PROFILES: { flag: 'profile', split: /,/ },
	COMPOSE_PROJECT_NAME: { flag: 'project-name', split: null },
	COMPOSE_FILE: { flag: 'file', split: /:/ }
};

/** Docker-level forms: the same command in the form the answer compares. */
export function rewriteCommand(cmd: ParsedCommand): ParsedCommand {
	if (cmd.program !== 'docker') return cmd;
	const c: ParsedCommand = {
		...cmd,
		flags: [...cmd.flags],
		positionals: [...cmd.positionals],
		env: [...cmd.env]
	};
	const flag = (name: string) => c.flags.find((f) => f.name === name);
	if (c.path.startsWith('compose')) {
		c.env = c.env.filter((e) => {
			const [name, value = ''] = e.value.split(/=(.*)/s);
			const v = COMPOSE_VARS[name!];
			if (!v) return true;
			for (const part of v.split ? value.split(v.split).filter(Boolean) : [value])
				c.flags.push({ name: v.flag, value: part, kind: 'l', at: [e.at], known: true, typed: name! });
			return false;
		});
	}
	if (
		c.path === 'service update' &&
		flag('rollback')?.value === 'true' &&
		only(c, ['rollback', 'detach', 'quiet'])
	) {
		c.path = 'service rollback';
		c.flags = c.flags.filter((f) => f.name !== 'rollback');
	}
	const replicas = flag('replicas');
	if (
		c.path === 'service update' &&
		replicas &&
		c.positionals.length === 1 &&
		only(c, ['replicas', 'detach'])
	) {
		const svc = c.positionals[0]!;
		c.path = 'service scale';
		c.flags = c.flags.filter((f) => f !== replicas);
		c.positionals = [{ value: `${svc.value}=${replicas.value}`, at: svc.at }];
	}
	const role = flag('role');
	if (c.path === 'node update' && role && only(c, ['role']) && ['manager', 'worker'].includes(role.value)) {
		c.path = role.value === 'manager' ? 'node promote' : 'node demote';
		c.flags = [];
	}
	// `docker images nginx` lists the images of the repository nginx, as `--filter reference=nginx` does.
	if (c.path === 'image ls' && c.positionals.length === 1 && !c.flags.some((f) => f.name === 'filter')) {
		const repo = c.positionals[0]!;
		c.flags.push({
			name: 'filter',
			value: `reference=${repo.value}`,
			kind: 'l',
			at: [repo.at],
			known: true,
			typed: repo.value
		});
		c.positionals = [];
	}
	return c;
}

/**
 * Redirections the docker command has a flag for: `docker load < a.tar` is `docker load -i a.tar`,
 * `docker save app > a.tar` and `docker export app > a.tar` are `-o a.tar`.
 */
export function foldRedirections(line: CommandLine, pathOf: (words: string[]) => string): CommandLine {
	const stages = line.stages.map((s) => [...s]);
	const ops = [...line.ops];
	for (let k = 0; k < ops.length; k++) {
		const next = stages[k + 1];
		if (!next || next.length !== 1) continue;
		const path = pathOf(stages[k]!);
		const flag =
			ops[k] === '<' && path === 'image load'
				? '-i'
				: ops[k] === '>' && (path === 'image save' || path === 'container export')
					? '-o'
					: null;
		if (!flag) continue;
		stages[k]!.push(flag, next[0]!);
		stages.splice(k + 1, 1);
		ops.splice(k, 1);
		k--;
	}
	return { stages, ops };
}
