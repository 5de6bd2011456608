import { describe, expect, it } from 'vitest';
import { checkCommand, fillCommand } from '$lib/core/answer';
import { GUIDE_COMMANDS } from '../../../fixtures/guide-commands';

describe('checkCommand on every command line of the guide', () => {
	it('covers all 62 command lines of the rebuilt blocks', () => {
		expect(GUIDE_COMMANDS).toHaveLength(62);
	});

	it('accepts the expected answer itself', () => {
		for (const c of GUIDE_COMMANDS)
			expect(checkCommand(c.expected, c.expected).verdict, c.expected).toBe('correct');
	});

	const accepted = GUIDE_COMMANDS.flatMap((c) =>
		c.accept.map((given) => [c.block, c.expected, given] as const)
	);
	it.each(accepted)('%s accepts an equivalent form: %s ≡ %s', (_block, expected, given) => {
		const result = checkCommand(expected, given);
		expect(result.issues).toEqual([]);
		expect(result.verdict).toBe('correct');
	});

	const rejected = GUIDE_COMMANDS.flatMap((c) =>
		c.reject.map(([given, verdict, feedback]) => [c.block, c.expected, given, verdict, feedback] as const)
	);
	it.each(rejected)('%s: %s vs %s is %s with "%s"', (_block, expected, given, verdict, feedback) => {
		const result = checkCommand(expected, given);
		expect(result.verdict).toBe(verdict);
		expect(result.issues.map((i) => i.message).join(' | ')).toContain(feedback);
	});
});

describe('checkCommand details', () => {
	it('marks the misspelt flag and suggests the real one', () => {
		const r = checkCommand('docker run --network=my-bridge nginx', 'docker run --netwrk=my-bridge nginx');
		expect(r.tokens.find((t) => t.status === 'unknown')?.text).toBe('--netwrk=my-bridge');
		expect(r.issues[0]?.suggestion).toBe('--network');
	});

	it('notes that docker-compose is Compose v1 without failing the answer', () => {
		const r = checkCommand('docker compose up', 'docker-compose up');
		expect(r.verdict).toBe('correct');
		expect(r.notes.join(' ')).toContain('Compose v1');
	});

	it('reads a blank filled in a command as the whole command', () => {
		const whole = fillCommand('docker run ', '--network   my-bridge', ' nginx');
		expect(checkCommand('docker run --network=my-bridge nginx', whole).verdict).toBe('correct');
	});

	it('ignores a copied shell prompt and an unneeded sudo, with a note', () => {
		expect(checkCommand('docker volume ls', '$ docker volume ls').verdict).toBe('correct');
		const r = checkCommand('docker volume ls', 'sudo docker volume ls');
		expect(r.verdict).toBe('correct');
		expect(r.notes[0]).toContain('sudo');
		// A learner who is root already needs no sudo: accepted, with a note that the answer uses it.
		const root = checkCommand('sudo apt-get install uidmap', 'apt-get install uidmap');
		expect(root.verdict).toBe('correct');
		expect(root.notes.join(' ')).toContain('needs root');
		expect(checkCommand('sudo apt-get install uidmap', 'apt-get remove uidmap').verdict).toBe('incorrect');
	});

	it('says nothing was typed for an empty answer', () => {
		expect(checkCommand('docker ps', '   ').issues[0]?.message).toBe('Nothing was typed.');
	});
});
