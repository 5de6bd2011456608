import { describe, expect, it } from 'vitest';
import { sentenceAbout } from '$lib/core/generate/text';

describe('sentenceAbout: a heading is context, never a broken prefix', () => {
	it("keeps an author's full sentence as written", () => {
		expect(
			sentenceAbout(
				'raft and the manager quorum',
				false,
				'When quorum is lost, existing tasks keep running but services cannot be changed.'
			)
		).toBe('When quorum is lost, existing tasks keep running but services cannot be changed.');
	});

	it('makes no sentence when the heading is not a noun phrase and the fact needs its subject', () => {
		expect(
			sentenceAbout('from docker run to a service', false, 'options that make no sense are left out')
		).toBe(null);
		expect(sentenceAbout('scaling strategies', true, 'no single point of failure')).toBe(null);
	});

	it('still says a fragment of a subject that is a noun phrase, and keeps an instruction name as subject', () => {
		expect(sentenceAbout('host networking', false, 'No port mapping needed')).toBe(
			'With host networking, there is no port mapping needed.'
		);
		expect(sentenceAbout('FROM', false, 'sets the base image')).toBe('FROM sets the base image.');
	});
});
