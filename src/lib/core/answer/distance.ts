/** Edit distance (Levenshtein with adjacent transpositions), capped: returns cap + 1 once it exceeds cap. */
export function editDistance(a: string, b: string, cap = 8): number {
	if (Math.abs(a.length - b.length) > cap) return cap + 1;
	let prev2: number[] = [];
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				v = Math.min(v, prev2[j - 2]! + 1);
			row.push(v);
			best = Math.min(best, v);
		}
		if (best > cap) return cap + 1;
		prev2 = prev;
		prev = row;
	}
	return prev[b.length]!;
}

/** Candidates close enough to `word` to be what a typo meant, closest first. */
export function nearby(word: string, candidates: Iterable<string>): string[] {
	const limit = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
	const found: [string, number][] = [];
	for (const c of candidates) {
		const d = editDistance(word, c, limit);
		if (d <= limit) found.push([c, d]);
	}
	return found.sort((a, b) => a[1] - b[1] || a[0].length - b[0].length).map(([c]) => c);
}

/** The candidate closest to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
	return nearby(word, candidates)[0];
}
