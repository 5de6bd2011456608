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

/** A card's own exam tags, keyed "packId\u0000cardId"; only cards that carry tags need to be listed. */
export type CardTags = ReadonlyMap<string, { domain?: string; objectives?: readonly string[] }>;

/** What readiness needs to know of an exam objective. */
export interface ObjectiveRef {
	id: string;
	title: string;
	domain: string;
	/** Objectives marked 'not-in-exam' are left out. */
	priority?: string;
}

export interface ObjectiveReadiness {
	id: string;
	title: string;
	domain: string;
	cards: number;
	/** Mean predicted recall of its cards, or null when no card serves it. */
	score: number | null;
}

/** Below this predicted recall an objective is named as one to work on. */
export const LOW_RECALL = 0.7;

export interface ReadinessOptions {
	/** Cards' own domain and objective tags (a card's domain overrides its section's; 'beyond' is left out). */
	tags?: CardTags;
	/** The exam's objectives, to work out readiness per objective. */
	objectives?: readonly ObjectiveRef[];
}

export interface Readiness {
	domains: DomainReadiness[];
	/** Per objective of the exam, in the order given (empty when no objectives were given). */
	objectives: ObjectiveReadiness[];
	/** Objectives no card serves. */
	uncoveredObjectives: ObjectiveReadiness[];
	/** Objectives with cards whose predicted recall is below LOW_RECALL, weakest first. */
	weakObjectives: ObjectiveReadiness[];
	/** Predicted exam score over the covered domains, their weights scaled to add up to 1. */
	score: number | null;
	weekAgo: number | null;
	/** score − weekAgo, in share points (0.05 = five points). */
	change: number | null;
	/**
	 * Share of the exam's weight that the installed packs cover: with objectives, each domain's weight
	 * split evenly over its objectives and counted for those with cards; without, the covered domains'.
	 */
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
	now: number,
	options: ReadinessOptions = {}
): Readiness {
	const join = joinCards(sections, cards, states);
	return readinessOfJoined(
		weights,
		sections,
		cards,
		join,
		recallAt(join, recall, now),
		logs,
		recall,
		now,
		options
	);
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
	now: number,
	options: ReadinessOptions = {}
): Readiness {
	const tags = options.tags && options.tags.size > 0 ? options.tags : null;
	const objectives = (options.objectives ?? []).filter((o) => o.priority !== 'not-in-exam');
	const objectiveIndex = new Map(objectives.map((o, i) => [o.id, i]));
	const oCount = new Float64Array(objectives.length);
	const oSum = new Float64Array(objectives.length);
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
		let d = domainOf[si]!;
		const tag = tags?.get(`${cards[i]!.packId}\u0000${cards[i]!.id}`);
		if (tag?.domain !== undefined) d = tag.domain === 'beyond' ? -2 : (weightIndex.get(tag.domain) ?? -1);
		if (d === -2) continue;
		for (const o of tag?.objectives ?? []) {
			const oi = objectiveIndex.get(o);
			if (oi === undefined) continue;
			oCount[oi]! += 1;
			oSum[oi]! += recallNow[i]!;
		}
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
	const perObjective = objectives.map((o, i): ObjectiveReadiness => ({
		id: o.id,
		title: o.title,
		domain: o.domain,
		cards: oCount[i]!,
		score: oCount[i]! > 0 ? oSum[i]! / oCount[i]! : null
	}));
	let coveredWeight = domains.filter((d) => d.score !== null).reduce((a, d) => a + d.weight, 0);
	if (objectives.length > 0) {
		const perDomain = new Map<string, number>();
		for (const o of objectives) perDomain.set(o.domain, (perDomain.get(o.domain) ?? 0) + 1);
		const weightOf = new Map(weights.map((w) => [w.id, w.weight]));
		coveredWeight = perObjective
			.filter((o) => o.cards > 0)
			.reduce((a, o) => a + (weightOf.get(o.domain) ?? 0) / perDomain.get(o.domain)!, 0);
	}
	return {
		domains,
		objectives: perObjective,
		uncoveredObjectives: perObjective.filter((o) => o.cards === 0),
		weakObjectives: perObjective
			.filter((o) => o.score !== null && o.score < LOW_RECALL)
			.sort((a, b) => a.score! - b.score!),
		score,
		weekAgo,
		change: score === null || weekAgo === null ? null : score - weekAgo,
		coveredWeight,
		uncovered
	};
}
