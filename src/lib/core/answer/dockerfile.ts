/**
 * Dockerfile comparison: instructions in order, keywords case-insensitive, continuation lines joined,
 * comments dropped, arguments normalised (JSON exec form read as a list, shell words unquoted, flags
 * such as `--from=build` in any order).
 */
import { canonicalImage, describeImageDifference } from './equivalent';
import { tokenize } from './shell';
import { verdictOf, type CheckResult, type AnswerIssue as Issue, type TokenMark } from './types';

interface Instruction {
	keyword: string;
	args: string;
	/** The normalised form compared. */
	key: string;
	line: number;
	/** COPY/ADD read into parts, to compare a glob source with the name it matches. */
	copy?: { flags: string[]; sources: string[]; dest: string };
	/** HEALTHCHECK's options and its command, to tell a timing difference from another check. */
	health?: { options: string[]; command: string };
}

/** HEALTHCHECK options at their defaults, which change nothing when written. */
const HEALTH_DEFAULTS = new Set([
	'--interval=30s',
	'--timeout=30s',
	'--start-period=0s',
	'--start-interval=5s',
	'--retries=3'
]);

const GLOB = /[*?[]/;

/**
 * COPY/ADD in the form Docker reads it: a source's trailing slash or leading `./` changes nothing; the
 * destination `.` is `./`, and its trailing slash changes nothing when it must be a directory anyway
 * (several sources, a glob, or a source that is a directory: `.`, a trailing slash, no extension);
 * `--from=build` is the stage's index.
 */
function readCopy(words: string[], stages: Map<string, number>): NonNullable<Instruction['copy']> {
	let n = 0;
	while (n < words.length - 1 && words[n]!.startsWith('--')) n++;
	const flags = words
		.slice(0, n)
		.map((f) => {
			const m = /^--from=(.+)$/.exec(f);
			const stage = m ? stages.get(m[1]!.toLowerCase()) : undefined;
			return stage === undefined ? f : `--from=${stage}`;
		})
		.sort();
	const rest = words.slice(n);
	const typed = rest.slice(0, -1);
	const sources = typed.map((w) => (w.length > 1 ? w.replace(/\/+$/, '') : w).replace(/^\.\/(?=.)/, ''));
	let dest = rest[rest.length - 1] ?? '';
	if (dest === '.') dest = './';
	const directory =
		typed.length > 1 ||
		typed.some((w) => GLOB.test(w) || w.endsWith('/') || w === '.' || !/\.[^/]*$/.test(w.split('/').pop()!));
	if (directory && dest.length > 1 && dest !== './') dest = dest.replace(/\/+$/, '');
	return { flags, sources, dest };
}

const copyKey = (keyword: string, c: NonNullable<Instruction['copy']>) =>
	`${keyword} ${[...c.flags, ...c.sources, c.dest].join(' ')}`;

/** Whether a glob (`package*.json`) matches a name (`package.json`). */
function globMatches(glob: string, name: string): boolean {
	const re = glob
		.replace(/[.+^${}()|\\]/g, '\\$&')
		.replace(/\*/g, '[^/]*')
		.replace(/\?/g, '[^/]');
	return new RegExp(`^${re}$`).test(name);
}

const code = (s: string) => `\`${s}\``;

function normaliseArgs(keyword: string, args: string): string {
	const trimmed = args.trim();
	if (trimmed.startsWith('[')) {
		try {
			const list = JSON.parse(trimmed) as unknown;
			if (Array.isArray(list)) return 'exec:' + JSON.stringify(list);
		} catch {
			// Not valid JSON: Docker reads it as shell form, and so do we.
		}
	}
	const line = tokenize(trimmed);
	const parts: string[] = [];
	line.stages.forEach((stage, k) => {
		const words = [...stage];
		// Leading instruction flags (--from=, --interval=) are order-free.
		let n = 0;
		if (k === 0) while (n < words.length && words[n]!.startsWith('--')) n++;
		const flags = words.slice(0, n).sort();
		// `FROM alpine` pulls alpine:latest from Docker Hub: the same base image as `FROM alpine:latest`.
		if (keyword === 'FROM' && k === 0 && words[n] !== undefined && words[n] !== 'scratch')
			words[n] = canonicalImage(words[n]!);
		parts.push([...flags, ...words.slice(n)].join(' '));
		if (line.ops[k]) parts.push(line.ops[k]!);
	});
	const joined = parts.join(' ');
	return keyword === 'FROM' ? joined.replace(/ as /i, ' AS ') : joined;
}

/** The image a FROM instruction's arguments name (after any `--platform=` flag). */
function baseImage(args: string): string {
	return args.split(' ').find((w) => !w.startsWith('--')) ?? '';
}

/** An instruction with its compared form (COPY/ADD and HEALTHCHECK read into parts). */
function instruction(keyword: string, raw: string, line: number, stages: Map<string, number>): Instruction {
	const args = raw.replace(/\s+/g, ' ').trim();
	if (keyword === 'FROM') {
		const name = /\sAS\s+(\S+)\s*$/i.exec(args)?.[1];
		const index = stages.size;
		stages.set(`#${index}`, index);
		if (name) stages.set(name.toLowerCase(), index);
	}
	if ((keyword === 'COPY' || keyword === 'ADD') && !args.startsWith('[')) {
		const words = tokenize(args).stages.flat();
		const copy = readCopy(words, stages);
		return { keyword, args, key: copyKey(keyword, copy), line, copy };
	}
	if (keyword === 'HEALTHCHECK') {
		const words = args.split(' ');
		let n = 0;
		while (n < words.length && words[n]!.startsWith('--')) n++;
		const options = words
			.slice(0, n)
			.filter((o) => !HEALTH_DEFAULTS.has(o))
			.sort();
		const command = normaliseArgs(keyword, words.slice(n).join(' '));
		return {
			keyword,
			args,
			key: `${keyword} ${[...options, command].join(' ')}`,
			line,
			health: { options, command }
		};
	}
	return { keyword, args, key: `${keyword} ${normaliseArgs(keyword, raw)}`, line };
}

/** Reads a Dockerfile into its instructions. */
export function readDockerfile(text: string): Instruction[] {
	const out: Instruction[] = [];
	const stages = new Map<string, number>();
	const lines = text.split('\n');
	let buffer = '';
	let startLine = 0;
	lines.forEach((raw, idx) => {
		const line = raw.trim();
		if (buffer === '' && (line === '' || line.startsWith('#'))) return;
		if (buffer !== '' && line.startsWith('#')) return;
		if (buffer === '') startLine = idx;
		if (line.endsWith('\\')) {
			buffer += line.slice(0, -1) + ' ';
			return;
		}
		buffer += line;
		const m = /^(\S+)\s*([\s\S]*)$/.exec(buffer.trim());
		if (m) out.push(instruction(m[1]!.toUpperCase(), m[2]!, startLine, stages));
		buffer = '';
	});
	if (buffer.trim()) {
		const m = /^(\S+)\s*([\s\S]*)$/.exec(buffer.trim())!;
		out.push(instruction(m[1]!.toUpperCase(), m[2]!, startLine, stages));
	}
	return out;
}

/** Compares two Dockerfiles instruction by instruction. */
export function compareDockerfile(expected: string, given: string): CheckResult {
	const exp = readDockerfile(expected);
	const got = readDockerfile(given);
	const issues: Issue[] = [];
	const lines = given.split('\n');
	const status = lines.map(() => 'ok' as TokenMark['status']);
	const notes: string[] = [];
	const n = Math.max(exp.length, got.length);
	for (let k = 0; k < n; k++) {
		const e = exp[k];
		const g = got[k];
		if (e && g) {
			if (e.key === g.key) continue;
			const near = nearlySame(e, g);
			if (near?.note) {
				notes.push(near.note);
				continue;
			}
			if (near?.issue) {
				issues.push(near.issue);
				status[g.line] = 'wrong-value';
				continue;
			}
			if (e.keyword !== g.keyword) {
				const later = exp.findIndex((x, j) => j > k && x.key === g.key);
				issues.push({
					kind: later >= 0 ? 'misplaced' : 'wrong-command',
					message:
						later >= 0
							? `${code(g.keyword + ' ' + g.args)} comes too early; expected ${code(e.keyword + ' ' + e.args)} here.`
							: `Expected a ${code(e.keyword)} instruction, not ${code(g.keyword)}: ${code(e.keyword + ' ' + e.args)}.`
				});
				status[g.line] = later >= 0 ? 'misplaced' : 'wrong-command';
			} else {
				const how =
					e.keyword === 'FROM' ? describeImageDifference(baseImage(e.args), baseImage(g.args)) : null;
				issues.push({
					kind: 'wrong-value',
					message: `${code(g.keyword)} should read ${code(e.keyword + ' ' + e.args)}, not ${code(g.keyword + ' ' + g.args)}${how ? `: ${how}` : '.'}`
				});
				status[g.line] = 'wrong-value';
			}
		} else if (e) {
			issues.push({ kind: 'missing', message: `Missing ${code(e.keyword + ' ' + e.args)}.` });
		} else if (g) {
			issues.push({ kind: 'extra', message: `${code(g.keyword + ' ' + g.args)} is not part of the answer.` });
			status[g.line] = 'extra';
		}
	}
	return {
		verdict: verdictOf(issues),
		issues,
		tokens: lines.map((text, i) => ({ text, status: status[i] ?? 'ok' })),
		notes
	};
}

const APT_CLEANUP = / && rm -rf \/var\/lib\/apt\/lists\/\*?$/;

/**
 * Two instructions that differ in a way that is still right (a note) or only in timing (a minor issue):
 * a COPY source glob that matches the answer's file, a RUN without the answer's apt cache cleanup, a
 * HEALTHCHECK with the same command but other timing options.
 */
function nearlySame(e: Instruction, g: Instruction): { note?: string; issue?: Issue } | null {
	if (e.keyword !== g.keyword) return null;
	if (e.copy && g.copy && e.copy.sources.length === g.copy.sources.length) {
		const globs: string[] = [];
		const sources = g.copy.sources.map((src, k) => {
			const want = e.copy!.sources[k]!;
			if (src !== want && GLOB.test(src) && !GLOB.test(want) && globMatches(src, want)) {
				globs.push(src);
				return want;
			}
			return src;
		});
		if (globs.length && copyKey(g.keyword, { ...g.copy, sources }) === e.key)
			return {
				note: `${code(globs.join(' '))} also copies every other file it matches (such as a lock file next to ${code(e.copy.sources.find((x) => !g.copy!.sources.includes(x)) ?? '')}), which is usually what you want.`
			};
	}
	if (
		e.copy &&
		g.copy &&
		e.copy.sources.join(' ') === g.copy.sources.join(' ') &&
		e.copy.dest.replace(/\/+$/, '') === g.copy.dest.replace(/\/+$/, '') &&
		e.copy.dest !== g.copy.dest
	) {
		const dir = (c: NonNullable<Instruction['copy']>) => c.dest.endsWith('/');
		const file = e.copy.sources[0]!.split('/').pop()!;
		const into = (d: string) =>
			`copies into the directory ${code(d)} (as ${code(d.replace(/\/+$/, '') + '/' + file)})`;
		const as = (d: string) => `makes the file ${code(d)}`;
		return {
			issue: {
				kind: 'wrong-value',
				message: `${code(g.keyword + ' ' + g.args)} ${dir(g.copy) ? into(g.copy.dest) : as(g.copy.dest)}; the answer ${dir(e.copy) ? into(e.copy.dest) : as(e.copy.dest)}.`
			}
		};
	}
	if (e.keyword === 'RUN' && APT_CLEANUP.test(e.key) && e.key.replace(APT_CLEANUP, '') === g.key)
		return {
			note: 'The answer also deletes /var/lib/apt/lists/* in the same RUN, so the apt package lists do not stay in the layer.'
		};
	if (e.health && g.health && e.health.command === g.health.command) {
		const missing = e.health.options.filter((o) => !g.health!.options.includes(o));
		const extra = g.health.options.filter((o) => !e.health!.options.includes(o));
		return {
			issue: {
				kind: 'wrong-value',
				message: `The check is right; its timing differs: the answer sets ${missing.length ? missing.map(code).join(' ') : 'the defaults'}${extra.length ? `, not ${extra.map(code).join(' ')}` : ''}.`,
				minor: true
			}
		};
	}
	return null;
}
