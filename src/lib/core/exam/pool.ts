import type { WeightedDomain } from './draw';

/** How many questions the exam can draw from, in total and per domain of the exam. */
export interface ExamPool {
	total: number;
	/** Per weighted domain, in the order given. */
	byDomain: { id: string; count: number }[];
	/** Questions of sections tagged with no exam domain: drawn only to fill what the domains cannot. */
	untagged: number;
}

/** Counts the questions an exam may draw (the candidates `startExam` takes), by domain. */
export function examPool(
	candidates: readonly { domain: string | null }[],
	domains: readonly WeightedDomain[]
): ExamPool {
	const counts = new Map<string, number>();
	let untagged = 0;
	for (const c of candidates) {
		if (c.domain !== null && domains.some((d) => d.id === c.domain))
			counts.set(c.domain, (counts.get(c.domain) ?? 0) + 1);
		else untagged += 1;
	}
	return {
		total: candidates.length,
		byDomain: domains.map((d) => ({ id: d.id, count: counts.get(d.id) ?? 0 })),
		untagged
	};
}
