/**
 * Checking a typed term (a cloze blank): fair to how people type on a phone. Case, spacing, quotes or
 * backticks around the answer, a trailing slash on a path, a trailing full stop and the space between a
 * number and its unit do not count; one slip of a finger in a longer word is "close", not wrong.
 */
import { canonicalPath, commandPathsOf, flagsOf } from './cli-model';
import { checkCommand } from './command';
import { editDistance } from './distance';
import type { Verdict } from './types';

/** A flag as a cloze blank may hold it: `-p`, `--publish`, or `docker run --ip`. */
interface FlagTerm {
	/** The docker command path written with it (canonical), or null for a bare flag. */
	path: string | null;
	/** The canonical long name on that command (or on `docker run` for a bare flag). */
	long: string;
}

const FLAG_TERM = /^(?:docker\s+([a-z][a-z -]*?)\s+)?(--?[A-Za-z0-9][\w.-]*)$/;

function longName(path: string, flag: string): string | null {
	const table = flagsOf(path);
	const hit = flag.startsWith('--')
		? table.find((f) => f.long === flag.slice(2))
		: flag.length === 2
			? table.find((f) => f.short === flag.slice(1))
			: undefined;
	return hit?.long ?? null;
}

/**
 * Reads a blank's text as a docker flag. A bare flag is read as `docker run`'s (the command most facts
 * about flags are about), or as the only command that has it; a flag of an unknown command is not one.
 */
