/**
 * Reads Markdown notes into a plain outline: `##` sections, `###` subsections, list items as facts and
 * fenced code as commands or config. Works on the remark syntax tree, never on raw text.
 */
import type { Code, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { NAMES } from './text';

/** One list item that states something. */
export interface Fact {
	/** The item's plain text, e.g. "Default network type in Docker". */
	text: string;
	/** The bold lead term, e.g. "json-file" in "**json-file**: Default, stores logs as JSON". */
	term?: string;
	/** The text after the term and its colon. */
	explanation?: string;
	/** Inline code, bold and other key terms inside the text, in order. */
	keys: string[];
	/** The parent item's term for nested items ("Kubernetes" for "- **Kubernetes**:\n  - Steeper ..."). */
	parent?: string;
	/** For an item nested under a plain lead-in ("Store infrastructure as code:"), that lead-in. */
	under?: string;
	/** The kind of thing the term is: "network driver" from `**overlay** (network driver): …` or a lead-in. */
	category?: string;
	/** The author's reason, from a nested `- Why: …` item. */
	why?: string;
	/** Accepted alternative answers, from a nested `- Also: a, b` item. */
	also?: string[];
	/** True for `- Misconception: …`: the text is a false claim and `why` its correction. */
	misconception?: boolean;
	/** True for an item that ends with a colon and introduces the code or list under it ("A daemon.json that …:"). */
	introduces?: boolean;
	/** Source line, 1-based. */
	line: number;
}

export type CodeKind = 'shell' | 'dockerfile' | 'yaml' | 'json' | 'other';

/** One command line of a shell block, with `\` continuations joined. */
export interface CommandLine {
	command: string;
	/** The `# comment` above it, without the hash. */
	intent?: string;
	/** A `# Why: …` comment above it. */
	why?: string;
	line: number;
}

export interface CodeBlock {
	kind: CodeKind;
	lang: string;
	value: string;
	/** The list item the block sits under, e.g. "Blue-Green Deployment" or "Commands". */
	label?: string;
	commands: CommandLine[];
	/** The why line of the item the block sits under. */
	why?: string;
	line: number;
}

/** Exam tags from `Domain:` and `Objectives:` paragraphs right under a heading. */
export interface ExamTags {
	domain?: string;
	objectives?: string[];
}

export interface Subsection extends ExamTags {
	title: string;
	facts: Fact[];
	code: CodeBlock[];
	/** Items left to another reader (scenarios, sequences, outputs), so the subsection is not "empty". */
	otherItems?: number;
	line: number;
}

export interface NotesSection {
	title: string;
	order: number;
	/** Facts and code placed directly under `##`, before any `###`. */
	intro: Subsection;
	subsections: Subsection[];
	line: number;
}

export interface Notes {
	title?: string;
	sections: NotesSection[];
	/** What could not be used, with a line number: headings without content, stray text. */
	unused: { line: number; message: string }[];
}

const SHELL = new Set(['bash', 'sh', 'shell', 'console', 'zsh']);

function codeKind(lang: string): CodeKind {
	const l = lang.toLowerCase();
	if (SHELL.has(l)) return 'shell';
	if (l === 'dockerfile') return 'dockerfile';
	if (l === 'yaml' || l === 'yml') return 'yaml';
	if (l === 'json') return 'json';
	return 'other';
}

/** Splits a shell block into command lines: comments give intent, `\` continues, a for loop is one line. */
export function splitCommands(value: string, firstLine: number): CommandLine[] {
	const out: CommandLine[] = [];
	const lines = value.split('\n');
	let intent: string | undefined;
	let why: string | undefined;
	for (let i = 0; i < lines.length; i++) {
		const raw = lines[i]!.trim();
		if (!raw) continue;
		if (raw.startsWith('#')) {
			const comment = raw.replace(/^#+\s*/, '').trim();
			const w = /^Why:\s*(.+)$/i.exec(comment);
			if (w) why = w[1]!.trim();
			else intent = comment || undefined;
			continue;
		}
		const start = i;
		let command = raw;
		while (command.endsWith('\\') && i + 1 < lines.length) {
			command = command.slice(0, -1).trimEnd() + ' ' + lines[++i]!.trim();
		}
		if (/^(for|while|if)\b/.test(command) && !/\b(done|fi)$/.test(command)) {
			const parts = [command];
			while (i + 1 < lines.length) {
				const next = lines[++i]!.trim();
				if (next) parts.push(next);
				if (/^(done|fi)\b/.test(next)) break;
			}
			const [head, ...body] = parts;
			command = `${head} ${body.join('; ')}`;
		}
		out.push({
			command,
			...(intent ? { intent } : {}),
			...(why ? { why } : {}),
			line: firstLine + 1 + start
		});
		intent = undefined;
		why = undefined;
	}
	return out;
}

function inlineKeys(nodes: PhrasingContent[]): string[] {
	const keys: string[] = [];
	for (const n of nodes) {
		if (n.type === 'inlineCode') keys.push(n.value);
		else if (n.type === 'strong' || n.type === 'emphasis') keys.push(toString(n));
	}
	return keys;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text of a node with its inline code kept in backticks, as the notes write it (for reasons). */
function codeText(node: Paragraph | PhrasingContent): string {
	if (node.type === 'inlineCode') return `\`${node.value}\``;
	if ('children' in node) return (node.children as PhrasingContent[]).map(codeText).join('');
	return toString(node);
}

/** A lead-in item that only introduces code or a group: "Commands:", "**Docker Swarm**:". */
export function isLabel(text: string): boolean {
	const label = text.replace(/:$/, '').trim();
	// Short ("Commands:"), or a kind of thing with its context ("Parts of the CNM:", "Storage drivers on Linux:").
	return (
		/:$/.test(text) &&
		(!/\s.*\s.*\s/.test(label) || (/\s(of|in|on|for)\s/.test(label) && !!categoryOf(label)))
	);
}

/** Items another reader owns (scenarios, command sequences, reading output): skipped here, silently. */
export const OTHER_READER = /^(Scenario|Sequence|Output):/;

/**
 * The singular of a lead-in naming a kind of thing: "Network drivers" → "network driver", "Parts of the
 * CNM" → "part of the CNM", "Storage drivers on Linux" → "storage driver on Linux". Names keep their
 * capitals ("Dockerfile instructions" → "Dockerfile instruction").
 */
export function categoryOf(label: string): string | undefined {
	const all = label.replace(/\*\*/g, '').trim().split(/\s+/);
	// "X of/in/on/for Y": the plural is the head before the preposition; the rest is its context.
	const at = all.findIndex((w, i) => i > 0 && /^(of|in|on|for)$/.test(w));
	const words = at > 0 ? all.slice(0, at) : all;
	const context = at > 0 ? all.slice(at) : [];
	if (words.length === 0 || words.length > 4 || context.length > 4) return undefined;
	const last = words[words.length - 1]!;
	if (!/[^s]s$/.test(last)) return undefined;
	if (
		/^(commands|examples|options|steps|components|features|tools|points)$/i.test(last) &&
		words.length === 1
	)
		return undefined;
	words[words.length - 1] = last.replace(/ies$/, 'y').replace(/s$/, '');
	return [
		...words.map((w) => (/^[A-Z][a-z]+$/.test(w) && !NAMES.test(w) ? w.toLowerCase() : w)),
		...context
	].join(' ');
}

const paraOf = (item: ListItem) => item.children.find((c): c is Paragraph => c.type === 'paragraph');

function readItem(
	item: ListItem,
	into: Subsection,
	parent: string | undefined,
	unused: Notes['unused'],
	under?: string,
	category?: string
): void {
	const para = paraOf(item);
	const text = para ? clean(toString(para)) : '';
	const line = item.position?.start.line ?? 0;
	if (OTHER_READER.test(text)) {
		into.otherItems = (into.otherItems ?? 0) + 1;
		return;
	}
	let term: string | undefined;
	let explanation: string | undefined;
	let ownCategory: string | undefined;
	if (para) {
		const [first, ...rest] = para.children;
		let tail = clean(rest.map((n) => toString(n)).join(''));
		const cat = /^\(([^)]+)\)\s*/.exec(tail);
		if (first?.type === 'strong' && cat && /^[:\u2013\u2014-]/.test(tail.slice(cat[0].length))) {
			ownCategory = cat[1]!.trim();
			tail = tail.slice(cat[0].length);
		}
		// A term is a bold lead followed by a colon or dash, or a bold lead alone ("**Kubernetes**:").
		if (first?.type === 'strong' && (tail === '' || /^[:\u2013\u2014-]/.test(tail))) {
			term = clean(toString(first));
			explanation = tail.replace(/^[:\u2013\u2014-]\s*/, '');
		}
	}
	const misconception = /^Misconception:\s*/i.exec(text);
	const label = text.replace(/:$/, '').replace(/\*\*/g, '').trim();
	const lead = text !== '' && !misconception && isLabel(text);
	// Nested "Why:" and "Also:" items belong to this item; they are not facts of their own.
	const marks = { why: undefined as string | undefined, also: [] as string[] };
	const nested = item.children.filter((c): c is List => c.type === 'list');
	for (const list of nested)
		for (const sub of list.children) {
			const p = paraOf(sub) ?? { type: 'paragraph', children: [] };
			const t = clean(toString(p));
			// A reason keeps its code in backticks: "`docker node ls` shows …", never "Docker node ls shows …".
			const w = /^Why:\s*(.+)$/i.exec(clean(codeText(p)));
			const a = /^Also:\s*(.+)$/i.exec(t);
			if (w) marks.why = w[1]!;
			if (a)
				marks.also.push(
					...a[1]!
						.split(',')
						.map((x) => x.trim())
						.filter(Boolean)
				);
		}
	const cat = ownCategory ?? (term ? category : undefined);
	const introduces =
		text.endsWith(':') &&
		item.children.some(
			(c) =>
				c.type === 'code' ||
				(c.type === 'list' &&
					c.children.some(
						(x) => !/^(Why|Also):/i.test(clean(toString(paraOf(x) ?? { type: 'paragraph', children: [] })))
					))
		);
	if (text && !lead) {
		const body = misconception ? text.slice(misconception[0].length) : text.replace(/:$/, '');
		into.facts.push({
			text: body,
			...(term && !misconception ? { term } : {}),
			...(explanation && !misconception ? { explanation: explanation.replace(/:$/, '') } : {}),
			keys: para ? inlineKeys(para.children).filter((k) => !(term && k === term && misconception)) : [],
			...(parent ? { parent } : {}),
			...(under && !parent ? { under } : {}),
			...(cat && term ? { category: cat } : {}),
			...(marks.why ? { why: marks.why } : {}),
			...(marks.also.length ? { also: marks.also } : {}),
			...(misconception ? { misconception: true } : {}),
			...(introduces ? { introduces: true } : {}),
			line
		});
	}
	const leadCategory = lead && !term ? categoryOf(label) : undefined;
	for (const child of item.children) {
		// Only a lead-in ("Setup:") or a term names the purpose of its code; a plain statement does not.
		if (child.type === 'code')
			into.code.push(readCode(child, (text.endsWith(':') || term) && label ? label : undefined, marks.why));
		else if (child.type === 'list') {
			const nextParent = term ?? (lead && !leadCategory ? label : parent);
			const nextUnder = !nextParent && !leadCategory && text.endsWith(':') ? label : undefined;
			for (const sub of child.children) {
				const t = clean(toString(paraOf(sub) ?? { type: 'paragraph', children: [] }));
				if (/^(Why|Also):/i.test(t)) continue;
				readItem(sub, into, nextParent, unused, nextUnder, leadCategory ?? category);
			}
		}
	}
}

function readCode(node: Code, label?: string, why?: string): CodeBlock {
	const lang = node.lang ?? '';
	const kind = codeKind(lang);
	const line = node.position?.start.line ?? 0;
	return {
		kind,
		lang,
		value: node.value,
		...(label ? { label } : {}),
		...(why ? { why } : {}),
		commands: kind === 'shell' ? splitCommands(node.value, line) : [],
		line
	};
}

const emptySub = (title: string, line: number): Subsection => ({ title, facts: [], code: [], line });

const OTHER = '\u0000other';

/** Parses Markdown notes into sections, subsections, facts and code. */
export function readNotes(markdown: string): Notes {
	const tree = unified().use(remarkParse).parse(markdown) as Root;
	const notes: Notes = { sections: [], unused: [] };
	let section: NotesSection | null = null;
	let sub: Subsection | null = null;
	let lastLabel: string | undefined;
	const visit = (node: RootContent) => {
		const line = node.position?.start.line ?? 0;
		if (node.type === 'heading') {
			const title = clean(toString(node));
			if (node.depth === 1) notes.title ??= title;
			else if (node.depth === 2) {
				section = {
					title: title.replace(/^\d+\.\s*/, ''),
					order: notes.sections.length + 1,
					intro: emptySub('', line),
					subsections: [],
					line
				};
				notes.sections.push(section);
				sub = section.intro;
			} else if (node.depth === 3 && section) {
				sub = emptySub(title, line);
				section.subsections.push(sub);
			} else if (!section) {
				notes.unused.push({ line, message: `heading "${title}" is outside any ## section` });
			}
			lastLabel = undefined;
			return;
		}
		if (!section || !sub) {
			if (node.type === 'list' || node.type === 'code')
				notes.unused.push({ line, message: `${node.type} before the first ## section was skipped` });
			return;
		}
		if (node.type === 'paragraph') {
			// Exam tags: "Domain: networking" and "Objectives: 1.1, 1.3" under a heading (one paragraph or two lines).
			for (const l of toString(node).split('\n')) {
				const d = /^\s*Domain:\s*(.+?)\s*$/i.exec(l);
				const o = /^\s*Objectives?:\s*(.+?)\s*$/i.exec(l);
				if (d) sub.domain = d[1]!.toLowerCase();
				if (o) sub.objectives = o[1]!.split(/[,\s]+/).filter(Boolean);
			}
			return;
		}
		if (node.type === 'list') {
			for (const item of (node as List).children) readItem(item, sub, undefined, notes.unused);
			const items = (node as List).children;
			const last = items[items.length - 1];
			const para = last?.children.find((c): c is Paragraph => c.type === 'paragraph');
			const lastText = para ? clean(toString(para)) : '';
			// Code after a list belongs to its last item only when that item leads in to it ("Setup:").
			lastLabel = OTHER_READER.test(lastText)
				? OTHER
				: lastText.endsWith(':')
					? lastText.replace(/:$/, '').replace(/\*\*/g, '')
					: undefined;
		} else if (node.type === 'code') {
			// The block of a sequence or an output item belongs to the other reader.
			if (lastLabel !== OTHER) sub.code.push(readCode(node, lastLabel));
		}
	};
	tree.children.forEach(visit);
	for (const s of notes.sections) {
		const all = [s.intro, ...s.subsections];
		const empty = (x: Subsection) => x.facts.length === 0 && x.code.length === 0 && !x.otherItems;
		if (all.every(empty))
			notes.unused.push({ line: s.line, message: `section "${s.title}" has no list items or code` });
		for (const x of s.subsections)
			if (empty(x))
				notes.unused.push({ line: x.line, message: `subsection "${x.title}" has no list items or code` });
	}
	return notes;
}
