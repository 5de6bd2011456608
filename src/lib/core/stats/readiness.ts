import type { ReviewLog } from '../scheduler/types';
import type { CardRef, SectionRef } from './mastery';
import { cardKey, statesAsOf, type RecallFn, type StatsCardState } from './recall';

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

function meanRecall(
	cards: readonly CardRef[],
	states: Map<string, StatsCardState>,
	recall: RecallFn,
	at: number
): number {
	let sum = 0;
	for (const c of cards) {
		const s = states.get(cardKey(c.packId, c.id));
		// A card never studied is predicted to be forgotten.
		if (s && s.state !== 'new') sum += recall(s, at);
	}
	return cards.length === 0 ? 0 : sum / cards.length;
}

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
	const byDomain = new Map<string, CardRef[]>();
	for (const c of cards) {
		const d = domainOf.get(cardKey(c.packId, c.sectionId));
		if (!d) continue;
		const list = byDomain.get(d) ?? [];
		list.push(c);
		byDomain.set(d, list);
	}
	const weekAgoAt = now - WEEK_MS;
	const nowStates = new Map(states.map((s) => [cardKey(s.packId, s.cardId), s]));
	const thenStates = new Map(
		statesAsOf(states, logs, weekAgoAt).map((s) => [cardKey(s.packId, s.cardId), s])
	);
	const domains = weights.map((w): DomainReadiness => {
		const list = byDomain.get(w.id) ?? [];
		const covered = list.length > 0;
		return {
			id: w.id,
			title: w.title,
			weight: w.weight,
			cards: list.length,
			score: covered ? meanRecall(list, nowStates, recall, now) : null,
			weekAgo: covered ? meanRecall(list, thenStates, recall, weekAgoAt) : null
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
