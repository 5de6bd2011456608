import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardText, searchCards, summarizeSections } from '$lib/core/pack/browse';
import type { PackEnvelope } from '$lib/core/pack/types';

const { pack } = JSON.parse(readFileSync('questions/docker-guide.pack.json', 'utf8')) as PackEnvelope;

describe('browsing a pack', () => {
	it('counts cards by kind per section, in section order, adding up to the whole pack', () => {
		const rows = summarizeSections(pack.sections, pack.cards);
		expect(rows.map((r) => r.section.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(rows.reduce((a, r) => a + r.total, 0)).toBe(pack.cards.length);
		for (const r of rows) expect(Object.values(r.byKind).reduce((a, n) => a + n, 0)).toBe(r.total);
	});

	it('finds cards by every word of the query, in question, answer or source, ignoring case', () => {
		const hits = searchCards(pack.cards, 'MACVLAN mac address');
		expect(hits.length).toBeGreaterThan(0);
		for (const c of hits) {
			const { question, answer } = cardText(c);
			const hay = `${question} ${answer} ${c.source.text} ${c.source.subsection}`.toLowerCase();
			for (const w of ['macvlan', 'mac', 'address']) expect(hay).toContain(w);
		}
		expect(searchCards(pack.cards, '')).toHaveLength(pack.cards.length);
		expect(searchCards(pack.cards, 'no-such-word-anywhere')).toEqual([]);
	});

	it('filters by kind', () => {
		const typed = searchCards(pack.cards, 'rollback', 'command-type');
		expect(typed.every((c) => c.kind === 'command-type')).toBe(true);
		expect(typed.map((c) => c.kind === 'command-type' && c.answer)).toEqual(
			expect.arrayContaining([
				'docker service rollback web',
				'docker service update --update-failure-action rollback web'
			])
		);
		expect(searchCards(pack.cards, 'rollback').length).toBeGreaterThan(typed.length);
	});
});
