/**
 * Kept for the storage tests, which build tiny packs with it; the real generator is ./index.ts.
 * A first, small generator: turns "## Section" headings and "- **Term**: explanation" bullets into
 * flashcards. It reads the Markdown syntax tree (remark), never regular expressions over raw text.
 */
import type { List, ListItem, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { stableHash } from '../hash';
import type { CardId, FlashcardCard, Pack, PackId, Section, SectionId } from '../pack/types';

export interface NotesMeta {
	id: string;
	title: string;
	version: number;
	description?: string;
	author?: string;
	license?: string;
	createdAt: string;
}

function termCard(item: ListItem, section: Section): FlashcardCard | null {
	const para = item.children[0];
	if (!para || para.type !== 'paragraph') return null;
	const [first, ...rest] = para.children;
	if (!first || first.type !== 'strong') return null;
	const term = toString(first).trim();
	const explanation = rest
		.map((n) => toString(n))
		.join('')
		.replace(/^\s*[:\u2013\u2014-]\s*/, '')
		.trim();
	if (!term || !explanation) return null;
	const text = `${term}: ${explanation}`;
	return {
		id: `${section.id}-${stableHash(text)}` as CardId,
		kind: 'flashcard',
		sectionId: section.id,
		front: term,
		back: explanation,
		source: { section: section.title, text }
	};
}

/** Builds a pack of term/explanation flashcards from Markdown notes. */
export function generateFlashcardPack(markdown: string, meta: NotesMeta): Pack {
	const tree = unified().use(remarkParse).parse(markdown) as Root;
	const sections: Section[] = [];
	const cards: FlashcardCard[] = [];
	let current: Section | null = null;
	const visit = (node: RootContent) => {
		if (node.type === 'heading' && node.depth === 2) {
			const title = toString(node).trim();
			current = {
				id: stableHash(title).slice(0, 8) as SectionId,
				title,
				order: sections.length + 1,
				subsections: []
			};
			sections.push(current);
		} else if (node.type === 'list' && current) {
			for (const item of (node as List).children) {
				const card = termCard(item, current);
				if (card) cards.push(card);
			}
		}
	};
	tree.children.forEach(visit);
	return {
		id: meta.id as PackId,
		version: meta.version,
		title: meta.title,
		description: meta.description ?? '',
		author: meta.author ?? '',
		license: meta.license ?? '',
		createdAt: meta.createdAt,
		sections: sections.filter((s) => cards.some((c) => c.sectionId === s.id)),
		cards
	};
}
