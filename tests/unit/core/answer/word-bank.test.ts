import { describe, expect, it } from 'vitest';
import { buildWordBank, fillBlank, tokenize } from '$lib/core/answer';

describe('buildWordBank', () => {
	const tokens = ['docker', 'network', 'create', 'my-bridge'];

	it('holds every token and distractor, the same way for the same card, never already in order', () => {
		const bank = buildWordBank(tokens, ['inspect', '--driver'], 'card-1');
		expect([...bank].sort()).toEqual([...tokens, 'inspect', '--driver'].sort());
		expect(buildWordBank(tokens, ['inspect', '--driver'], 'card-1')).toEqual(bank);
		for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
			expect(buildWordBank(tokens, [], seed).join(' ')).not.toBe(tokens.join(' '));
		}
	});
});

describe('fillBlank', () => {
	it('indents the learner lines like the expected answer and keeps the line after the blank apart', () => {
		const before = 'services:\n  app:\n    build: .\n';
		const after = '  db:\n    image: postgres\n';
		expect(fillBlank(before, 'web:\n  image: nginx', after, '  web:\n    image: nginx\n')).toBe(
			'services:\n  app:\n    build: .\n  web:\n    image: nginx\n  db:\n    image: postgres\n'
		);
	});
});

describe('fillBlank with whole-line blanks (the generator convention)', () => {
	it('joins before, the blank and after with newlines and indents the blank like the answer', () => {
		expect(
			fillBlank(
				'scrape_configs:',
				'- job_name: docker',
				"    static_configs: [{targets: ['cadvisor:8080']}]",
				"  - job_name: 'docker'"
			)
		).toBe("scrape_configs:\n  - job_name: docker\n    static_configs: [{targets: ['cadvisor:8080']}]");
	});

	it('fills a blank inside a line in place', () => {
		expect(fillBlank('services:\n  web:\n    image: ', ' nginx ', '\n', 'nginx')).toBe(
			'services:\n  web:\n    image: nginx\n'
		);
	});
});

describe('tokenize', () => {
	it('keeps $(…) as one word inside or outside quotes and splits pipelines and lists', () => {
		expect(tokenize('docker run -v "$(pwd)":/app node').stages).toEqual([
			['docker', 'run', '-v', '$(pwd):/app', 'node']
		]);
		expect(tokenize('echo x | docker secret create s - && echo done')).toEqual({
			stages: [
				['echo', 'x'],
				['docker', 'secret', 'create', 's', '-'],
				['echo', 'done']
			],
			ops: ['|', '&&']
		});
		expect(tokenize('docker network create \\\n  --driver macvlan net').stages[0]).toEqual([
			'docker',
			'network',
			'create',
			'--driver',
			'macvlan',
			'net'
		]);
	});
});
