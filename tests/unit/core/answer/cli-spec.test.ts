import { describe, expect, it } from 'vitest';
import { build } from '../../../../scripts/gen-cli-spec';
import committed from '$lib/core/answer/cli-spec.json';

describe('the generated Docker CLI model', () => {
	it('is up to date with the reference pages (run npm run gen:cli-spec when it is not)', () => {
		expect(JSON.parse(JSON.stringify(build()))).toEqual(committed);
	});

	it('knows aliases, short flags and value kinds from the reference', () => {
		expect(committed.aliases['run']).toBe('container run');
		expect(committed.aliases['stack up']).toBe('stack deploy');
		expect(committed.commands['container run']['publish']).toEqual(['p', 'l']);
		expect(committed.commands['container run']['detach']).toEqual(['d', 'b']);
		expect(committed.commands['compose']['file']).toEqual(['f', 'l']);
	});
});
