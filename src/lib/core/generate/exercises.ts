/**
 * The exercise marks of the authoring convention (questions/README.md), read from the Markdown syntax
 * tree: `- Scenario:` (a scenario, or a multiple-select question with two or more `Answer:` lines),
 * `- Sequence:` with a `bash` block of `# step` commands, and `- Output:` with a `text` block. Each
 * card carries its section, subsection and the nearest `Domain:` / `Objectives:` tags.
 */
import type { Code, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { chooseHint } from '../answer/choice';
import { stableHash } from '../hash';
import type {
	CardSource,
	CommandSequenceCard,
	MultiSelectCard,
	ReadOutputCard,
	ReasonedOption,
	ScenarioCard,
	SectionId
} from '../pack/types';
import { cardId } from './cards';
import { factKey } from './facts';
import { splitCommands } from './notes';
import { sentence, upperFirst } from './text';

export type ExerciseCard = ScenarioCard | MultiSelectCard | CommandSequenceCard | ReadOutputCard;

/** An exercise card before it belongs to a section of the pack. */
export type ExerciseDraft = ExerciseCard extends infer C
	? C extends ExerciseCard
		? Omit<C, 'sectionId'>
		: never
	: never;

export interface Exercises {
	/** Cards by section title (as the pack's sections are titled: without a leading number). */
	bySection: Map<string, ExerciseDraft[]>;
	/** Marks that made no card, each with its line and what to change. */
	issues: { line: number; message: string }[];
}

interface Tags {
	domain?: string;
	objectives?: string[];
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const MARK = /^(Scenario|Sequence|Output):\s*/;
const PART = /^(Question|Answer|Wrong):\s*/;

/** Reads the `Domain:` and `Objectives:` lines of a paragraph, if it is a tag paragraph. */
export function readTags(text: string): Tags | null {
	const domain = /^\s*Domain:\s*([A-Za-z0-9._-]+)\s*$/m.exec(text)?.[1];
	const objectives = /^\s*Objectives:\s*(.+)$/m
		.exec(text)?.[1]
		?.split(/[,\s]+/)
		.map((o) => o.trim())
		.filter((o) => /^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(o));
	if (!domain && !objectives?.length) return null;
	return { ...(domain ? { domain } : {}), ...(objectives?.length ? { objectives } : {}) };
}

function paragraphText(item: ListItem): string {
	const para = item.children.find((c): c is Paragraph => c.type === 'paragraph');
	return para ? clean(toString(para)) : '';
}

/** "option — why" (an em or en dash, or a spaced double hyphen, between them). */
function splitReason(text: string): { text: string; why: string } {
	const m = /\s+(?:\u2014|\u2013|--)\s+/.exec(text);
	if (!m) return { text: text.trim(), why: '' };
	return { text: text.slice(0, m.index).trim(), why: text.slice(m.index + m[0].length).trim() };
}

interface Parts {
	question?: string;
	answers: { text: string; why: string }[];
	wrongs: { text: string; why: string }[];
}

function readParts(items: readonly ListItem[], into: Parts): void {
	for (const it of items) {
		const text = paragraphText(it);
		const m = PART.exec(text);
		if (!m) continue;
		const rest = text.slice(m[0].length);
		if (m[1] === 'Question') into.question = rest;
		else (m[1] === 'Answer' ? into.answers : into.wrongs).push(splitReason(rest));
	}
}

/** Options in a stable order that does not put the answer first: sorted by a hash of their text. */
function arrange(parts: Parts): ReasonedOption[] {
	const all = [
		...parts.answers.map((a) => ({ text: a.text, correct: true, why: a.why })),
		...parts.wrongs.map((w) => ({ text: w.text, correct: false, why: w.why }))
	];
	return all
		.map((o) => ({ o, k: stableHash(o.text) }))
		.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
		.map((x) => x.o);
}

/** What is wrong with a question's parts, in plain words; null when they make a card. */
function partsProblem(parts: Parts, minWrong: number): string | null {
	if (!parts.question) return 'has no nested "- Question:" item';
	if (parts.answers.length === 0) return 'has no nested "- Answer: <option> — <why>" item';
	if (parts.wrongs.length < minWrong)
		return `needs ${minWrong === 1 ? 'a' : `${minWrong} or more`} "- Wrong: <option> — <why it is wrong>" item${minWrong === 1 ? '' : 's'}`;
	const noWhy = [...parts.answers, ...parts.wrongs].find((o) => !o.why || !o.text);
	if (noWhy) return `option "${noWhy.text}" needs its reason after " — "`;
	const texts = [...parts.answers, ...parts.wrongs].map((o) => o.text.toLowerCase());
	if (new Set(texts).size !== texts.length) return 'lists the same option twice';
	return null;
}

interface Place {
	section: string;
	subsection: string;
	tags: Tags;
}

function base(place: Place, text: string, head: string) {
	const source: CardSource = {
		section: place.section,
		...(place.subsection ? { subsection: place.subsection } : {}),
		text
	};
	return {
		source,
		// Each exercise tests one thing of its own: its fact key is its mark's place and text.
		fact: factKey(`${place.section}\u0000exercise\u0000${head}`),
		...(place.tags.domain ? { domain: place.tags.domain } : {}),
		...(place.tags.objectives ? { objectives: place.tags.objectives } : {})
	};
}

const origin = (place: Place, head: string) => `${place.section}\u0000${place.subsection}\u0000${head}`;

/** Reads every exercise mark of the notes into cards, grouped by section. */
export function readExercises(markdown: string): Exercises {
	const tree = unified().use(remarkParse).parse(markdown) as Root;
	const bySection = new Map<string, ExerciseDraft[]>();
	const issues: Exercises['issues'] = [];
	let section: string | null = null;
	let subsection = '';
	let sectionTags: Tags = {};
	let subTags: Tags = {};
	const nodes = tree.children;
	const add = (card: ExerciseDraft) => {
		if (section === null) return;
		bySection.set(section, [...(bySection.get(section) ?? []), card]);
	};
	const place = (): Place => ({
		section: section ?? '',
		subsection,
		tags: { ...sectionTags, ...subTags }
	});

	/** A mark's code block: inside the item, or the block right after the item's list. */
	const codeFor = (item: ListItem, after: RootContent | undefined): Code | undefined =>
		item.children.find((c): c is Code => c.type === 'code') ?? (after?.type === 'code' ? after : undefined);

	const readMark = (item: ListItem, isLast: boolean, next: RootContent[]) => {
		const text = paragraphText(item);
		const m = MARK.exec(text);
		if (!m) return;
		const head = text.slice(m[0].length).trim();
		const line = item.position?.start.line ?? 0;
		const where = place();
		const nested = item.children.filter((c): c is List => c.type === 'list').flatMap((l) => l.children);
		const code = codeFor(item, isLast ? next[0] : undefined);
		if (!head) {
			issues.push({ line, message: `"${m[1]}:" needs its text on the same line` });
			return;
		}
		if (m[1] === 'Sequence') {
			if (!code || !/^(bash|sh|shell|console|zsh)$/i.test(code.lang ?? '')) {
				issues.push({ line, message: `sequence "${head}" needs a \`\`\`bash block of its commands` });
				return;
			}
			const commands = splitCommands(code.value, code.position?.start.line ?? line);
			const missing = commands.find((c) => !c.intent);
			if (commands.length < 2 || missing) {
				issues.push({
					line,
					message: missing
						? `sequence "${head}": the command "${missing.command}" needs a "# step" comment above it`
						: `sequence "${head}" needs two or more commands`
				});
				return;
			}
			// "# step: on manager1, …" is the author's mark, not part of the instruction: "On manager1, …".
			const steps = commands.map((c) => ({
				prompt: upperFirst(c.intent!.replace(/^step\s*:\s*/i, '')),
				answer: c.command
			}));
			// The sequence's reason is a nested "- Why: …" item: why the steps come in this order.
			const why = nested.map(paragraphText).find((t) => /^Why:\s*\S/.test(t));
			if (!why)
				issues.push({
					line,
					message: `sequence "${head}" needs a nested "- Why: …" item that says why the steps come in this order`
				});
			add({
				id: cardId('command-sequence', origin(where, head), ''),
				kind: 'command-sequence',
				...base(where, code.value, head),
				task: head,
				steps,
				...(why ? { why: sentence(upperFirst(why.replace(/^Why:\s*/, ''))) } : {})
			});
			return;
		}
		const parts: Parts = { answers: [], wrongs: [] };
		readParts(nested, parts);
		let output: Code | undefined;
		if (m[1] === 'Output') {
			output = code;
			// The parts may follow the output block as a list of their own.
			if (!parts.question && output === next[0] && next[1]?.type === 'list')
				readParts((next[1] as List).children, parts);
			if (!output) {
				issues.push({ line, message: `output "${head}" needs a \`\`\`text block with the output` });
				return;
			}
		}
		const problem = partsProblem(parts, m[1] === 'Scenario' && parts.answers.length === 1 ? 2 : 1);
		if (problem) {
			issues.push({ line, message: `${m[1]!.toLowerCase()} "${head}" ${problem}` });
			return;
		}
		const options = arrange(parts);
		const question = parts.question!;
		const many = parts.answers.length > 1;
		// The card's reason is the right options' own reasons.
		const reason = options
			.filter((o) => o.correct && o.why)
			.map((o) => o.why!.replace(/^\w/, (c) => c.toUpperCase()).replace(/([^.!?])$/, '$1.'))
			.join(' ');
		const why = reason ? { why: reason } : {};
		if (m[1] === 'Output') {
			add({
				id: cardId('read-output', origin(where, `${head}\u0000${question}`), ''),
				kind: 'read-output',
				...base(where, `${head}\n${output!.value}`, `${head}\u0000${question}`),
				command: head,
				output: output!.value,
				question: many ? `${question} ${chooseHint(parts.answers.length)}` : question,
				options,
				...why
			});
		} else if (many) {
			add({
				id: cardId('multi-select', origin(where, head), ''),
				kind: 'multi-select',
				...base(where, head, head),
				stem: `${head} ${question} ${chooseHint(parts.answers.length)}`,
				options,
				...why
			});
		} else {
			add({
				id: cardId('scenario', origin(where, head), ''),
				kind: 'scenario',
				...base(where, head, head),
				situation: head,
				question,
				options,
				...why
			});
		}
	};

	const readList = (list: List, rest: RootContent[]) => {
		list.children.forEach((item, i) => {
			readMark(item, i === list.children.length - 1, rest);
			for (const child of item.children) if (child.type === 'list') readList(child, []);
		});
	};

	nodes.forEach((node, i) => {
		if (node.type === 'heading') {
			const title = clean(toString(node));
			if (node.depth === 2) {
				section = title.replace(/^\d+\.\s*/, '');
				subsection = '';
				sectionTags = {};
				subTags = {};
			} else if (node.depth === 3 && section !== null) {
				subsection = title;
				subTags = {};
			}
			return;
		}
		if (section === null) return;
		if (node.type === 'paragraph') {
			const tags = readTags(toString(node));
			if (tags) {
				if (subsection) subTags = { ...subTags, ...tags };
				else sectionTags = { ...sectionTags, ...tags };
			}
		} else if (node.type === 'list') readList(node, nodes.slice(i + 1));
	});
	return { bySection, issues };
}

/** The exercise cards of one section of the pack. */
export function exerciseCards(
	exercises: Exercises,
	sectionTitle: string,
	sectionId: SectionId
): ExerciseCard[] {
	return (exercises.bySection.get(sectionTitle) ?? []).map((c) => ({ ...c, sectionId }) as ExerciseCard);
}
