import { expect, test } from 'vitest';
import { slugOf } from '$lib/state/author.svelte';

test.each([
	['Docker networking', 'docker-networking'],
	['  Équipe: Réseaux & Volumes!  ', 'equipe-reseaux-volumes'],
	['***', 'my-pack'],
	['a'.repeat(80), 'a'.repeat(60)]
])('a pack id from the title %j', (title, id) => {
	expect(slugOf(title)).toBe(id);
});
