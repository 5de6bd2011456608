import { expect, test } from 'vitest';
import { cardAnswer, cardQuestion } from '../../../../src/lib/core/pack/card-text';
import type { Card } from '../../../../src/lib/core/pack/types';

const base = { id: 'x', sectionId: 's', source: { section: 'S', text: 't' } };
test.each<[Partial<Card>, string, string]>([
	[{ kind: 'flashcard', front: 'F', back: 'B' }, 'F', 'B'],
	[{ kind: 'mcq', stem: 'Which?', options: ['a', 'b'], answer: 1 }, 'Which?', 'b'],
	[{ kind: 'truefalse', statement: 'S', answer: false, explanation: 'Because.' }, 'S', 'False. Because.'],
	[{ kind: 'cloze', before: 'docker ', after: ' -d', answer: 'run' }, 'docker ____ -d', 'run'],
	[
		{
			kind: 'domc',
			stem: 'Pick',
			options: [
				{ text: 'y', correct: true },
				{ text: 'n', correct: false }
			]
		},
		'Pick',
		'y'
	],
	[
		{ kind: 'command-fill', prompt: 'P', before: 'a', after: 'c', answer: 'b', command: 'a b c' },
		'P',
		'a b c'
	],
	[{ kind: 'command-type', prompt: 'P', answer: 'docker ps' }, 'P', 'docker ps'],
	[{ kind: 'command-order', prompt: 'P', tokens: ['docker', 'ps'], distractors: [] }, 'P', 'docker ps'],
	[
		{ kind: 'config-fill', prompt: 'P', language: 'yaml', before: '', after: '', answer: 'image: x' },
		'P',
		'image: x'
	]
])('%o', (card, question, answer) => {
	const full = { ...base, ...card } as Card;
	expect([cardQuestion(full), cardAnswer(full)]).toEqual([question, answer]);
});
