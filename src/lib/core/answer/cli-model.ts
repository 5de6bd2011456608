/**
 * Reads one command (a stage of shell words) the way its program would: for docker, the command path
 * with aliases resolved, flags by canonical long name with values, positionals, and the words after the
 * image for commands that stop reading flags there; for other programs, flags and positionals.
 */
import type { CliSpec, FlagKind } from './cli-spec-types';
import specJson from './cli-spec.json';
import { closest, nearby } from './distance';

const spec = specJson as unknown as CliSpec;

export interface FlagUse {
	/** Canonical long name (or the raw name when unknown). */
	name: string;
	/** 'true' for a boolean flag; the value otherwise. */
	value: string;
	kind: FlagKind;
	/** Indices of the words this flag was read from. */
	at: number[];
	known: boolean;
	/** As typed (`--netwrk`), for messages. */
	typed: string;
	suggestion?: string;
	/** A flag of an outer command ('compose') written after the subcommand, where the CLI refuses it. */
	outOfPlace?: string;
}

export interface Positional {
	value: string;
	at: number;
}

export interface ParsedCommand {
	/** 'docker' for the Docker CLI (docker-compose included), otherwise the program's name. */
	program: string;
	/** VAR=value prefixes, sorted. */
	env: { value: string; at: number }[];
	/** Canonical docker command path ('container run'), '' for other programs. */
	path: string;
	/** Indices of the words naming the program and the command path. */
	pathAt: number[];
	/** A command word docker does not know. */
	unknownCommand?: { word: string; at: number; suggestion?: string; alternatives: string[] };
	flags: FlagUse[];
	positionals: Positional[];
	/** Words after the image/service that docker passes on (run, create, exec, service create). */
	args: Positional[];
	notes: string[];
}

const commandPaths = new Set(Object.keys(spec.commands));
const groups = new Set<string>();
for (const path of [...commandPaths, ...Object.keys(spec.aliases)]) {
	const parts = path.split(' ');
	for (let k = 1; k < parts.length; k++) groups.add(parts.slice(0, k).join(' '));
}

function resolve(path: string): string {
	return spec.aliases[path] ?? path;
}

function childrenOf(path: string): string[] {
	const prefix = path === '' ? '' : path + ' ';
	const out = new Set<string>();
	for (const p of [...commandPaths, ...Object.keys(spec.aliases)]) {
		if (p.startsWith(prefix) && p !== path) out.add(p.slice(prefix.length).split(' ')[0]!);
	}
	return [...out];
}

type FlagTable = Record<string, [string, FlagKind]>;

const EMPTY: FlagTable = {};

/**
 * A command's flags. Compose's own flags (-f, -p, --profile, --env-file) belong to `docker compose`
 * alone: written after the subcommand (`docker compose up -f x.yml`) they are unknown flags to it.
 */
function tableFor(path: string): FlagTable {
	return spec.commands[path] ?? EMPTY;
}

/** The command whose flags are read, but refused, after a subcommand: compose's, for its subcommands. */
function outerOf(path: string): string | null {
	return path.startsWith('compose ') ? 'compose' : null;
}

const TRUE = new Set(['true', '1', 't', 'T', 'TRUE', 'True']);
const FALSE = new Set(['false', '0', 'f', 'F', 'FALSE', 'False']);

/** A flag value in canonical form, so equal settings compare equal. */
export function normaliseValue(name: string, kind: FlagKind, value: string): string {
	if (kind === 'b') return TRUE.has(value) ? 'true' : FALSE.has(value) ? 'false' : value;
	if (kind === 'y') return value.toLowerCase().replace(/b$/, '');
	if (name === 'mount') {
		const alias: Record<string, string> = {
			src: 'source',
			dst: 'target',
			destination: 'target',
			ro: 'readonly'
		};
		return value
			.split(',')
			.map((kv) => {
				const [k, ...v] = kv.split('=');
				const key = alias[k!] ?? k!;
				return v.length ? `${key}=${v.join('=')}` : key;
			})
			.sort()
			.join(',');
	}
	return value;
}

const shortCache = new WeakMap<FlagTable, Map<string, string>>();

/** Short name → long name of a flag table, built once per table. */
function shortsOf(table: FlagTable): Map<string, string> {
	let map = shortCache.get(table);
	if (!map) {
		map = new Map();
		for (const [long, [short]] of Object.entries(table)) if (short) map.set(short, long);
		shortCache.set(table, map);
	}
	return map;
}

