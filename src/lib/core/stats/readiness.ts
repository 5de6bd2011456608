import type { ReviewLog } from '../scheduler/types';
import type { SectionRef, CardRef } from './mastery';
import { firstReviewsAfterByCard, joinCards, recallAt, type CardJoin } from './join';
import type { RecallFn, StatsCardState } from './recall';
import { DAY_MS } from '../scheduler/day';

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

export const WEEK_MS = 7 * DAY_MS;

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
	const join = joinCards(sections, cards, states);
	return readinessOfJoined(weights, sections, cards, join, recallAt(join, recall, now), logs, recall, now);
}

/** `examReadiness` from cards already joined and their recall at `now` (0 for new cards). */
export function readinessOfJoined(
	weights: readonly DomainWeight[],
	sections: readonly SectionRef[],
	cards: readonly CardRef[],
	join: CardJoin,
	recallNow: Float64Array,
	logs: readonly Pick<ReviewLog, 'packId' | 'cardId' | 'reviewedAt' | 'before'>[],
	recall: RecallFn,
	now: number
): Readiness {
	// Per section index, its domain's index in `weights` (-1: no domain, or one the exam does not weigh).
	const weightIndex = new Map(weights.map((w, i) => [w.id, i]));
	const domainOf = new Int32Array(sections.length).fill(-1);
	sections.forEach((s, i) => {
		if (s.domain) domainOf[join.sameAs[i]!] = weightIndex.get(s.domain) ?? -1;
	});
	const weekAgoAt = now - WEEK_MS;
	// A week ago, a card reviewed since was in the state its first review since replaced.
	const replaced = firstReviewsAfterByCard(cards, logs, weekAgoAt);
	// Per domain: cards, and the sums of their predicted recall now and a week ago. A card never
	// studied is predicted to be forgotten (0).
	const count = new Float64Array(weights.length);
	const nowSum = new Float64Array(weights.length);
	const thenSum = new Float64Array(weights.length);
	for (let i = 0; i < join.section.length; i++) {
		const si = join.section[i]!;
		if (si < 0) continue;
		const d = domainOf[si]!;
		if (d < 0) continue;
		count[d]! += 1;
		nowSum[d]! += recallNow[i]!;
		const then = replaced[i]?.before ?? join.state[i];
		if (then && then.state !== 'new') thenSum[d]! += recall(then, weekAgoAt);
	}
	const domains = weights.map((w, d): DomainReadiness => {
		const n = count[d]!;
		return {
			id: w.id,
			title: w.title,
			weight: w.weight,
			cards: n,
			score: n > 0 ? nowSum[d]! / n : null,
			weekAgo: n > 0 ? thenSum[d]! / n : null
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
