import { describe, expect, test } from 'vitest';
import { cardContentKey, describePlan, planUpdate, summarizePack } from '../../../../src/lib/core/pack/merge';
import type { Card } from '../../../../src/lib/core/pack/types';
import { flashcard, makePack } from '../../../fixtures/pack-factory';

const ids = (cards: Card[]) => cards.map((c) => c.id);

describe('planUpdate', () => {
	const v1 = makePack(5, { version: 1 });

	test('a pack not on the device installs every card as new', () => {
		const plan = planUpdate(null, v1);
		expect(plan).toMatchObject({
			kind: 'install',
			fromVersion: null,
			toVersion: 1,
			needsConfirmation: false
		});
		expect(plan.added).toEqual(ids(v1.cards));
	});

	test('a newer version keeps unchanged and edited cards, adds new ones and retires removed ones', () => {
		const [c1, c2, c3, c4, c5] = v1.cards as [Card, Card, Card, Card, Card];
		const edited = { ...c2, back: 'A corrected answer.' } as Card;
		const v2 = makePack(0, { version: 2, cards: [c1, edited, c3, c5, flashcard('c6')] });
		const plan = planUpdate({ version: 1, cards: v1.cards, retired: [] }, v2);
		expect(plan.kind).toBe('update');
		expect(plan.needsConfirmation).toBe(false);
		expect(plan.unchanged).toEqual([c1.id, c3.id, c5.id]);
		expect(plan.changed).toEqual([c2.id]);
		expect(plan.added).toEqual(['c6']);
		expect(plan.retired).toEqual([c4.id]);
		expect(plan.restored).toEqual([]);
		expect(describePlan(plan)).toEqual([
			'Updates version 1 to version 2.',
			'3 cards unchanged, progress kept.',
			'1 card edited, progress kept.',
			'1 card added as new.',
			'1 card retired; their history is kept and they come back if restored.'
		]);
	});

	test('a retired card that comes back is restored, not added again', () => {
		const [c1, c2] = v1.cards as [Card, Card];
		const plan = planUpdate(
			{ version: 2, cards: [c1], retired: [c2] },
			makePack(0, { version: 3, cards: [c1, c2] })
		);
		expect(plan.restored).toEqual([c2.id]);
		expect(plan.added).toEqual([]);
	});

	test('an equal or older version asks first; the same cards again change nothing', () => {
		const installed = { version: 2, cards: v1.cards, retired: [] };
		const same = planUpdate(installed, { ...v1, version: 2 });
		expect(same).toMatchObject({ kind: 'same', needsConfirmation: true, identical: true });
		expect(describePlan(same)).toEqual(['Version 2 is already installed with the same cards.']);
		const older = planUpdate(installed, v1);
		expect(older).toMatchObject({ kind: 'older', needsConfirmation: true, identical: false });
		expect(describePlan(older)[0]).toBe('This is version 1, older than the installed version 2.');
	});

	test('never lists a card twice, even when the incoming pack repeats an id', () => {
		const [c1] = v1.cards as [Card];
		const plan = planUpdate(
			{ version: 1, cards: [], retired: [] },
			makePack(0, { version: 2, cards: [c1, c1] })
		);
		expect(plan.added).toEqual([c1.id]);
	});

	test('content comparison ignores key order and storage fields', () => {
		const card = flashcard('x');
		const stored = { order: 4, packId: 'p', ...card, retiredAt: 9 };
		const reordered = Object.fromEntries(Object.entries(card).reverse()) as unknown as Card;
		expect(cardContentKey(stored as Card)).toBe(cardContentKey(reordered));
		expect(cardContentKey({ ...card, front: 'Other' })).not.toBe(cardContentKey(card));
	});
});

test('summarizePack counts cards by section and by kind', () => {
	const pack = makePack(7, { sectionCount: 3, title: 'Docker', author: 'Ana', version: 4 });
	pack.cards.push({
		id: 'm1',
		kind: 'mcq',
		sectionId: 's1',
		stem: 'Which?',
		options: ['a', 'b'],
		answer: 0,
		source: { section: 'Section 1', text: 't' }
	} as Card);
	const s = summarizePack(pack);
	expect(s).toMatchObject({ title: 'Docker', author: 'Ana', version: 4, totalCards: 8 });
	expect(s.sections).toEqual([
		{ title: 'Section 1', cards: 4 },
		{ title: 'Section 2', cards: 2 },
		{ title: 'Section 3', cards: 2 }
	]);
	expect(s.byKind).toEqual([
		{ kind: 'flashcard', count: 7 },
		{ kind: 'mcq', count: 1 }
	]);
});
