/**
 * checkConfig: YAML compared as data (key order, quoting and comments do not matter), Compose files
 * also validated against the Compose Specification schema when a validator is passed, and Dockerfiles
 * compared instruction by instruction.
 */
import { parse as parseYaml } from 'yaml';
import { closest } from './distance';
import { compareDockerfile } from './dockerfile';
import { canonicalImage, describeImageDifference } from './equivalent';
import { verdictOf, type CheckResult, type AnswerIssue as Issue, type TokenMark } from './types';

export type ConfigKind = 'yaml' | 'compose' | 'dockerfile';

/** Validates a parsed Compose document; returns plain-words errors (empty when valid). */
export type ComposeValidator = (doc: unknown) => string[];

export interface ConfigOptions {
	validateCompose?: ComposeValidator;
}

const code = (s: string) => `\`${s}\``;

type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

// logLevel 'error': syntax errors still throw (and become feedback); warnings such as an unresolved
// tag (`!reset`) stay out of the console.
function readYaml(text: string): Parsed {
	try {
		return {
			ok: true,
			value: parseYaml(text, { merge: true, prettyErrors: false, logLevel: 'error' }) as unknown
		};
	} catch (e) {
		const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
		return { ok: false, error: msg };
	}
}

const LIST_OR_MAP = new Set(['environment', 'labels', 'args', 'extra_hosts', 'annotations', 'sysctls']);

/**
 * A published port in one form: the short syntax (`"8080:80"`, `"127.0.0.1:8080:80/udp"`, `80`) and
 * the long one (`{target: 80, published: "8080"}`) read alike, tcp and mode ingress being the defaults.
 */
function canonicalPort(port: unknown): unknown {
	let p: Record<string, unknown>;
	if (typeof port === 'string' || typeof port === 'number') {
		const text = String(port);
		// Split on the colons outside `${VAR:-default}` and outside an `[ipv6]` address.
		const parts: string[] = [''];
		let depth = 0;
		for (let i = 0; i < text.length; i++) {
			const ch = text[i]!;
			if (ch === '$' && text[i + 1] === '{') depth++;
			else if ((ch === '}' || ch === ']') && depth > 0) depth--;
			else if (ch === '[') depth++;
			if (ch === ':' && depth === 0) parts.push('');
			else parts[parts.length - 1] += ch;
		}
		if (parts.length > 3) return port;
		const last = parts.pop()!;
		const slash = last.lastIndexOf('/');
		const target = slash < 0 ? last : last.slice(0, slash);
		const protocol = slash < 0 ? undefined : last.slice(slash + 1);
		const published = parts.pop();
		const host_ip = parts.pop()?.replace(/^\[(.*)\]$/, '$1');
		p = { host_ip, published, target, protocol };
	} else if (port && typeof port === 'object' && !Array.isArray(port))
		p = { ...(port as Record<string, unknown>) };
	else return port;
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== null && v !== '') out[k] = String(v);
	if (out['protocol']?.toLowerCase() === 'tcp') delete out['protocol'];
	if (out['mode'] === 'ingress') delete out['mode'];
	return out;
}

/** Compose accepts `KEY=value` lists and maps alike for some keys; reads both as a map. */
function canonicalCompose(value: unknown, key = ''): unknown {
	if (Array.isArray(value) && key === 'ports') return value.map(canonicalPort);
	if (Array.isArray(value)) {
		if (LIST_OR_MAP.has(key) && value.every((v) => typeof v === 'string')) {
			return Object.fromEntries(
				(value as string[]).map((v) => {
					const eq = v.search(/[=:]/);
					return eq < 0 ? [v, null] : [v.slice(0, eq), v.slice(eq + 1)];
				})
			);
		}
		return value.map((v) => canonicalCompose(v));
	}
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonicalCompose(v, k)]));
	}
	return value;
}

function show(value: unknown): string {
	if (value === null || value === undefined) return 'nothing';
	if (typeof value === 'object') return code(JSON.stringify(value));
	return code(String(value));
}

