import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { objectiveCoverage, parseObjectives, type TaggedCard } from '$lib/core/pack/objectives';
import { multiCard, outputCard, scenarioCard, sequenceCard } from '../../../fixtures/new-kinds';

const file = JSON.parse(readFileSync('tests/fixtures/objectives.json', 'utf8')) as Record<string, unknown>;

describe('parseObjectives', () => {
	it('reads an objectives file', () => {
		const r = parseObjectives(file);
		expect(r.ok && r.value.objectives.map((o) => o.id)).toEqual(['1.1', '1.4', '1.5', '4.1', '4.3', '3.12']);
	});

	it('lists every problem with its path', () => {
		const objectives = (file.objectives as Record<string, unknown>[]).slice(0, 2);
		const r = parseObjectives({
			...file,
			domains: [{ id: 'orchestration', title: 'O', weight: 25 }],
			objectives: [
				{ ...objectives[0], priority: 'maybe' },
				{ ...objectives[1], id: '1.1' }
			]
		});
		expect(r.ok ? [] : r.errors).toEqual([
			{ path: 'domains.0.weight', message: 'must be a share between 0 and 1' },
			{ path: 'objectives.0.domain', message: 'must be the id of one of the domains' },
			{ path: 'objectives.1.id', message: 'objective "1.1" is listed twice' },
			{ path: 'objectives.1.domain', message: 'must be the id of one of the domains' }
		]);
		expect(parseObjectives([]).ok).toBe(false);
	});
});

describe('objectiveCoverage', () => {
	const objectives = parseObjectives(file);
	if (!objectives.ok) throw new Error('fixture');
	const tagged = (card: TaggedCard['card'], sectionDomain?: string): TaggedCard => ({ card, sectionDomain });

	it('counts cards and exercises per objective, and names the gaps', () => {
		const cards = [
			tagged(scenarioCard), // 1.1, orchestration, a scenario
			tagged(sequenceCard), // 1.1, an exercise
			tagged({ kind: 'mcq', objectives: ['1.1'] }, 'orchestration'),
			tagged({ kind: 'mcq', objectives: ['1.5'] }, 'orchestration'),
			tagged(multiCard), // 4.1
			tagged(outputCard), // 4.3
			tagged({ kind: 'flashcard', objectives: ['9.9'] }, 'storage'),
			tagged({ kind: 'flashcard' }, 'networking'),
			tagged({ kind: 'flashcard', domain: 'beyond', objectives: ['1.4'] }, 'orchestration')
		];
		const c = objectiveCoverage(objectives.value, cards);
		const row = (id: string) => c.rows.find((r) => r.objective.id === id)!;
		expect([row('1.1').cards, row('1.1').exercises, row('1.1').ok]).toEqual([3, 2, true]);
		expect([row('1.5').cards, row('1.5').exercises, row('1.5').ok]).toEqual([1, 0, false]);
		expect(row('1.4').cards).toBe(0);
		expect(row('3.12').ok).toBe(true);
		expect(c.uncovered).toEqual(['1.4']);
		expect(c.lackingExercise).toEqual(['1.5']);
		expect(c.unknown).toEqual([{ objective: '9.9', cards: 1 }]);
		expect(c.untagged).toBe(1);
		expect(c.domains.find((d) => d.domain.id === 'orchestration')?.cards).toBe(4);
		expect(c.domains.reduce((a, d) => a + d.cards, 0)).toBe(8);
		expect(c.ok).toBe(false);
	});
});
