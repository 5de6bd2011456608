import type { ReviewLog } from '../scheduler/types';
import type { SectionRef, CardRef } from './mastery';
import { cardKey, firstReviewsAfter, type RecallFn, type StatsCardState } from './recall';

export interface DomainWeight {
	id: string;
	title: string;
	weight: number;
}

export interface DomainReadiness {
	id: string;
	title: string;
	weight: number;
	/** Cards of the installed packs in this domain. */
	cards: number;
	/** Mean predicted recall of those cards, or null when no installed pack covers the domain. */
	score: number | null;
	/** The same a week earlier. */
	weekAgo: number | null;
}

export interface Readiness {
	domains: DomainReadiness[];
	/** Predicted exam score over the covered domains, their weights scaled to add up to 1. */
	score: number | null;
	weekAgo: number | null;
	/** score − weekAgo, in share points (0.05 = five points). */
	change: number | null;
	/** Share of the exam's weight that the installed packs cover. */
	coveredWeight: number;
	uncovered: DomainWeight[];
}

export const WEEK_MS = 7 * 86_400_000;

function weighted(domains: DomainReadiness[], pick: (d: DomainReadiness) => number | null): number | null {
	let total = 0;
	let weight = 0;
	for (const d of domains) {
		const v = pick(d);
		if (v === null) continue;
		total += v * d.weight;
		weight += d.weight;
	}
	return weight === 0 ? null : total / weight;
}

/**
 * Readiness for an exam taken at `now`: per domain, the mean predicted recall of the domain's cards;
 * overall, those weighted by the exam's domain weights over the domains the packs cover. The week-ago
 * figures use each card's state as it was a week ago (rebuilt from the logs), predicted at that time.
 */
export function examReadiness(
	weights: readonly DomainWeight[],
	sections: readonly SectionRef[],
	cards: readonly CardRef[],
	states: readonly StatsCardState[],
	logs: readonly Pick<ReviewLog, 'packId' | 'cardId' | 'reviewedAt' | 'before'>[],
	recall: RecallFn,
	now: number
): Readiness {
	const domainOf = new Map<string, string>();
	for (const s of sections) if (s.domain) domainOf.set(cardKey(s.packId, s.id), s.domain);
	const weekAgoAt = now - WEEK_MS;
	const nowStates = new Map<string, StatsCardState>();
	for (const s of states) nowStates.set(cardKey(s.packId, s.cardId), s);
	// A week ago, a card reviewed since was in the state its first review since replaced.
	const replaced = firstReviewsAfter(logs, weekAgoAt);
	// Per domain: cards, and the sums of their predicted recall now and a week ago. A card never
	// studied is predicted to be forgotten (0).
	const sums = new Map<string, [number, number, number]>();
	for (const c of cards) {
		const d = domainOf.get(cardKey(c.packId, c.sectionId));
		if (!d) continue;
		let sum = sums.get(d);
		if (!sum) sums.set(d, (sum = [0, 0, 0]));
		sum[0] += 1;
		const key = cardKey(c.packId, c.id);
		const s = nowStates.get(key);
		if (s && s.state !== 'new') sum[1] += recall(s, now);
		const then = replaced.get(key)?.before ?? s;
		if (then && then.state !== 'new') sum[2] += recall(then, weekAgoAt);
	}
	const domains = weights.map((w): DomainReadiness => {
		const [count, nowSum, thenSum] = sums.get(w.id) ?? [0, 0, 0];
		const covered = count > 0;
		return {
			id: w.id,
			title: w.title,
			weight: w.weight,
			cards: count,
			score: covered ? nowSum / count : null,
			weekAgo: covered ? thenSum / count : null
		};
	});
	const score = weighted(domains, (d) => d.score);
	const weekAgo = weighted(domains, (d) => d.weekAgo);
	const uncovered = domains
		.filter((d) => d.score === null)
		.map(({ id, title, weight }) => ({ id, title, weight }));
	return {
		domains,
		score,
		weekAgo,
		change: score === null || weekAgo === null ? null : score - weekAgo,
		coveredWeight: domains.filter((d) => d.score !== null).reduce((a, d) => a + d.weight, 0),
		uncovered
	};
}
