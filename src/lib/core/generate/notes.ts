/**
 * Reads Markdown notes into a plain outline: `##` sections, `###` subsections, list items as facts and
 * fenced code as commands or config. Works on the remark syntax tree, never on raw text.
 */
import type { Code, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

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
	/** Source line, 1-based. */
	line: number;
}

export type CodeKind = 'shell' | 'dockerfile' | 'yaml' | 'json' | 'other';

/** One command line of a shell block, with `\` continuations joined. */
export interface CommandLine {
	command: string;
	/** The `# comment` above it, without the hash. */
	intent?: string;
	line: number;
}

export interface CodeBlock {
	kind: CodeKind;
	lang: string;
	value: string;
	/** The list item the block sits under, e.g. "Blue-Green Deployment" or "Commands". */
	label?: string;
	commands: CommandLine[];
	line: number;
}

export interface Subsection {
	title: string;
	facts: Fact[];
	code: CodeBlock[];
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
	for (let i = 0; i < lines.length; i++) {
		const raw = lines[i]!.trim();
		if (!raw) continue;
		if (raw.startsWith('#')) {
			intent = raw.replace(/^#+\s*/, '').trim() || undefined;
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
		out.push({ command, ...(intent ? { intent } : {}), line: firstLine + 1 + start });
		intent = undefined;
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

/** A lead-in item that only introduces code or a group: "Commands:", "**Docker Swarm**:". */
export function isLabel(text: string): boolean {
	return /:$/.test(text) && !/\s.*\s.*\s/.test(text.replace(/:$/, '').trim());
}

function readItem(
	item: ListItem,
	into: Subsection,
	parent: string | undefined,
	unused: Notes['unused']
): void {
	const para = item.children.find((c): c is Paragraph => c.type === 'paragraph');
	const text = para ? clean(toString(para)) : '';
	const line = item.position?.start.line ?? 0;
	let term: string | undefined;
	let explanation: string | undefined;
	if (para) {
		const [first, ...rest] = para.children;
		const tail = clean(rest.map((n) => toString(n)).join(''));
		// A term is a bold lead followed by a colon or dash, or a bold lead alone ("**Kubernetes**:").
		if (first?.type === 'strong' && (tail === '' || /^[:\u2013\u2014-]/.test(tail))) {
			term = clean(toString(first));
			explanation = tail.replace(/^[:\u2013\u2014-]\s*/, '');
		}
	}
	const label = text.replace(/:$/, '').replace(/\*\*/g, '').trim();
	const lead = text !== '' && isLabel(text);
	if (text && !lead) {
		into.facts.push({
			text: text.replace(/:$/, ''),
			...(term ? { term } : {}),
			...(explanation ? { explanation: explanation.replace(/:$/, '') } : {}),
			keys: para ? inlineKeys(para.children) : [],
			...(parent ? { parent } : {}),
			line
		});
	}
	for (const child of item.children) {
		if (child.type === 'code') into.code.push(readCode(child, label || undefined));
		else if (child.type === 'list') {
			const nextParent = term ?? (lead ? label : parent);
			for (const sub of child.children) readItem(sub, into, nextParent, unused);
		}
	}
}

function readCode(node: Code, label?: string): CodeBlock {
	const lang = node.lang ?? '';
	const kind = codeKind(lang);
	const line = node.position?.start.line ?? 0;
	return {
		kind,
		lang,
		value: node.value,
		...(label ? { label } : {}),
		commands: kind === 'shell' ? splitCommands(node.value, line) : [],
		line
	};
}

const emptySub = (title: string, line: number): Subsection => ({ title, facts: [], code: [], line });

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
		if (node.type === 'list') {
			for (const item of (node as List).children) readItem(item, sub, undefined, notes.unused);
			const items = (node as List).children;
			const last = items[items.length - 1];
			const para = last?.children.find((c): c is Paragraph => c.type === 'paragraph');
			const lastText = para ? clean(toString(para)) : '';
			// Code after a list belongs to its last item only when that item leads in to it ("Setup:").
			lastLabel = lastText.endsWith(':') ? lastText.replace(/:$/, '').replace(/\*\*/g, '') : undefined;
		} else if (node.type === 'code') {
			sub.code.push(readCode(node, lastLabel));
		}
	};
	tree.children.forEach(visit);
	for (const s of notes.sections) {
		const all = [s.intro, ...s.subsections];
		if (all.every((x) => x.facts.length === 0 && x.code.length === 0))
			notes.unused.push({ line: s.line, message: `section "${s.title}" has no list items or code` });
		for (const x of s.subsections)
			if (x.facts.length === 0 && x.code.length === 0)
				notes.unused.push({ line: x.line, message: `subsection "${x.title}" has no list items or code` });
	}
	return notes;
}