export function readFlagTerm(text: string): FlagTerm | null {
	const m = FLAG_TERM.exec(
		text
			.normalize('NFKC')
			.trim()
			.replace(/^[`'"]|[`'"]$/g, '')
			.replace(/\s+/g, ' ')
	);
	if (!m) return null;
	const flag = m[2]!;
	if (m[1]) {
		const path = canonicalPath(m[1]);
		const long = path ? longName(path, flag) : null;
		return path && long ? { path, long } : null;
	}
	const long = longName('container run', flag);
	return long ? { path: null, long } : null;
}

/**
 * Whether a typed flag is the expected one: its long or short form, bare or with a docker command that
 * has it (`--ip` and `docker network connect --ip` for `docker run --ip`).
 */
function sameFlag(expected: FlagTerm, given: string): boolean {
	const m = FLAG_TERM.exec(
		given
			.normalize('NFKC')
			.trim()
			.replace(/^[`'"]|[`'"]$/g, '')
			.replace(/\s+/g, ' ')
	);
	if (!m) return false;
	const path = m[1] ? canonicalPath(m[1]) : (expected.path ?? 'container run');
	if (!path) return false;
	return longName(path, m[2]!) === expected.long;
}

/** The form two answers are compared in. */
export function normalizeTerm(s: string): string {
	let t = s.normalize('NFKC').trim().toLowerCase();
	// Quotes or backticks around the whole answer, and a trailing full stop, are typing, not content.
	t = t.replace(/^([`'"“”‘’])(.*)\1$/u, '$2').replace(/^[`'"“”‘’]|[`'"“”‘’]$/gu, '');
	t = t.replace(/\.$/, '').trim();
	t = t.replace(/\s+/g, ' ');
	// "5 MB" is "5MB"; the tilde of "~5MB" is optional.
	t = t.replace(/(\d)\s+([a-z%]+)\b/g, '$1$2').replace(/^~(?=\d)/, '');
	// A path with or without its trailing slash.
	if (t.length > 1 && /^[./~]/.test(t)) t = t.replace(/\/+$/, '');
	return t;
}

/** How long a word must be before one typo is forgiven as "close". */
const TYPO_MIN_LENGTH = 5;

/**
 * The forms an expected term may be typed in: the whole, and for "Control groups (cgroups)" or
 * "Docker Content Trust (DCT)" the name alone or its short form alone (not a list in parentheses).
 */
export function termForms(expected: string): string[] {
	const forms = [expected];
	const m = /^(.+?)\s*\(([^()]+)\)$/.exec(expected.trim());
	if (m) {
		forms.push(m[1]!);
		if (!m[2]!.includes(',')) forms.push(m[2]!);
	}
	return forms.map(normalizeTerm).filter((f) => f !== '');
}

/** `…` (NFKC reads it as `...`) held as one private-use character while the key is normalised. */
const ELLIPSIS = '\uE000';
const PLACEHOLDER = /(<[^<>]+>|\uE000)/;

/**
 * A key written with placeholders (`<stack>_default`, `--network <name>`, `sha256:…`) as the answers it
 * stands for: a `<name>` is one word, `…` anything; a trailing placeholder may be left out, unless what
 * is left is only a placeholder.
 */
function placeholderMatch(expected: string, given: string): boolean {
	const t = normalizeTerm(expected.replace(/…|\.\.\./g, ELLIPSIS));
	if (!PLACEHOLDER.test(t)) return false;
	const pattern = (text: string) =>
		new RegExp(
			'^' +
				text
					.split(PLACEHOLDER)
					.map((p) =>
						p === ELLIPSIS
							? '.+'
							: /^<[^<>]+>$/.test(p)
								? '[^\\s<>]+'
								: p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
					)
					.join('') +
				'$'
		);
	if (pattern(t).test(given)) return true;
	const shorter = t.replace(/\s*[:@.]?\s*(<[^<>]+>|\uE000)$/, '');
	return shorter !== t && shorter !== '' && !PLACEHOLDER.test(shorter) && shorter === given;
}

/** Commands tried, in order, for a flag a key gives without its command (`--pid=host`). */
const FLAG_HOMES = ['container run', 'service create', 'network create', 'volume create', 'swarm init'];

/**
 * A key that is a command (`journalctl -u docker`, `docker build`) or flags with values (`--pid=host`,
 * `-o parent=eth0`) matched as the command checker reads it: `docker image build`, `-u docker.service`,
 * `--pid host` and `--opt parent=eth0` are the same. Keys with placeholders are matched by pattern.
 */
function commandMatch(expected: string, given: string): boolean {
	const key = expected.trim();
	const typed = given.trim().replace(/^[`'"]|[`'"]$/g, '');
	if (!key.includes(' ') && !key.includes('=')) return false;
	if (/[<>…]/.test(key) || /^[A-Z#["]/.test(key)) return false;
	if (key.startsWith('-')) {
		if (!typed.startsWith('-')) return false;
		const first = /^--?([\w-]+)/.exec(key)?.[1] ?? '';
		const has = (path: string) => flagsOf(path).some((f) => f.long === first || f.short === first);
		const path = FLAG_HOMES.find(has) ?? commandPathsOf().find(has);
		if (!path) return false;
		return checkCommand(`docker ${path} ${key}`, `docker ${path} ${typed}`).verdict === 'correct';
	}
	if (key.split(/\s+/)[0] !== typed.split(/\s+/)[0]) return false;
	return checkCommand(key, typed).verdict === 'correct';
}

/** Compares a typed term with the expected one. */
export function checkTerm(expected: string, given: string): Verdict {
	if (placeholderMatch(expected, normalizeTerm(given))) return 'correct';
	if (commandMatch(expected, given)) return 'correct';
	// A flag is matched as the CLI reads it (and case-sensitively: `-P` is not `-p`).
	const flag = readFlagTerm(expected);
	if (flag && sameFlag(flag, given)) return 'correct';
	if (flag && normalizeTerm(given) === normalizeTerm(expected)) return 'incorrect';
	const forms = termForms(expected);
	const b = normalizeTerm(given);
	if (b === '') return 'incorrect';
	if (forms.includes(b)) return 'correct';
	// Short answers (flags like -p, numbers) must be exact: one character is the whole difference.
	const typo = (a: string) =>
		a.length >= TYPO_MIN_LENGTH && !/^[\d.,]+$/.test(a) && editDistance(a, b, 1) <= 1;
	return forms.some(typo) ? 'close' : 'incorrect';
}