/** Reads a stage's flags against a table, starting at word `i`; returns the index where it stopped. */
function readFlags(
	words: string[],
	start: number,
	table: FlagTable,
	hidden: Record<string, string>,
	out: ParsedCommand,
	stopAtPositional: boolean,
	stopAtWord: boolean,
	outer: string | null = null
): number {
	const byShort = shortsOf(table);
	const outerTable = outer ? tableFor(outer) : EMPTY;
	const outerShort = shortsOf(outerTable);
	let i = start;
	while (i < words.length) {
		const w = words[i]!;
		if (w === '--') {
			for (let j = i + 1; j < words.length; j++) out.positionals.push({ value: words[j]!, at: j });
			return words.length;
		}
		if (w.startsWith('--') && w.length > 2) {
			const eq = w.indexOf('=');
			const typed = eq < 0 ? w.slice(2) : w.slice(2, eq);
			const name = hidden[typed] ?? typed;
			const outOfPlace = !table[name] && outerTable[name] ? outer! : undefined;
			const entry = table[name] ?? outerTable[name];
			const at = [i];
			let kind: FlagKind = entry?.[1] ?? 'b';
			let suggestion: string | undefined;
			if (!entry) {
				suggestion = closest(typed, Object.keys(table));
				kind = suggestion
					? table[suggestion]![1]
					: eq < 0 && words[i + 1] && !words[i + 1]!.startsWith('-') && !stopAtPositional
						? 's'
						: 'b';
				if (!suggestion && eq < 0) kind = 'b';
			}
			let value = 'true';
			if (eq >= 0) value = w.slice(eq + 1);
			else if (kind !== 'b' && i + 1 < words.length) {
				value = words[i + 1]!;
				at.push(i + 1);
			}
			out.flags.push({
				name,
				value: normaliseValue(suggestion ?? name, kind, value),
				kind,
				at,
				known: !!entry,
				typed: `--${typed}`,
				...(suggestion ? { suggestion } : {}),
				...(outOfPlace ? { outOfPlace } : {})
			});
			i = at[at.length - 1]! + 1;
			continue;
		}
		if (w.startsWith('-') && w.length > 1 && !/^-\d/.test(w)) {
			const at = [i];
			let k = 1;
			let next = i + 1;
			while (k < w.length) {
				const ch = w[k]!;
				const outOfPlace = !byShort.has(ch) && outerShort.has(ch) ? outer! : undefined;
				const long = byShort.get(ch) ?? outerShort.get(ch);
				const place = outOfPlace ? { outOfPlace } : {};
				if (!long) {
					out.flags.push({ name: `-${ch}`, value: 'true', kind: 'b', at, known: false, typed: `-${ch}` });
					k++;
					continue;
				}
				const kind = (table[long] ?? outerTable[long])![1];
				if (kind === 'b') {
					out.flags.push({ name: long, value: 'true', kind, at, known: true, typed: `-${ch}`, ...place });
					k++;
					continue;
				}
				let value = w.slice(k + 1).replace(/^=/, '');
				const flagAt = [...at];
				if (value === '' && next < words.length) {
					value = words[next]!;
					flagAt.push(next);
					next++;
				}
				out.flags.push({
					name: long,
					value: normaliseValue(long, kind, value),
					kind,
					at: flagAt,
					known: true,
					typed: `-${ch}`,
					...place
				});
				break;
			}
			i = next;
			continue;
		}
		if (stopAtWord) return i;
		out.positionals.push({ value: w, at: i });
		i++;
		if (stopAtPositional) {
			for (let j = i; j < words.length; j++) out.args.push({ value: words[j]!, at: j });
			return words.length;
		}
	}
	return i;
}

