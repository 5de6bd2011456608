import { describe, expect, it } from 'vitest';
import { generateFlashcardPack } from '$lib/core/generate/flashcards';

const meta = { id: 'notes', title: 'Notes', version: 1, createdAt: '2026-01-01T00:00:00.000Z' };
const notes = `# Title

## Networks

- **Bridge**: the default driver
- **Host**: shares the host's network namespace
- A bullet with no term is not a flashcard

## Empty

Just prose.
`;

describe('generateFlashcardPack', () => {
	it('makes one flashcard per term bullet, under its section', () => {
		const pack = generateFlashcardPack(notes, meta);
		expect(pack.sections.map((s) => s.title)).toEqual(['Networks']);
		expect(pack.cards.map((c) => (c.kind === 'flashcard' ? [c.front, c.back] : null))).toEqual([
			['Bridge', 'the default driver'],
			['Host', "shares the host's network namespace"]
		]);
	});

	it('keeps ids stable, and an edit changes only the edited card', () => {
		const a = generateFlashcardPack(notes, meta);
		const b = generateFlashcardPack(notes, meta);
		expect(b.cards.map((c) => c.id)).toEqual(a.cards.map((c) => c.id));
		const edited = generateFlashcardPack(
			notes.replace('the default driver', 'the default network driver'),
			meta
		);
		expect(edited.cards[0]!.id).not.toBe(a.cards[0]!.id);
		expect(edited.cards[1]!.id).toBe(a.cards[1]!.id);
	});
});