/** Walks two documents and reports differences by path (`services.web.ports[0]`). */
function diff(exp: unknown, got: unknown, path: string, issues: Issue[]): void {
	const at = path || 'the document';
	if (Array.isArray(exp) && Array.isArray(got)) {
		const n = Math.max(exp.length, got.length);
		for (let k = 0; k < n; k++) {
			const p = `${path}[${k}]`;
			if (k >= got.length)
				issues.push({ kind: 'missing', message: `Missing ${show(exp[k])} at ${code(p)}.` });
			else if (k >= exp.length)
				issues.push({ kind: 'extra', message: `${show(got[k])} at ${code(p)} is not part of the answer.` });
			else diff(exp[k], got[k], p, issues);
		}
		return;
	}
	const isObj = (v: unknown): v is Record<string, unknown> =>
		!!v && typeof v === 'object' && !Array.isArray(v);
	if (isObj(exp) && isObj(got)) {
		const missing = Object.keys(exp).filter((k) => !(k in got));
		const extra = Object.keys(got).filter((k) => !(k in exp));
		for (const k of Object.keys(exp)) if (k in got) diff(exp[k], got[k], path ? `${path}.${k}` : k, issues);
		for (const k of extra) {
			const meant = closest(k, missing);
			const p = path ? `${path}.${k}` : k;
			if (meant) {
				// A misspelt key: say so once, and still compare what it holds.
				missing.splice(missing.indexOf(meant), 1);
				issues.push({
					kind: 'unknown',
					message: `Unknown key ${code(p)}; did you mean ${code(meant)}?`,
					suggestion: meant,
					minor: true
				});
				diff(exp[meant], got[k], path ? `${path}.${meant}` : meant, issues);
			} else issues.push({ kind: 'extra', message: `The key ${code(p)} is not part of the answer.` });
		}
		for (const k of missing)
			issues.push({
				kind: 'missing',
				message: `Missing the key ${code(path ? `${path}.${k}` : k)}.`,
				suggestion: k
			});
		return;
	}
	// Scalars compare by their text: `cpus: '0.5'` and `cpus: 0.5` mean the same to Compose.
	const scalar = (v: unknown) => (v === null || typeof v !== 'object' ? String(v ?? '') : null);
	if (scalar(exp) !== null && scalar(exp) === scalar(got)) return;
	// A service's image: `nginx` and `docker.io/library/nginx:latest` are the same image to Compose.
	const image = /^services\.[^.]+\.image$/.test(path) && typeof exp === 'string' && typeof got === 'string';
	if (image && canonicalImage(exp) === canonicalImage(got)) return;
	const how = image ? describeImageDifference(exp, got) : null;
	issues.push({
		kind: 'wrong-value',
		message: `${code(at)} should be ${show(exp)}, not ${show(got)}${how ? `: ${how}` : '.'}`
	});
}

/**
 * The document as Compose validates it: after interpolation. A `${VAR:-default}` stands for its default,
 * and a value that is then a number is one (`published: "${WEB_PORT:-80}"` is the port 80).
 */
function interpolated(value: unknown): unknown {
	if (typeof value === 'string' && value.includes('${')) {
		const text = value.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)\}/g, '$1');
		return /^\d+$/.test(text) ? Number(text) : text;
	}
	if (Array.isArray(value)) return value.map(interpolated);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolated(v)]));
	return value;
}

function lineMarks(text: string): TokenMark[] {
	return text.split('\n').map((line) => ({ text: line, status: 'ok' as const }));
}

/** Checks a YAML, Compose or Dockerfile answer against the expected one; never throws. */
export function checkConfig(
	expected: string,
	given: string,
	kind: ConfigKind,
	options: ConfigOptions = {}
): CheckResult {
	if (given.trim() === '') {
		return {
			verdict: 'incorrect',
			issues: [{ kind: 'missing', message: 'Nothing was typed.' }],
			tokens: [],
			notes: []
		};
	}
	if (kind === 'dockerfile') return compareDockerfile(expected, given);
	const exp = readYaml(expected);
	const got = readYaml(given);
	const issues: Issue[] = [];
	const notes: string[] = [];
	if (!got.ok) {
		issues.push({ kind: 'syntax', message: `This is not valid YAML: ${got.error}` });
		return { verdict: 'incorrect', issues, tokens: lineMarks(given), notes };
	}
	if (!exp.ok) throw new Error(`The expected answer is not valid YAML: ${exp.error}`);
	const canon = kind === 'compose' ? canonicalCompose : (v: unknown) => v;
	diff(canon(exp.value), canon(got.value), '', issues);
	if (kind === 'compose' && options.validateCompose) {
		// Errors the expected answer shares come from the schema snapshot, not from the learner.
		const known = new Set(options.validateCompose(interpolated(exp.value)));
		for (const error of options.validateCompose(interpolated(got.value))) {
			if (known.has(error)) continue;
			issues.push({ kind: 'syntax', message: `Not a valid Compose file: ${error}` });
		}
	}
	return { verdict: verdictOf(issues), issues, tokens: lineMarks(given), notes };
}

/**
 * Places the learner's lines into a snippet's blank, indented like the expected answer. The blank
 * holds whole lines (before and after may or may not end and start with a newline); a blank inside a
 * line (`image: ____`) is filled in place.
 */
export function fillBlank(before: string, given: string, after: string, expectedAnswer: string): string {
	const lastLine = before.slice(before.lastIndexOf('\n') + 1);
	if (lastLine.trim() !== '' && /[ \t]$/.test(lastLine)) return before + given.trim() + after;
	const indentOf = (l: string) => /^[ \t]*/.exec(l)![0];
	const expLines = expectedAnswer.split('\n').filter((l) => l.trim());
	const lines = given.replace(/\s+$/, '').split('\n');
	const nonEmpty = lines.filter((l) => l.trim());
	const common = nonEmpty.length ? Math.min(...nonEmpty.map((l) => indentOf(l).length)) : 0;
	// The blank's own indentation may sit at the end of `before`.
	const lead = lastLine.trim() === '' ? lastLine : '';
	const base = (expLines.length ? indentOf(expLines[0]!) : '') || lead;
	const placed = lines.map((l) => (l.trim() ? base + l.slice(common) : ''));
	let head = before.slice(0, before.length - lead.length);
	if (head !== '' && !head.endsWith('\n')) head += '\n';
	const tail = (after !== '' && !after.startsWith('\n')) || expectedAnswer.endsWith('\n') ? '\n' : '';
	return head + placed.join('\n') + tail + after;
}
