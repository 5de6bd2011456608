import { describe, expect, it } from 'vitest';
import { parsePack } from '$lib/core/pack/parse';
import { multiCard, outputCard, scenarioCard, sequenceCard } from '../../../fixtures/new-kinds';

const pack = (cards: unknown[]) => ({
	format: 'deckhand-pack',
	formatVersion: 2,
	pack: {
		id: 'p1',
		version: 1,
		title: 'P',
		description: '',
		author: 'A',
		license: 'MIT',
		createdAt: '2026-01-01T00:00:00.000Z',
		sections: [{ id: 's1', title: 'Orchestration', order: 1, subsections: ['Services'] }],
		cards
	}
});

const errorsOf = (card: unknown) => {
	const r = parsePack(pack([card]));
	expect(r.ok).toBe(false);
	return r.ok ? [] : r.errors;
};

describe('format 2: scenario, multi-select, command-sequence, read-output', () => {
	it('reads one card of each new kind unchanged', () => {
		const r = parsePack(pack([scenarioCard, multiCard, sequenceCard, outputCard]));
		expect(r.ok && r.value.cards).toEqual([scenarioCard, multiCard, sequenceCard, outputCard]);
	});

	it('still reads a format 1 pack without them', () => {
		const old = pack([
			{
				id: 'c1',
				kind: 'flashcard',
				sectionId: 's1',
				front: 'F',
				back: 'B',
				source: { section: 'S', text: 't' }
			}
		]);
		expect(parsePack({ ...old, formatVersion: 1 }).ok).toBe(true);
	});

	it.each([
		[
			'a scenario with two correct options',
			{ ...scenarioCard, options: scenarioCard.options.map((o) => ({ ...o, correct: true })) },
			'pack.cards.0',
			'needs exactly one correct option'
		],
		[
			'a scenario without its situation',
			{ ...scenarioCard, situation: '  ' },
			'pack.cards.0.situation',
			'must not be empty'
		],
		[
			'a multi-select with one correct option',
			{ ...multiCard, options: multiCard.options.map((o, i) => ({ ...o, correct: i === 0 })) },
			'pack.cards.0',
			'needs at least two correct options'
		],
		[
			'a multi-select where every option is correct',
			{ ...multiCard, options: multiCard.options.map((o) => ({ ...o, correct: true })) },
			'pack.cards.0',
			'needs at least one wrong option'
		],
		[
			'a sequence of one step',
			{ ...sequenceCard, steps: sequenceCard.steps.slice(0, 1) },
			'pack.cards.0.steps',
			'needs at least two steps'
		],
		[
			'a sequence step without its command',
			{ ...sequenceCard, steps: [sequenceCard.steps[0], { prompt: 'Do it.' }] },
			'pack.cards.0.steps.1.answer',
			''
		],
		[
			'an output question without output',
			{ ...outputCard, output: '' },
			'pack.cards.0.output',
			'must not be empty'
		],
		[
			'an output question with no correct option',
			{ ...outputCard, options: outputCard.options.map((o) => ({ ...o, correct: false })) },
			'pack.cards.0',
			'needs at least one correct option'
		],
		[
			'an option without its correct flag',
			{ ...outputCard, options: [{ text: 'a' }, ...outputCard.options] },
			'pack.cards.0.options.0.correct',
			''
		]
	])('refuses %s, saying where', (_, card, path, message) => {
		const errors = errorsOf(card);
		expect(errors.some((e) => e.path === path && e.message.includes(message))).toBe(true);
	});

	it('names the new kinds when a kind is unknown', () => {
		const [e] = errorsOf({ ...scenarioCard, kind: 'essay' });
		expect(e?.path).toBe('pack.cards.0.kind');
		expect(e?.message).toContain('command-sequence');
	});
});