function readDocker(words: string[], start: number, out: ParsedCommand): void {
	let path = '';
	let i = start;
	if (words[start - 1] === 'docker-compose') {
		path = 'compose';
		out.notes.push('docker-compose is Compose v1, retired in 2023; today it is written docker compose.');
	}
	for (;;) {
		i = readFlags(words, i, tableFor(path), {}, out, false, true);
		const w = words[i];
		if (w === undefined) break;
		const candidate = path === '' ? w : `${path} ${w}`;
		const resolved = resolve(candidate);
		if (commandPaths.has(resolved) || groups.has(candidate) || groups.has(resolved)) {
			path = resolved;
			out.pathAt.push(i);
			i++;
			if (!groups.has(path) && !groups.has(candidate)) break;
			continue;
		}
		if (groups.has(path) || path === '') {
			const alternatives = nearby(w, childrenOf(path));
			const suggestion = alternatives[0];
			out.unknownCommand = { word: w, at: i, alternatives, ...(suggestion ? { suggestion } : {}) };
			i++;
		}
		break;
	}
	out.path = path;
	if (out.unknownCommand) {
		// Unknown command: read the rest generically so feedback can still point at words.
		readFlags(words, i, EMPTY, {}, out, false, false);
		return;
	}
	readFlags(
		words,
		i,
		tableFor(path),
		spec.hidden[path] ?? {},
		out,
		spec.notInterspersed.includes(path),
		false,
		outerOf(path)
	);
}

/** Parses one stage of shell words into a command. */
export function readCommand(words: string[]): ParsedCommand {
	const out: ParsedCommand = {
		program: '',
		env: [],
		path: '',
		pathAt: [],
		flags: [],
		positionals: [],
		args: [],
		notes: []
	};
	let i = 0;
	while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!)) {
		out.env.push({ value: words[i]!, at: i });
		i++;
	}
	const program = words[i];
	if (program === undefined) return out;
	out.pathAt.push(i);
	if (program === 'docker' || program === 'docker-compose') {
		out.program = 'docker';
		readDocker(words, i + 1, out);
	} else {
		out.program = program;
		readFlags(words, i + 1, PROGRAM_FLAGS[program] ?? EMPTY, {}, out, false, false);
	}
	return out;
}

/**
 * Short flags that take a value, for the few other programs the packs use, so `-czf out.tgz` and
 * `-c -z -f out.tgz`, or `ping -c1` and `ping -c 1`, read alike. Named by their dashed short form.
 */
export const PROGRAM_FLAGS: Record<string, FlagTable> = {
	tar: { '-f': ['f', 's'], '-C': ['C', 's'], '-T': ['T', 's'] },
	ping: { '-c': ['c', 's'], '-i': ['i', 's'], '-W': ['W', 's'], '-w': ['w', 's'] },
	journalctl: { '-u': ['u', 's'], '-n': ['n', 's'], '-p': ['p', 's'] },
	curl: { '-o': ['o', 's'], '-X': ['X', 's'], '-H': ['H', 'l'], '-d': ['d', 's'], '-u': ['u', 's'] }
};

/** A flag's default on a docker command ('true' for a boolean that is on by default), if it has one. */
export function defaultOf(path: string, flag: string): string | undefined {
	return spec.defaults[path]?.[flag];
}

/** Whether repeated values of this flag keep their order (compose -f base.yml -f prod.yml). */
export function isOrdered(path: string, flag: string): boolean {
	const scope = path.startsWith('compose') ? 'compose' : path;
	return spec.ordered.includes(`${scope}:${flag}`) || spec.ordered.includes(`${path}:${flag}`);
}

/** Display form of a docker command path. */
export function showPath(cmd: ParsedCommand): string {
	return cmd.program === 'docker' ? `docker${cmd.path ? ' ' + cmd.path : ''}` : cmd.program;
}

/** The short name of a long flag on a command, if it has one. */
export function shortOf(path: string, long: string): string | undefined {
	const s = tableFor(path)[long]?.[0];
	return s ? s : undefined;
}

/**
 * Every flag written with a docker command path, by long name with its short name ('' when none): for a
 * compose subcommand, compose's own flags too (they go before the subcommand).
 */
export function flagsOf(path: string): { long: string; short: string; kind: FlagKind }[] {
	const outer = outerOf(path);
	const table = outer ? { ...tableFor(outer), ...tableFor(path) } : tableFor(path);
	return Object.entries(table).map(([long, [short, kind]]) => ({ long, short: short ?? '', kind }));
}

/** Every docker command path the model knows (canonical). */
export function commandPathsOf(): string[] {
	return [...commandPaths];
}

/** The canonical docker command path a written path stands for ('run' → 'container run'), or null. */
export function canonicalPath(path: string): string | null {
	const resolved = resolve(path);
	return commandPaths.has(resolved) ? resolved : null;
}
