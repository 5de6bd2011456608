/**
 * The string keys that join records across packs: a card (pack and card id) and a section (pack and
 * section id). One definition each, so every map, message and index agrees.
 */

/** The key of a card across packs. */
export function cardKey(packId: string, cardId: string): string {
	return `${packId}\u0000${cardId}`;
}

/** The key of a section across packs. */
export function sectionKey(packId: string, sectionId: string): string {
	return `${packId}\u0000${sectionId}`;
}
