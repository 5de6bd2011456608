import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkTerm, normalizeTerm } from '$lib/core/answer/term';

describe('checkTerm (cloze blanks)', () => {
	it.each([
		['/var/lib/docker/volumes/', '/var/lib/docker/volumes'],
		['/var/lib/docker/volumes/', ' /VAR/lib/docker/volumes/ '],
		['Docker Hub', 'docker  hub'],
		['node-exporter', '`node-exporter`'],
		['.env', '".env"'],
		['5MB', '5 MB'],
		['5MB', '~5mb'],
		['json-file', 'json-file.'],
		['-p', '-p'],
		['Control groups (cgroups)', 'cgroups'],
		['Control groups (cgroups)', 'control groups'],
		['Control groups (cgroups)', 'Control groups (cgroups)'],
		['Docker Content Trust (DCT)', 'DCT'],
		['ELK Stack (Elasticsearch, Logstash, Kibana)', 'ELK stack']
	])('accepts %j typed as %j', (expected, given) => {
		expect(checkTerm(expected, given)).toBe('correct');
	});

	it.each([
		['Image Specification', 'Image Specificaton'],
		['node-exporter', 'node-exproter'],
		['overlay', 'ovrlay']
	])('calls one typo in %j (%j) close', (expected, given) => {
		expect(checkTerm(expected, given)).toBe('close');
	});

	it.each([
		['-p', '-d'],
		['-p', '-v'],
		['5MB', '6MB'],
		['443', '433'],
		['bridge', 'host'],
		['node-exporter', 'cadvisor'],
		['overlay', ''],
		['ELK Stack (Elasticsearch, Logstash, Kibana)', 'Elasticsearch, Logstash, Kibana'],
		['overlay', '   ']
	])('rejects %j typed as %j', (expected, given) => {
		expect(checkTerm(expected, given)).toBe('incorrect');
	});

	it('keeps a tilde that starts a path', () => {
		expect(normalizeTerm('~/.docker/')).toBe('~/.docker');
	});

	it('never throws and always accepts the expected answer itself (1,000 runs)', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 1 }), fc.string(), (expected, given) => {
				const v = checkTerm(expected, given);
				expect(['correct', 'close', 'incorrect']).toContain(v);
				if (normalizeTerm(expected) !== '') expect(checkTerm(expected, expected)).toBe('correct');
			}),
			{ numRuns: 1000 }
		);
	});
});
