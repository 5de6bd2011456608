import { describe, expect, it } from 'vitest';
import { inDrill } from '$lib/core/queue';
import { drillName, parseScope, scopeKey, scopeQuery } from '$lib/state/scope';

const card = { id: 'c1', packId: 'dca', objectives: ['1.1', '1.3'] };

describe('drill', () => {
	it('takes a card by its own domain, else its section’s, by objective tag, or by key', () => {
		expect(inDrill({ domain: 'security' }, { ...card, domain: 'security' }, 'networking')).toBe(true);
		expect(inDrill({ domain: 'networking' }, card, 'networking')).toBe(true);
		expect(inDrill({ domain: 'networking' }, { ...card, domain: 'beyond' }, 'networking')).toBe(false);
		expect(inDrill({ objective: '1.3' }, card, undefined)).toBe(true);
		expect(inDrill({ objective: '1.2' }, card, undefined)).toBe(false);
		expect(inDrill({ cards: ['dca\u0000c1'] }, card, undefined)).toBe(true);
		expect(inDrill({ cards: ['other\u0000c1'] }, card, undefined)).toBe(false);
	});

	it('reads a drill from the study page query, always as a cram, and writes it back', () => {
		const s = parseScope(new URLSearchParams('objective=1.3'));
		expect(s).toEqual({ cram: true, drill: { objective: '1.3' } });
		expect(scopeQuery(s)).toBe('cram=1&objective=1.3');
		const missed = parseScope(new URLSearchParams('cards=dca~c1,docker-guide~mcq-x,junk'));
		expect(missed.drill).toEqual({ cards: ['dca\u0000c1', 'docker-guide\u0000mcq-x'] });
		expect(parseScope(new URLSearchParams(scopeQuery(missed)))).toEqual(missed);
		expect(scopeKey(s)).not.toBe(scopeKey({ cram: true }));
		expect(drillName({ domain: 'storage' })).toBe('Storage and Volumes');
		expect(drillName(missed.drill!)).toBe('2 missed questions');
	});
});
