/**
 * Shell words as a POSIX shell would split them (via shell-quote), with quoting removed, `\` line
 * continuations joined, variables kept literal (`$x` and `${x}` read alike) and `$(…)` kept as one
 * word, so that `"$(pwd)":/app` and `$(pwd):/app` are the same word.
 */
import { parse, type ParseEntry } from 'shell-quote';

/** One command of a pipeline or list: its words, without quoting. */
export type Stage = string[];

/** A command line: stages joined by operators (`|`, `&&`, `;`, `>`…), operators kept in order. */
export interface CommandLine {
	stages: Stage[];
	ops: string[];
}

const SUB = '\u0001';
const SUB_PATTERN = new RegExp(`${SUB}(\\d+)${SUB}`, 'g');
const KEYWORDS = new Set(['do', 'then', 'else']);

/** Replaces each `$(…)` (balanced) by a placeholder and returns the inner texts. */
function extractSubstitutions(text: string): { text: string; subs: string[] } {
	const subs: string[] = [];
	let out = '';
	let i = 0;
	let quote: string | null = null;
	while (i < text.length) {
		const ch = text[i]!;
		if (quote === "'") {
			if (ch === "'") quote = null;
			out += ch;
			i++;
			continue;
		}
		if (ch === '\\' && i + 1 < text.length) {
			out += ch + text[i + 1];
			i += 2;
			continue;
		}
		if (ch === '\n' && quote === null) {
			// A newline ends a command like `;` does.
			out += ' ; ';
			i++;
			continue;
		}
		if (ch === '"' || ch === "'") quote = quote === ch ? null : quote === null ? ch : quote;
		if (ch === '$' && text[i + 1] === '(') {
			let depth = 1;
			let j = i + 2;
			while (j < text.length && depth > 0) {
				if (text[j] === '(') depth++;
				else if (text[j] === ')') depth--;
				j++;
			}
			subs.push(text.slice(i + 2, depth === 0 ? j - 1 : j));
			out += `${SUB}${subs.length - 1}${SUB}`;
			i = j;
			continue;
		}
		out += ch;
		i++;
	}
	return { text: out, subs };
}

/** Normalised text of a `$(…)` body: its words joined by single spaces. */
function normaliseSub(inner: string): string {
	const line = tokenize(inner);
	const parts: string[] = [];
	line.stages.forEach((stage, k) => {
		parts.push(stage.join(' '));
		if (line.ops[k]) parts.push(line.ops[k]!);
	});
	return `$(${parts.join(' ')})`;
}

/** Splits a command line into stages of shell words. Never throws. */
export function tokenize(text: string): CommandLine {
	const joined = text.replace(/\\\r?\n/g, ' ');
	const { text: safe, subs } = extractSubstitutions(joined);
	let entries: ParseEntry[];
	try {
		entries = parse(safe, (key: string) => `\${${key}}`);
	} catch {
		entries = safe.split(/\s+/).filter(Boolean);
	}
	const restore = (w: string) =>
		w.includes(SUB) ? w.replace(SUB_PATTERN, (_, n: string) => normaliseSub(subs[Number(n)] ?? '')) : w;
	const stages: Stage[] = [[]];
	const ops: string[] = [];
	for (const entry of entries) {
		if (typeof entry === 'string') {
			if (entry !== '') stages[stages.length - 1]!.push(restore(entry));
		} else if ('comment' in entry) {
			continue;
		} else if ('op' in entry && entry.op === 'glob') {
			stages[stages.length - 1]!.push(restore((entry as { pattern: string }).pattern));
		} else if ('op' in entry) {
			ops.push(entry.op);
			stages.push([]);
		}
	}
	// `do cmd` on one line reads as `do` then `cmd`, as it does after a newline.
	for (let k = 0; k < stages.length; k++) {
		const stage = stages[k]!;
		if (stage.length > 1 && KEYWORDS.has(stage[0]!)) {
			stages.splice(k, 1, [stage[0]!], stage.slice(1));
			ops.splice(k, 0, ';');
		}
	}
	// Drop empty stages a trailing `;` leaves behind, with their operator.
	for (let k = stages.length - 1; k >= 0; k--) {
		if (stages[k]!.length === 0 && stages.length > 1) {
			stages.splice(k, 1);
			ops.splice(Math.max(0, k - 1), 1);
		}
	}
	return { stages, ops };
}

/** A word as it would be typed: quoted only where it needs it. */
export function showWord(word: string): string {
	return /^[\w@%+=:,./${}()*?[\]-]+$/.test(word) ? word : JSON.stringify(word);
}
