import { expect, test } from 'vitest';
import { importSourceOf } from '../../../../src/lib/core/share/source';

const at = (path: string) => importSourceOf(new URL(path, 'https://app.example/'));

test.each([
	['/import#pack=1.abc', { kind: 'fragment', hash: '#pack=1.abc' }],
	[
		'/import?url=https%3A%2F%2Fteam.example%2Fdocker.deckhand.json',
		{ kind: 'url', address: 'https://team.example/docker.deckhand.json' }
	],
	['/import?url=packs/docker.json', { kind: 'url', address: 'packs/docker.json' }],
	[
		'/import?title=Docker&text=' +
			encodeURIComponent('Study this: https://app.example/import#pack=1.xyz thanks'),
		{ kind: 'fragment', hash: '#pack=1.xyz' }
	],
	[
		'/import?text=' + encodeURIComponent('see https://team.example/a.deckhand.json'),
		{ kind: 'url', address: 'https://team.example/a.deckhand.json' }
	],
	['/import', null],
	['/import?text=hello', null],
	['/import#other', null]
])('%s', (path, expected) => {
	expect(at(path)).toEqual(expected);
});
