/**
 * The catalogue format: a static `index.json` a team lead publishes beside the pack files, and what the
 * app keeps about each source it subscribed to. Plain JSON, parsed at the edge (parse.ts).
 */

export const CATALOGUE_FORMAT = 'deckhand-catalogue';
export const CATALOGUE_FORMAT_VERSION = 1;

/** One pack a catalogue offers. `file` is relative to the catalogue's own address. */
export interface CatalogueEntry {
	id: string;
	version: number;
	title: string;
	description: string;
	/** Cards in the pack. */
	cards: number;
	/** Cards by kind; kinds are opaque names (new ones may appear in newer packs). */
	kinds: Record<string, number>;
	/** Bytes of the pack file. */
	size: number;
	/** SHA-256 of the pack file's bytes, lowercase hex. */
	sha256: string;
	file: string;
}

export interface Catalogue {
	format: typeof CATALOGUE_FORMAT;
	formatVersion: typeof CATALOGUE_FORMAT_VERSION;
	title: string;
	packs: CatalogueEntry[];
}

/** A catalogue (`index.json`) or a single pack file. */
export type SourceKind = 'catalogue' | 'pack';

/** A source the learner subscribed to, as the device keeps it between checks. */
export interface Subscription {
	/** The address asked at every check: a catalogue's index.json or a pack file. */
	url: string;
	kind: SourceKind;
	title: string;
	addedAt: number;
	/** When the source was last asked (successfully or not), or null. */
	checkedAt: number | null;
	/** The ETag of the last answer, when the host lets the page read it. */
	etag: string | null;
	/** SHA-256 of the last body read: tells an unchanged answer apart when the ETag is not readable. */
	digest: string | null;
	/** What the source offered at the last successful check (a pack source: its one pack). */
	packs: CatalogueEntry[];
	/** What went wrong at the last check, in plain words, or null. */
	error: string | null;
}

/** Where an installed pack came from. */
export interface PackSource {
	packId: string;
	/** The subscription's url. */
	url: string;
}
