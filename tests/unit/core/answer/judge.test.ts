/** The one judge: every card kind, table-driven, through the public entry point. */
import { describe, expect, it } from 'vitest';
import {
	domcVerdict,
	judgeAnswer,
	loadConfigChecker,
	needsConfigChecker,
	suggestRating,
	type Response
} from '$lib/core/answer';
import type { Card, CardKind, ConfigFillCard } from '$lib/core/pack/types';
import { everyKindCards } from '../../../fixtures/packs';

const cards = new Map(everyKindCards().map((c) => [c.kind, c]));
const card = (kind: CardKind): Card => cards.get(kind)!;

describe('judgeAnswer', () => {
	const table: [CardKind, Response, 'correct' | 'close' | 'incorrect' | null][] = [
		['flashcard', { kind: 'reveal' }, null],
		['mcq', { kind: 'option', index: 1 }, 'correct'],
		['mcq', { kind: 'option', index: 0 }, 'incorrect'],
		['truefalse', { kind: 'option', index: 1 }, 'correct'],
		['truefalse', { kind: 'option', index: 0 }, 'incorrect'],
		['cloze', { kind: 'text', text: ' Bridge ' }, 'correct'],
		['cloze', { kind: 'text', text: 'bridgee' }, 'close'],
		['cloze', { kind: 'text', text: 'host' }, 'incorrect'],
		['domc', { kind: 'domc', says: [false, true] }, 'correct'],
		['domc', { kind: 'domc', says: [true] }, 'incorrect'],
		['command-fill', { kind: 'text', text: 'list' }, 'correct'],
		['command-fill', { kind: 'text', text: 'rm' }, 'incorrect'],

		['command-type', { kind: 'text', text: 'docker container ls' }, 'correct'],
		['command-order', { kind: 'words', words: ['docker', 'run', '-d', 'nginx'] }, 'correct'],
		['command-order', { kind: 'words', words: ['docker', 'run', '-it', 'nginx'] }, 'incorrect']
	];
	it.each(table)('%s %j is %s', (kind, response, verdict) => {
		const j = judgeAnswer(card(kind), response)!;
		expect(j.verdict).toBe(verdict);
		expect(j.suggested).toBe(verdict === null ? null : suggestRating(verdict));
	});

	it('gives the typed exercises their token feedback, and the others none', () => {
		const typed = judgeAnswer(card('command-type'), { kind: 'text', text: 'docker ps -a' })!;
		expect(typed.feedback?.tokens.map((t) => t.text)).toEqual(['docker', 'ps', '-a']);
		expect(judgeAnswer(card('mcq'), { kind: 'option', index: 1 })!.feedback).toBeNull();
	});

	it('leaves a DOMC question undecided until the rule ends it', () => {
		expect(judgeAnswer(card('domc'), { kind: 'domc', says: [false] })).toBeNull();
	});

	it('checks a config answer once its checker is loaded', async () => {
		const c = card('config-fill') as ConfigFillCard;
		expect(needsConfigChecker(c)).toBe(true);
		expect(() => judgeAnswer(c, { kind: 'text', text: c.answer })).toThrow(/checker/);
		const checker = await loadConfigChecker(c);
		expect(judgeAnswer(c, { kind: 'text', text: c.answer }, checker)!.verdict).toBe('correct');
		expect(judgeAnswer(c, { kind: 'text', text: 'EXPOSE 81' }, checker)!.verdict).toBe('incorrect');
	});

	it('refuses a response of the wrong shape (a bug, not a wrong answer)', () => {
		expect(() => judgeAnswer(card('mcq'), { kind: 'text', text: 'bridge' })).toThrow(/cannot answer/);
	});
});

describe('suggestRating: the one verdict-to-grade mapping', () => {
	it('maps correct to good, close to hard, incorrect to again', () => {
		expect([suggestRating('correct'), suggestRating('close'), suggestRating('incorrect')]).toEqual([
			'good',
			'hard',
			'again'
		]);
	});
});

describe('the DOMC rule', () => {
	const table: [string, boolean[], boolean[], 'correct' | 'incorrect' | null][] = [
		['No to a wrong option shows the next', [false, true, false], [false], null],
		['Yes to the right option ends it right', [false, true, false], [false, true], 'correct'],
		['Yes to a wrong option ends it wrong', [false, true, false], [true], 'incorrect'],
		['No to the right option ends it wrong', [false, true, false], [false, false], 'incorrect'],
		['with two right options, both need a Yes', [true, true, false], [true], null],
		['with two right options, the second Yes ends it', [true, true, false], [true, true], 'correct'],
		['with no right option, No to every option is right', [false, false], [false, false], 'correct'],
		['with no right option, one No is not yet decided', [false, false], [false], null]
	];
	it.each(table)('%s', (_name, correct, says, verdict) => {
		const options = correct.map((c) => ({ correct: c }));
		expect(
			domcVerdict(
				options,
				options.map((_, i) => i),
				says
			)
		).toBe(verdict);
	});

	it('follows the order the options are shown in', () => {
		const options = [{ correct: true }, { correct: false }];
		expect(domcVerdict(options, [1, 0], [false])).toBeNull();
		expect(domcVerdict(options, [1, 0], [true])).toBe('incorrect');
		expect(domcVerdict(options, [1, 0], [false, true])).toBe('correct');
	});
});
