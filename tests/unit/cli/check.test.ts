import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../scripts/cli/commands/check';

describe('deckhand check', () => {
	afterEach(() => vi.restoreAllMocks());

	function capture() {
		const out: string[] = [];
		vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
		vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
		return out;
	}

	it('prints the verdict and the suggestion, exit code 1 when not correct', async () => {
		const out = capture();
		expect(await run(['docker run --network=my-bridge nginx', 'docker run --netwrk my-bridge nginx'])).toBe(
			1
		);
		expect(out.join('\n')).toContain('verdict: close');
		expect(out.join('\n')).toContain('did you mean `--network`?');
	});

	it('prints JSON with --json, exit code 0 when correct', async () => {
		const out = capture();
		expect(await run(['--json', 'docker ps', 'docker container ls'])).toBe(0);
		expect(JSON.parse(out.join('\n'))).toMatchObject({ verdict: 'correct', issues: [] });
	});

	it('checks Compose snippets with --config compose, including the schema', async () => {
		const out = capture();
		expect(
			await run([
				'--config',
				'compose',
				'services: {web: {image: nginx}}',
				'services: {web: {imagee: nginx}}'
			])
		).toBe(1);
		expect(out.join('\n')).toContain('Not a valid Compose file');
	});

	it('explains bad usage with exit code 2', async () => {
		const out = capture();
		expect(await run(['only-one'])).toBe(2);
		expect(await run(['--config', 'toml', 'a', 'b'])).toBe(2);
		expect(out.join('\n')).toContain('--config takes one of yaml, compose, dockerfile');
	});
});
