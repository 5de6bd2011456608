import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCommand, checkConfig, fillBlank, fillCommand } from '$lib/core/answer';
import { loadComposeValidator } from '$lib/core/answer/compose-schema';
import type { Card, Pack } from '$lib/core/pack/types';

// The built-in Docker guide pack: every exercise's own answer must pass the checker it is graded by.
const file = JSON.parse(readFileSync('questions/docker-guide.pack.json', 'utf8')) as { pack?: Pack } & Pack;
const cards: Card[] = (file.pack ?? file).cards;

describe('the built-in pack graded by the checker', () => {
	it('has exercise cards', () => {
		expect(
			cards.filter((c) => c.kind.startsWith('command') || c.kind === 'config-fill').length
		).toBeGreaterThan(100);
	});

	it('accepts every command exercise answered as the card says', () => {
		for (const card of cards) {
			if (card.kind === 'command-type')
				expect(checkCommand(card.answer, card.answer).verdict, card.id).toBe('correct');
			if (card.kind === 'command-fill') {
				const whole = fillCommand(card.before, card.answer, card.after);
				expect(checkCommand(whole, card.command).verdict, card.id).toBe('correct');
				expect(
					checkCommand(whole, fillCommand(card.before, ` ${card.answer} `, card.after)).verdict,
					card.id
				).toBe('correct');
			}
			if (card.kind === 'command-order') {
				const answer = card.tokens.join(' ');
				expect(checkCommand(answer, answer).verdict, card.id).toBe('correct');
			}
		}
	});

	it('accepts every config exercise answered as the card says, including the Compose schema', async () => {
		const validateCompose = await loadComposeValidator();
		for (const card of cards) {
			if (card.kind !== 'config-fill') continue;
			const expected = fillBlank(card.before, card.answer, card.after, card.answer);
			const given = fillBlank(card.before, card.answer.trim(), card.after, card.answer);
			const result = checkConfig(expected, given, card.language, { validateCompose });
			expect(result.issues, card.id).toEqual([]);
		}
	});
});
