/**
 * A pack's figures without its cards: what the build-time figures of a pack file holds
 * (scripts/vite/pack-figures.js), enough to show a built-in pack's counts before it is installed.
 */

export interface SectionFigures {
	id: string;
	title: string;
	order: number;
	cards: number;
}

export interface PackFigures {
	id: string;
	version: number;
	title: string;
	cards: number;
	/** In section order. */
	sections: SectionFigures[];
}
