/**
 * Lint for notes: bullet by bullet, what made no question or only a weak one, and how to mark it up so
 * that it makes good ones. Shared by `deckhand lint` and the Make a pack page.
 */
import type { Result } from '../result';
import type { CardKind } from '../pack/types';
import type { NoteFact } from './facts';
import { generatePack, type GenerateOptions, type Generated } from './index';
import { measureQuality, type QualityFigures } from './quality';
import { sentenceAbout, whichQuestion } from './text';

export type LintLevel = 'none' | 'weak';

/** One bullet, command or heading that made no question or a weak one. */
export interface LintFinding {
	line: number;
	/** The bullet or command as written. */
	text: string;
	level: LintLevel;
	/** What happened, in plain words. */
	problem: string;
	/** How to mark it up. */
	hint: string;
}

export interface LintReport {
	findings: LintFinding[];
	/** Cards each fact made, by kind, summed. */
	figures: QualityFigures;
	facts: number;
	factsWithCards: number;
}

const HINT = {
	sentence:
		'Write it as what the subject does ("Stores data in host memory") or as a full sentence, and add a nested "- Why: …" line.',
	why: 'Add a nested "- Why: …" line under it: a true/false question needs the reason to show after answering.',
	category:
		'Give the term its kind, "**term** (network driver): …", or group such terms under a lead-in ("- Network drivers:"); four or more of one kind make multiple choice and true/false.',
	more: 'Define more terms of the same kind (four or more make multiple-choice questions with distractors of that kind).',
	verb: 'Start the definition with a verb ("Sends logs to …", "Gives each container …") so it reads as a question: "Which logging driver sends logs to …?"',
	misconception:
		'Add a nested "- Why: …" line with the correction; a misconception without one makes no card.',
	intent: 'Put a "# comment" line above the command that says the task, naming every value the answer needs.',
	commandWhy: 'Add a "# Why: …" comment above the command so the learner sees why it does what the task asks.'
};

function findFact(f: NoteFact, made: Map<string, Set<CardKind>>, pools: Map<string, number>): LintFinding[] {
	const kinds = made.get(f.key) ?? new Set<CardKind>();
	const at = { line: f.source.line, text: f.source.text };
	if (f.kind === 'misconception') {
		return f.why
			? []
			: [{ ...at, level: 'none', problem: 'misconception without a correction', hint: HINT.misconception }];
	}
	if (f.kind === 'statement') {
		if (kinds.size > 0) return [];
		if (!sentenceAbout(f.subject, f.plural, f.text))
			return [
				{
					...at,
					level: 'none',
					problem: 'not a sentence about its subject',
					hint: HINT.sentence
				}
			];
		return [{ ...at, level: 'none', problem: 'no reason and nothing to blank', hint: HINT.why }];
	}
	if (!f.category)
		return [
			{ ...at, level: 'weak', problem: 'only a flashcard: the term has no category', hint: HINT.category }
		];
	const out: LintFinding[] = [];
	const size = pools.get(f.category.toLowerCase()) ?? 0;
	if (size < 4)
		out.push({
			...at,
			level: 'weak',
			problem: `no multiple choice: only ${size} ${f.category} term(s) defined`,
			hint: HINT.more
		});
	const asked = whichQuestion(`which ${f.category}`, f.definition);
	if (!asked || asked.startsWith('For '))
		out.push({
			...at,
			level: 'weak',
			problem: 'the definition cannot be asked as "which …?"',
			hint: HINT.verb
		});
	return out;
}

/** Lints notes: the findings, bullet by bullet, and the quality figures of the cards they make. */
export function lintNotes(markdown: string, options: GenerateOptions = {}): Result<LintReport> {
	const r = generatePack(
		markdown,
		{ id: 'lint', title: 'Lint', version: 1, createdAt: '2000-01-01T00:00:00.000Z' },
		options
	);
	if (!r.ok) return r;
	return { ok: true, value: reportOf(r.value) };
}

/** The lint report of an already generated pack. */
export function reportOf(g: Generated): LintReport {
	const made = new Map<string, Set<CardKind>>();
	for (const c of g.pack.cards) if (c.fact) made.set(c.fact, (made.get(c.fact) ?? new Set()).add(c.kind));
	const pools = new Map<string, number>();
	for (const f of g.facts)
		if (f.kind === 'term' && f.category)
			pools.set(f.category.toLowerCase(), (pools.get(f.category.toLowerCase()) ?? 0) + 1);
	const findings: LintFinding[] = g.facts.flatMap((f) => findFact(f, made, pools));
	for (const s of g.notes.sections)
		for (const sub of [s.intro, ...s.subsections])
			for (const code of sub.code)
				for (const cmd of code.commands) {
					if (!cmd.intent && !code.label)
						findings.push({
							line: cmd.line,
							text: cmd.command,
							level: 'weak',
							problem: 'command without its task',
							hint: HINT.intent
						});
					else if (!cmd.why && !code.why)
						findings.push({
							line: cmd.line,
							text: cmd.command,
							level: 'weak',
							problem: 'command without a reason',
							hint: HINT.commandWhy
						});
				}
	for (const u of g.notes.unused)
		findings.push({
			line: u.line,
			text: '',
			level: 'none',
			problem: u.message,
			hint: 'Put "- " list items or fenced code under it, or remove it.'
		});
	findings.sort((a, b) => a.line - b.line);
	const factKeys = new Set(g.facts.map((f) => f.key));
	return {
		findings,
		figures: measureQuality(g.pack, g.origins),
		facts: factKeys.size,
		factsWithCards: [...factKeys].filter((k) => made.has(k)).length
	};
}
