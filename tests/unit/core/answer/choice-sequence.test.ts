import { describe, expect, it } from 'vitest';
import { chooseHint, correctCount, judgeChoice } from '$lib/core/answer/choice';
import { judgeSequence, judgeSequenceStep } from '$lib/core/answer/sequence';
import { multiCard, scenarioCard, sequenceCard } from '../../../fixtures/new-kinds';

describe('judgeChoice', () => {
	it.each([
		['the right option', [0], 'correct', 'good'],
		['a wrong option', [1], 'incorrect', 'again'],
		['nothing', [], 'incorrect', 'again'],
		['an index out of range', [9], 'incorrect', 'again']
	] as const)('a single-answer question with %s chosen', (_, chosen, verdict, suggested) => {
		const j = judgeChoice(scenarioCard.options, chosen);
		expect(j.verdict).toBe(verdict);
		expect(j.suggested).toBe(suggested);
	});

	it.each([
		['both right', [0, 1], 'correct'],
		['both right, in another order', [1, 0], 'correct'],
		['one right only', [0], 'close'],
		['both right plus a wrong one', [0, 1, 2], 'close'],
		['one right and one wrong', [0, 2], 'incorrect'],
		['only wrong ones', [2, 3], 'incorrect'],
		['nothing', [], 'incorrect']
	] as const)('a choose-two question with %s', (_, chosen, verdict) => {
		expect(judgeChoice(multiCard.options, chosen).verdict).toBe(verdict);
	});

	it('gives every option its reason, whether it was right and whether it was chosen', () => {
		const j = judgeChoice(multiCard.options, [0, 2]);
		expect(j.feedback).toEqual([
			{ text: '7946', correct: true, chosen: true, why: 'Container network discovery (TCP and UDP).' },
			{ text: '4789', correct: true, chosen: false, why: 'Overlay traffic over VXLAN (UDP).' },
			{
				text: '2377',
				correct: false,
				chosen: true,
				why: 'Cluster management traffic, not the overlay data path.'
			},
			{ text: '2375', correct: false, chosen: false, why: 'The unencrypted Docker API port.' }
		]);
		expect([j.missed, j.wrong]).toEqual([1, 1]);
	});

	it('says how many to choose', () => {
		expect(correctCount(multiCard.options)).toBe(2);
		expect(chooseHint(2)).toBe('Choose two.');
		expect(chooseHint(12)).toBe('Choose 12.');
	});
});

describe('judgeSequence', () => {
	const [s1, s2, s3] = sequenceCard.steps as [
		(typeof sequenceCard.steps)[0],
		(typeof sequenceCard.steps)[0],
		(typeof sequenceCard.steps)[0]
	];

	it('checks each step with the command checker, accepting what the CLI accepts', () => {
		expect(judgeSequenceStep(s1, 'docker swarm init').verdict).toBe('correct');
		expect(judgeSequenceStep(s2, 'docker network create --attachable -d overlay backend').verdict).toBe(
			'correct'
		);
		expect(judgeSequenceStep(s3, 'docker swarm init').verdict).toBe('incorrect');
	});

	it('is correct only when every step is, close when the worst step is close, incorrect otherwise', () => {
		const ok = sequenceCard.steps.map((s) => judgeSequenceStep(s, s.answer));
		expect(judgeSequence(sequenceCard.steps, ok)).toMatchObject({
			verdict: 'correct',
			suggested: 'good',
			correct: 3,
			total: 3
		});
		const oneWrong = [ok[0], judgeSequenceStep(s2, 'docker network create backend'), ok[2]];
		expect(judgeSequence(sequenceCard.steps, oneWrong)).toMatchObject({ verdict: 'incorrect', correct: 2 });
		const close = [ok[0], { ...ok[1]!, verdict: 'close' as const }, ok[2]];
		expect(judgeSequence(sequenceCard.steps, close)).toMatchObject({ verdict: 'close', suggested: 'hard' });
	});

	it('counts a step not answered as incorrect', () => {
		expect(judgeSequence(sequenceCard.steps, [judgeSequenceStep(s1, 'docker swarm init')]).verdict).toBe(
			'incorrect'
		);
	});
});
