import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Card, CardKind, Pack } from '$lib/core/pack/types';
import {
	familyOf,
	holdSiblings,
	introduceNew,
	planDay,
	siblingKey,
	type DueCandidate,
	type NewCandidate
} from '$lib/core/queue/siblings';

const cand = (key: string, sibling: string, kind: CardKind, order: number): NewCandidate => ({
	key,
	sibling,
	kind,
	order
});

describe('sibling keys', () => {
	const card = { packId: 'p', sectionId: 's1', source: { section: 'S', text: 'RunC is a runtime' } };
	it('uses the card’s fact when it has one', () => {
		expect(siblingKey({ ...card, fact: 'runc' } as never)).toBe(
			siblingKey({ ...card, fact: 'runc', source: { section: 'S', text: 'other' } } as never)
		);
		expect(siblingKey({ ...card, fact: 'runc' } as never)).not.toBe(
			siblingKey({ ...card, fact: 'crun' } as never)
		);
	});
	it('falls back to the source text within its section and pack (older packs have no fact)', () => {
		expect(siblingKey(card as never)).toBe(siblingKey({ ...card } as never));
		expect(siblingKey(card as never)).not.toBe(siblingKey({ ...card, sectionId: 's2' } as never));
		expect(siblingKey(card as never)).not.toBe(siblingKey({ ...card, packId: 'q' } as never));
	});
});

describe('holding siblings back for a later day', () => {
	const due = (key: string, sibling: string, state: DueCandidate['state'] = 'review'): DueCandidate => ({
		key,
		sibling,
		state
	});

	it('holds a review whose sibling was graded today, and shows one review per fact', () => {
		const out = holdSiblings(
			[due('a1', 'A'), due('b1', 'B'), due('b2', 'B'), due('c1', 'C')],
			[{ key: 'a2', sibling: 'A' }],
			10
		);
		expect(out.map((d) => d.key)).toEqual(['b1', 'c1']);
	});

	it('never holds a (re)learning card back, and its fact takes no other card today', () => {
		const out = holdSiblings(
			[due('a1', 'A', 'learning'), due('a2', 'A', 'relearning'), due('a3', 'A')],
			[
				{ key: 'a1', sibling: 'A' },
				{ key: 'a2', sibling: 'A' }
			],
			10
		);
		expect(out.map((d) => d.key)).toEqual(['a1', 'a2']);
	});

	it('keeps a card graded today itself (its own grade is no sibling) and cuts reviews to the day’s limit', () => {
		const out = holdSiblings(
			[due('a1', 'A'), due('b1', 'B'), due('c1', 'C')],
			[{ key: 'a1', sibling: 'A' }],
			2
		);
		expect(out.map((d) => d.key)).toEqual(['a1', 'b1']);
	});

	it('plans a day with no new card of a fact graded today or already queued', () => {
		const keys = planDay({
			due: [due('a1', 'A', 'learning')],
			reviewsLeft: 10,
			fresh: [[cand('a2', 'A', 'mcq', 1), cand('b1', 'B', 'flashcard', 2), cand('c1', 'C', 'flashcard', 3)]],
			newLeft: 10,
			graded: [{ key: 'c9', sibling: 'C' }]
		});
		expect(keys).toEqual(['a1', 'b1']);
	});
});

