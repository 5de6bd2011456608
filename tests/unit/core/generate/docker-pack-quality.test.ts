/** Property tests over the built-in Docker pack for the rules of QUESTION_QUALITY.md fixed in the quality pass. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flagsOf, readCommand } from '$lib/core/answer/cli-model';
import type { Card, Pack } from '$lib/core/pack/types';

const pack = (JSON.parse(readFileSync('questions/docker-guide.pack.json', 'utf8')) as { pack: Pack }).pack;
const of = <K extends Card['kind']>(kind: K) =>
	pack.cards.filter((c): c is Extract<Card, { kind: K }> => c.kind === kind);

/** The docker stage of a word bank's tokens (podman reads like docker), as the checker would read it. */
function dockerStage(tokens: string[]) {
	const start = tokens.findIndex((t) => t === 'docker' || t === 'podman');
	if (start < 0) return null;
	const words = ['docker'];
	for (const t of tokens.slice(start + 1)) {
		if (['|', '>', ';', '&&', 'done'].includes(t)) break;
		words.push(t.replace(/;$/, ''));
		if (t.endsWith(';')) break;
	}
	return readCommand(words);
}

describe('the Docker pack, quality rules', () => {
	it('word-bank distractors are real flags of the same docker command that the answer does not use', () => {
		const orders = of('command-order');
		expect(orders.length).toBeGreaterThan(40);
		for (const c of orders) {
			const stage = dockerStage(c.tokens);
			if (!stage) {
				// No CLI model for this program: no made-up distractors either.
				expect(c.distractors, c.id).toEqual([]);
				continue;
			}
			const known = new Set(flagsOf(stage.path).map((f) => `--${f.long}`));
			const used = new Set(stage.flags.map((f) => `--${f.name}`));
			for (const d of c.distractors) {
				expect(known.has(d), `${c.id}: ${d} is not a flag of docker ${stage.path}`).toBe(true);
				expect(used.has(d), `${c.id}: ${d} is used by the answer`).toBe(false);
			}
		}
		const withDistractors = orders.filter((c) => c.distractors.length > 0).length;
		expect(withDistractors / orders.length).toBeGreaterThan(0.8);
	});

	it('no exercise asks the learner to type or order an angle-bracket placeholder', () => {
		const answers = pack.cards.flatMap((c) =>
			c.kind === 'command-type'
				? [c.answer]
				: c.kind === 'command-fill'
					? [c.answer]
					: c.kind === 'command-order'
						? c.tokens
						: c.kind === 'config-fill'
							? [c.answer]
							: []
		);
		expect(answers.length).toBeGreaterThan(100);
		expect(answers.filter((a) => /<[^<>\s]+>/.test(a))).toEqual([]);
		// The placeholder commands keep a fill-in exercise on a real flag.
		const fills = of('command-fill').filter((c) => c.command.includes('<driver-name>'));
		expect(fills.map((c) => c.answer).sort()).toEqual(['--grant-all-permissions', '--opt']);
	});
});
