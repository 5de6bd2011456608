import { describe, expect, it } from 'vitest';
import { DCA_DOMAINS } from '$lib/core/pack/domains';
import { examReadiness, type RecallFn } from '$lib/core/stats';
import { state, utc } from '../../../fixtures/stats';

const now = utc(2026, 3, 11, 10);
const recall: RecallFn = (s) => s.stability;

const sections = [
	{ packId: 'p', id: 'a', title: 'Swarm', domain: 'orchestration' },
	{ packId: 'p', id: 'b', title: 'Monitoring', domain: 'installation' }
];
const cards = ['c1', 'c2', 'c3', 'c4', 'c5'].map((id, i) => ({
	packId: 'p',
	id,
	sectionId: i < 3 ? 'a' : 'b'
}));
const states = [0.9, 0.5, 0.3, 0.8, 0.8].map((stability, i) => state(`c${i + 1}`, { stability }));
const objectives = [
	{ id: '1.1', title: 'Build a swarm', domain: 'orchestration' },
	{ id: '1.2', title: 'Run a service', domain: 'orchestration' },
	{ id: '1.3', title: 'Quorum', domain: 'orchestration' },
	{ id: '1.4', title: 'Kubernetes', domain: 'orchestration', priority: 'not-in-exam' },
	{ id: '4.1', title: 'Networks', domain: 'networking' }
];
const tags = new Map([
	['p\u0000c1', { objectives: ['1.1'] }],
	['p\u0000c2', { objectives: ['1.2'] }],
	['p\u0000c3', { objectives: ['1.2'] }],
	// A card tagged into another domain than its section's.
	['p\u0000c4', { domain: 'networking', objectives: ['4.1'] }],
	// Outside the exam: counted nowhere.
	['p\u0000c5', { domain: 'beyond', objectives: ['1.3'] }]
]);

describe('readiness by objective', () => {
	const r = examReadiness(DCA_DOMAINS, sections, cards, states, [], recall, now, { tags, objectives });

	it('predicts each objective from its cards, leaving out cards beyond the exam', () => {
		expect(r.objectives.map((o) => [o.id, o.cards, o.score])).toEqual([
			['1.1', 1, 0.9],
			['1.2', 2, 0.4],
			['1.3', 0, null],
			['4.1', 1, 0.8]
		]);
	});

	it('names the objectives with no cards and those with low predicted recall', () => {
		expect(r.uncoveredObjectives.map((o) => o.id)).toEqual(['1.3']);
		expect(r.weakObjectives.map((o) => o.id)).toEqual(['1.2']);
	});

	it("uses a card's own domain over its section's", () => {
		const d = (id: string) => r.domains.find((x) => x.id === id)!;
		expect([d('orchestration').cards, d('networking').cards, d('installation').cards]).toEqual([3, 1, 0]);
	});

	it('never claims more of the exam than its objectives with cards', () => {
		// Orchestration's 25 % over its 3 objectives in the exam, 2 covered; networking's 15 % over 1, covered.
		expect(r.coveredWeight).toBeCloseTo((0.25 * 2) / 3 + 0.15, 10);
		const withoutObjectives = examReadiness(DCA_DOMAINS, sections, cards, states, [], recall, now);
		expect(withoutObjectives.objectives).toEqual([]);
		expect(withoutObjectives.coveredWeight).toBeCloseTo(0.25 + 0.15, 10);
	});
});
