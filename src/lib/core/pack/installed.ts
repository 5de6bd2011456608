/** An installed pack as the Packs page lists it, with its card counts. */
export interface InstalledPackRow {
	id: string;
	title: string;
	author: string;
	version: number;
	builtIn: boolean;
	cards: number;
	/** Cards graded at least once. */
	studied: number;
	retired: number;
}
