/**
 * Checking a typed term (a cloze blank): fair to how people type on a phone. Case, spacing, quotes or
 * backticks around the answer, a trailing slash on a path, a trailing full stop and the space between a
 * number and its unit do not count; one slip of a finger in a longer word is "close", not wrong.
 */
import { editDistance } from './distance';
import type { Verdict } from './types';

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

/** Compares a typed term with the expected one. */
export function checkTerm(expected: string, given: string): Verdict {
	const forms = termForms(expected);
	const b = normalizeTerm(given);
	if (b === '') return 'incorrect';
	if (forms.includes(b)) return 'correct';
	// Short answers (flags like -p, numbers) must be exact: one character is the whole difference.
	const typo = (a: string) =>
		a.length >= TYPO_MIN_LENGTH && !/^[\d.,]+$/.test(a) && editDistance(a, b, 1) <= 1;
	return forms.some(typo) ? 'close' : 'incorrect';
}
