import { shuffle, type RandomFn } from './random';
import { sectionKey } from '../pack/keys';

/** What drawing needs of a question: its pack, section and domain. */
export interface Drawable {
	packId: string;
	card: { sectionId: string };
	domain: string | null;
}

export interface WeightedDomain {
	id: string;
	weight: number;
}

/**
 * How many questions each domain gets: the largest-remainder split of `length` by weight, where a
 * domain with fewer questions than its share gives all it has and the rest is split among the others.
 * Questions from sections without a listed domain only fill what the weighted domains cannot.
 */
export function allocateQuestions(
	weights: readonly WeightedDomain[],
	available: ReadonlyMap<string | null, number>,
	length: number
): Map<string | null, number> {
	const quota = new Map<string | null, number>();
	const listed = new Set(weights.map((w) => w.id));
	let open = weights.filter((w) => w.weight > 0 && (available.get(w.id) ?? 0) > 0);
	const cap = (id: string) => available.get(id) ?? 0;
	let seats = Math.min(
		length,
		open.reduce((a, w) => a + cap(w.id), 0)
	);
	// Domains whose share would exceed what they have give everything and drop out of the split.
	for (;;) {
		const total = open.reduce((a, w) => a + w.weight, 0);
		const full = open.filter((w) => (seats * w.weight) / total >= cap(w.id));
		if (full.length === 0) break;
		for (const w of full) {
			quota.set(w.id, cap(w.id));
			seats -= cap(w.id);
		}
		open = open.filter((w) => !full.includes(w));
		if (open.length === 0) break;
	}
	if (open.length > 0) {
		const total = open.reduce((a, w) => a + w.weight, 0);
		// Rounded to 1e-9 so that float noise (55 × 0.2 = 11.000000000000002) never decides a remainder.
		const ideal = open.map((w) => ({
			id: w.id,
			share: Math.round(((seats * w.weight) / total) * 1e9) / 1e9
		}));
		for (const i of ideal) quota.set(i.id, Math.floor(i.share));
		let left = seats - ideal.reduce((a, i) => a + Math.floor(i.share), 0);
		// Stable sort: ties go to the domain listed first (the heavier one in the DCA list).
		const byRemainder = [...ideal].sort(
			(a, b) => b.share - Math.floor(b.share) - (a.share - Math.floor(a.share))
		);
		for (const i of byRemainder) {
			if (left === 0) break;
			quota.set(i.id, quota.get(i.id)! + 1);
			left -= 1;
		}
	}
	let rest = length - [...quota.values()].reduce((a, b) => a + b, 0);
	for (const [id, n] of available) {
		if (rest === 0) break;
		if (id !== null && listed.has(id)) continue;
		const take = Math.min(n, rest);
		if (take > 0) quota.set(id, take);
		rest -= take;
	}
	return quota;
}

/** Takes `n` candidates spread over their sections: sections in random order, one question each in turn. */
function spreadOverSections<T extends Drawable>(pool: readonly T[], n: number, random: RandomFn): T[] {
	const bySection = new Map<string, T[]>();
	for (const c of pool) {
		const key = sectionKey(c.packId, c.card.sectionId);
		bySection.set(key, [...(bySection.get(key) ?? []), c]);
	}
	const queues = shuffle([...bySection.values()], random).map((q) => shuffle(q, random));
	const out: T[] = [];
	while (out.length < n) {
		for (const q of queues) {
			const next = q.pop();
			if (next && out.length < n) out.push(next);
		}
	}
	return out;
}

/** Draws up to `length` questions across domains by weight and across sections within a domain. */
export function drawQuestions<T extends Drawable>(
	candidates: readonly T[],
	weights: readonly WeightedDomain[],
	length: number,
	random: RandomFn
): T[] {
	const listed = new Set(weights.map((w) => w.id));
	const groups = new Map<string | null, T[]>();
	for (const c of candidates) {
		const key = c.domain !== null && listed.has(c.domain) ? c.domain : null;
		groups.set(key, [...(groups.get(key) ?? []), c]);
	}
	const available = new Map([...groups].map(([k, v]) => [k, v.length]));
	const quota = allocateQuestions(weights, available, length);
	return [...quota].flatMap(([key, n]) => spreadOverSections(groups.get(key) ?? [], n, random));
}
