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

/** Reads a Dockerfile into its instructions. */
export function readDockerfile(text: string): Instruction[] {
	const out: Instruction[] = [];
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
		if (m) {
			const keyword = m[1]!.toUpperCase();
			const args = m[2]!.replace(/\s+/g, ' ').trim();
			out.push({ keyword, args, key: `${keyword} ${normaliseArgs(keyword, m[2]!)}`, line: startLine });
		}
		buffer = '';
	});
	if (buffer.trim()) {
		const m = /^(\S+)\s*([\s\S]*)$/.exec(buffer.trim())!;
		const keyword = m[1]!.toUpperCase();
		out.push({
			keyword,
			args: m[2]!.trim(),
			key: `${keyword} ${normaliseArgs(keyword, m[2]!)}`,
			line: startLine
		});
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
	const n = Math.max(exp.length, got.length);
	for (let k = 0; k < n; k++) {
		const e = exp[k];
		const g = got[k];
		if (e && g) {
			if (e.key === g.key) continue;
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
		notes: []
	};
}
