/** A catalogue entry made from a pack and its file's bytes (by `deckhand publish`, and for a pack source). */
import type { Pack } from '../pack/types';
import { sha256Hex } from './sha256';
import type { CatalogueEntry } from './types';

/** Describes a pack file for a catalogue: counts, size and SHA-256 of exactly these bytes. */
export async function entryOf(pack: Pack, bytes: Uint8Array, file: string): Promise<CatalogueEntry> {
	const kinds: Record<string, number> = {};
	for (const card of pack.cards) kinds[card.kind] = (kinds[card.kind] ?? 0) + 1;
	const sorted: Record<string, number> = {};
	for (const k of Object.keys(kinds).sort()) sorted[k] = kinds[k]!;
	return {
		id: pack.id,
		version: pack.version,
		title: pack.title,
		description: pack.description,
		cards: pack.cards.length,
		kinds: sorted,
		size: bytes.byteLength,
		sha256: await sha256Hex(bytes),
		file
	};
}
