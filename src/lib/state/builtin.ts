/** The packs that ship with the app. */
import starterNotes from '../../../questions/starter.md?raw';
import { generateFlashcardPack } from '../core/generate/flashcards';
import type { Pack } from '../core/pack/types';

/** The built-in packs, generated from the Markdown under questions/. */
export function builtInPacks(): Pack[] {
	return [
		generateFlashcardPack(starterNotes, {
			id: 'docker-starter',
			title: 'Docker starter',
			version: 1,
			description: 'Core Docker terms: images, containers, networks and storage.',
			author: 'Deckhand',
			license: 'CC-BY-4.0',
			createdAt: '2026-11-28T00:00:00.000Z'
		})
	];
}