describe('introducing new cards by fact', () => {
	it('introduces one card per fact, a flashcard or cloze first, the rest on later days', () => {
		const section = [
			cand('f-mcq', 'F', 'mcq', 5),
			cand('f-tf', 'F', 'truefalse', 4),
			cand('f-rev', 'F', 'flashcard', 2),
			cand('f-fwd', 'F', 'flashcard', 1),
			cand('g-cloze', 'G', 'cloze', 3),
			cand('g-tf', 'G', 'truefalse', 6)
		];
		expect(introduceNew([section], 10).map((c) => c.key)).toEqual(['f-fwd', 'g-cloze']);
		// The next day (the leads seen, so no longer new), each fact’s next card in turn.
		const day2 = section.filter((c) => !['f-fwd', 'g-cloze'].includes(c.key));
		expect(introduceNew([day2], 10).map((c) => c.key)).toEqual(['f-rev', 'g-tf']);
		expect(
			introduceNew([day2.filter((c) => !['f-rev', 'g-tf'].includes(c.key))], 10).map((c) => c.key)
		).toEqual(['f-tf']);
	});

	it('introduces a command by its word-order exercise, then fill-in, then typed', () => {
		const cmd = [
			cand('t', 'C', 'command-type', 1),
			cand('f', 'C', 'command-fill', 2),
			cand('o', 'C', 'command-order', 3)
		];
		expect(introduceNew([cmd], 5).map((c) => c.key)).toEqual(['o']);
		expect(introduceNew([cmd.slice(0, 2)], 5).map((c) => c.key)).toEqual(['f']);
	});

	it('mixes kinds: families take turns within a section, each section starting with the next family', () => {
		const section = (p: string): NewCandidate[] => [
			cand(`${p}-fc1`, `${p}1`, 'flashcard', 1),
			cand(`${p}-fc2`, `${p}2`, 'flashcard', 2),
			cand(`${p}-tf`, `${p}3`, 'truefalse', 3),
			cand(`${p}-cmd`, `${p}4`, 'command-type', 4),
			cand(`${p}-cfg`, `${p}5`, 'config-fill', 5)
		];
		expect(introduceNew([section('a')], 10).map((c) => c.key)).toEqual([
			'a-fc1',
			'a-tf',
			'a-cmd',
			'a-cfg',
			'a-fc2'
		]);
		const two = introduceNew([section('a'), section('b'), section('c')], 6).map((c) => familyOf(c.kind));
		expect(two).toEqual(['recall', 'question', 'command', 'question', 'command', 'config']);
	});

	it('skips facts already taken today and stops at the limit; a fact shared by sections comes once', () => {
		const s1 = [cand('a', 'A', 'flashcard', 1), cand('b', 'B', 'flashcard', 2)];
		const s2 = [cand('a2', 'A', 'mcq', 3), cand('c', 'C', 'flashcard', 4)];
		expect(introduceNew([s1, s2], 10, new Set(['B'])).map((c) => c.key)).toEqual(['a', 'c']);
		expect(introduceNew([s1, s2], 1).map((c) => c.key)).toEqual(['a']);
		expect(introduceNew([s1, s2], 0)).toEqual([]);
	});
});

describe('a first session on the built-in pack', () => {
	const file = JSON.parse(readFileSync('questions/docker-guide.pack.json', 'utf8')) as { pack?: Pack } & Pack;
	const pack = file.pack ?? file;
	const cards = pack.cards.map((c, order) => ({ ...c, packId: pack.id, order }));
	const byKey = new Map(cards.map((c) => [c.id as string, c]));
	const sections = [...pack.sections].sort((a, b) => a.order - b.order);
	const candidates = (seen: Set<string>): NewCandidate[][] =>
		sections.map((s) =>
			cards
				.filter((c) => c.sectionId === s.id && !seen.has(c.id))
				.map((c) => cand(c.id, siblingKey(c), c.kind, c.order))
		);

	it('shows a command exercise within the first ten cards, and no two cards of one fact', () => {
		const day = planDay({ due: [], reviewsLeft: 200, fresh: candidates(new Set()), newLeft: 20, graded: [] });
		expect(day).toHaveLength(20);
		const kinds = day.slice(0, 10).map((k) => byKey.get(k)!.kind);
		expect(kinds.some((k) => k.startsWith('command-'))).toBe(true);
		expect(new Set(kinds.map((k) => familyOf(k))).size).toBeGreaterThanOrEqual(3);
		const facts = day.map((k) => siblingKey(byKey.get(k)!));
		expect(new Set(facts).size).toBe(day.length);
	});

	it('introduces every fact that has a flashcard or cloze by one, over the days it takes', () => {
		const seen = new Set<string>();
		const first = new Map<string, Card>();
		for (let d = 0; d < 200 && seen.size < cards.length; d++) {
			const day = planDay({ due: [], reviewsLeft: 0, fresh: candidates(seen), newLeft: 20, graded: [] });
			expect(new Set(day.map((k) => siblingKey(byKey.get(k)!))).size).toBe(day.length);
			for (const k of day) {
				const c = byKey.get(k)!;
				if (!first.has(siblingKey(c))) first.set(siblingKey(c), c);
				seen.add(k);
			}
		}
		expect(seen.size).toBe(cards.length);
		for (const [fact, lead] of first) {
			const kinds = cards.filter((c) => siblingKey(c) === fact).map((c) => c.kind);
			if (kinds.some((k) => familyOf(k) === 'recall')) expect(familyOf(lead.kind), fact).toBe('recall');
		}
	});
});
