/**
 * checkCommand: compares a typed command with the expected one as the CLI would read both: aliases,
 * short and long flags, `--flag=value`, free flag order, quoting and spacing do not matter; what the
 * command would do differently does.
 */
import {
	isOrdered,
	readCommand,
	shortOf,
	showPath,
	type FlagUse,
	type ParsedCommand,
	type Positional
} from './cli-model';
import { editDistance } from './distance';
import { showWord, tokenize } from './shell';
import {
	verdictOf,
	type CheckResult,
	type AnswerIssue as Issue,
	type TokenMark,
	type TokenStatus
} from './types';

const code = (s: string) => `\`${s}\``;

function showFlag(f: FlagUse): string {
	const name = f.known || f.name.startsWith('--') ? `--${f.name}` : f.name;
	const flag = name.startsWith('---') ? name.slice(2) : name;
	return f.kind === 'b' && f.value === 'true' ? flag : `${flag} ${showWord(f.value)}`;
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
	exp: Positional[],
	got: Positional[],
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
				message: `The ${what} are in the wrong order: expected ${e.map(showWord).join(' ')}.`
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
		const ev = e[k];
		const gp = got[k];
		if (ev !== undefined && gp !== undefined) {
			if (ev !== gp.value) {
				issues.push({
					kind: 'wrong-value',
					message: `Expected ${code(showWord(ev))} where you wrote ${code(showWord(gp.value))}.`,
					suggestion: ev,
					minor: isTypo(ev, gp.value)
				});
				mark(marks, [gp.at], 'wrong-value');
			}
		} else if (ev !== undefined) {
			issues.push({ kind: 'missing', message: `Missing ${code(showWord(ev))} (${what}).`, suggestion: ev });
		} else if (gp !== undefined) {
			issues.push({ kind: 'extra', message: `${code(showWord(gp.value))} is not part of the answer.` });
			mark(marks, [gp.at], 'extra');
		}
	}
}

function compareFlags(
	exp: ParsedCommand,
	got: ParsedCommand,
	typedWords: string[],
	issues: Issue[],
	marks: TokenStatus[]
): void {
	const docker = got.program === 'docker';
	const expNames = new Set(exp.flags.map((f) => f.name));
	// A misspelt flag stands for the expected flag it resembles, so its value is still compared.
	const given = got.flags.map((f) => {
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
	}) as (FlagUse & { fromTypo?: boolean; ignored?: boolean })[];
	const names = new Set([
		...exp.flags.map((f) => f.name),
		...given.filter((f) => !f.ignored).map((f) => f.name)
	]);
	for (const name of names) {
		const e = exp.flags.filter((f) => f.name === name);
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
		const restG: typeof g = [];
		for (const f of g) {
			const k = restE.findIndex((x) => x.value === f.value);
			if (k >= 0) restE.splice(k, 1);
			else restG.push(f);
		}
		while (restE.length && restG.length) {
			const ef = restE.shift()!;
			const gf = restG.shift()!;
			const flag = gf.fromTypo ? `--${ef.name}` : gf.typed;
			issues.push({
				kind: 'wrong-value',
				message:
					ef.kind === 'b'
						? `${code(gf.typed + '=' + gf.value)} turns the flag ${gf.value === 'false' ? 'off' : 'on'}; the answer uses ${code(showFlag(ef))}.`
						: `${code(flag)} should be ${code(showWord(ef.value))}, not ${code(showWord(gf.value))}.`,
				suggestion: showFlag(ef),
				minor: !gf.fromTypo && isTypo(ef.value, gf.value)
			});
			mark(marks, gf.at.slice(1).length ? gf.at.slice(1) : gf.at, 'wrong-value');
		}
		for (const ef of restE) {
			const short = shortOf(got.path, ef.name);
			let misspelt = false;
			const misplaced = got.args.find((a) => {
				const w = a.value;
				if (w === `--${ef.name}` || w.startsWith(`--${ef.name}=`) || (!!short && w.startsWith(`-${short}`)))
					return true;
				const name = /^--([^=]+)/.exec(w)?.[1];
				misspelt = !!name && editDistance(name, ef.name, 2) <= 2;
				return misspelt;
			});
			if (misplaced && docker) {
				const first = got.positionals[0]?.value ?? '';
				const spelt = misspelt ? ` (and spell it ${code('--' + ef.name)})` : '';
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

function compareStage(expWords: string[], gotWords: string[]): StageOutcome {
	const exp = readCommand(expWords);
	let got = readCommand(gotWords);
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
		const reread = (word: string) => readCommand(gotWords.map((w, i) => (i === u.at ? word : w)));
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
	compareFlags(exp, got, gotWords, issues, marks);
	compareSequence(exp.positionals, got.positionals, 'arguments', issues, marks, exp.path === 'service scale');
	compareSequence(exp.args, got.args, 'words after the image', issues, marks);
	return { issues, marks, notes: got.notes };
}

/** Checks a typed command against the expected one; never throws. */
export function checkCommand(expected: string, given: string): CheckResult {
	const exp = tokenize(expected);
	const got = tokenize(given.replace(/^\s*\$\s+/, ''));
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
		const expWords = exp.stages[k] ?? [];
		// A sudo the answer does not need is not part of the command (a copied `$ ` prompt is dropped above).
		let skip = 0;
		if (words[0] === 'sudo' && expWords[0] !== 'sudo' && words.length > skip + 1) {
			skip += 1;
			notes.push('`sudo` is left out of the answer; it does not change what the command does.');
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
