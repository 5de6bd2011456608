/**
 * Frozen with schema version 3: how that version built its per-section summaries from the states. The
 * upgrade to version 3 calls this copy, never the live `summarize` (storage/summary.ts), which may change
 * with the summary format; a later format gets its own version and upgrade. Do not edit.
 */

interface V3State {
	packId: string;
	cardId: string;
	sectionId: string;
	order: number;
	state: 'new' | 'learning' | 'review' | 'relearning';
	due: number;
	stability: number;
	lastReview: number | null;
}

interface V3Summary {
	packId: string;
	sectionId: string;
	ids: string[];
	state: Uint8Array;
	due: Float64Array;
	stability: Float64Array;
	lastReview: Float64Array;
}

const CODE = { new: 0, learning: 1, review: 2, relearning: 3 } as const;

/** One summary per section of the given states, cards in document order. */
export function summarizeV3(states: readonly V3State[]): V3Summary[] {
	const groups = new Map<string, V3State[]>();
	for (const s of states) {
		const k = `${s.packId}\u0000${s.sectionId}`;
		let g = groups.get(k);
		if (!g) groups.set(k, (g = []));
		g.push(s);
	}
	return [...groups.values()].map((g) => {
		g.sort((a, b) => a.order - b.order);
		const first = g[0]!;
		return {
			packId: first.packId,
			sectionId: first.sectionId,
			ids: g.map((s) => s.cardId),
			state: Uint8Array.from(g, (s) => CODE[s.state]),
			due: Float64Array.from(g, (s) => s.due),
			stability: Float64Array.from(g, (s) => s.stability),
			lastReview: Float64Array.from(g, (s) => s.lastReview ?? NaN)
		};
	});
}
