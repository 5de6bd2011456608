import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const deckhand = (...args: string[]) =>
	spawnSync(process.execPath, ['scripts/cli/deckhand.js', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('deckhand coverage --objectives', { timeout: 120_000 }, () => {
	it('maps the cards of notes to objectives and lists the gaps, as JSON', () => {
		const r = deckhand(
			'coverage',
			'tests/fixtures/notes/exercises.md',
			'--objectives',
			'tests/fixtures/objectives.json',
			'--json'
		);
		expect(r.status).toBe(3);
		const out = JSON.parse(r.stdout) as {
			ok: boolean;
			objectives: { id: string; cards: number; exercises: number; ok: boolean }[];
			uncovered: string[];
			lackingExercise: string[];
			domains: { id: string; cards: number }[];
		};
		expect(out.ok).toBe(false);
		const o = (id: string) => out.objectives.find((x) => x.id === id)!;
		// 1.1 is on the Orchestration section: its sequence (1.4, 1.5 override it under Services).
		expect([o('1.4').cards, o('1.5').cards, o('1.5').exercises]).toEqual([2, 2, 2]);
		expect(out.uncovered).toEqual(['1.1', '4.1', '4.3']);
		expect(out.lackingExercise).toEqual(['1.1', '4.3']);
	});

	it('prints a table with the uncovered objectives, and reads pack files too', () => {
		const r = deckhand(
			'coverage',
			'questions/docker-guide.pack.json',
			'--objectives',
			'tests/fixtures/objectives.json'
		);
		expect(r.status).toBe(3);
		expect(r.stdout).toMatch(/^Objective\s+Domain\s+Title\s+Cards\s+Exercises\s+Demonstrate\s+OK/m);
		expect(r.stdout).toMatch(/Objectives without cards \(5\): 1\.1, 1\.4, 1\.5, 4\.1, 4\.3/);
		expect(r.stdout).toMatch(/^Orchestration\s+25%\s+\d+/m);
	});

	it('refuses a bad objectives file in plain words', () => {
		const r = deckhand('coverage', 'tests/fixtures/notes/exercises.md', '--objectives', 'package.json');
		expect(r.status).toBe(1);
		expect(r.stderr + r.stdout).toContain('exam: must name the exam');
	});
});
