import { expect, test } from 'vitest';
import { cardAnswer, cardQuestion, clozeContext } from '../../../../src/lib/core/pack/card-text';
import type { Card, ClozeCard } from '../../../../src/lib/core/pack/types';

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

test('a cloze that starts with its heading shows the heading as context, the rest as the sentence', () => {
	const cloze = (before: string, subsection?: string): ClozeCard =>
		({
			id: 'c',
			kind: 'cloze',
			sectionId: 's',
			before,
			after: ': Limit resource usage',
			answer: 'Control groups (cgroups)',
			source: { section: 'Docker Security', ...(subsection ? { subsection } : {}), text: '' }
		}) as unknown as ClozeCard;
	expect(clozeContext(cloze('Container Isolation: ', 'Container Isolation'))).toEqual({
		context: 'Container Isolation',
		before: ''
	});
	expect(
		clozeContext(cloze('Container Metrics Collection, Prometheus: Use ', 'Container Metrics Collection'))
	).toEqual({
		context: 'Container Metrics Collection › Prometheus',
		before: 'Use '
	});
	// Not its heading, or no heading: the whole sentence stays.
	expect(clozeContext(cloze('The default driver is ', 'Bridge Networks'))).toEqual({
		context: null,
		before: 'The default driver is '
	});
	expect(clozeContext(cloze('Container Isolation: '))).toEqual({
		context: null,
		before: 'Container Isolation: '
	});
	expect(clozeContext(cloze('Container Isolation matters: ', 'Container Isolation'))).toEqual({
		context: null,
		before: 'Container Isolation matters: '
	});
});
