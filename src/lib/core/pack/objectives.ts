/**
 * An exam's objectives (questions/dca-objectives.json): its domains with their weights, and every
 * objective with its domain, whether the candidate must demonstrate it, and its priority. Cards name
 * the objectives they serve (`objectives`), so coverage and readiness can be worked out per objective.
 */
import { fail, ok, type Issue, type Result } from '../result';
import type { Card, CardKind } from './types';

export type ObjectivePriority = 'core' | 'lower' | 'not-in-exam';

export interface ExamObjective {
	id: string;
	domain: string;
	title: string;
	/** The study guide asks the candidate to demonstrate it (do it, not just know it). */
	demonstrate: boolean;
	priority: ObjectivePriority;
}

export interface ObjectiveDomain {
	id: string;
	title: string;
	weight: number;
}

export interface ExamObjectives {
	exam: string;
	domains: ObjectiveDomain[];
	objectives: ExamObjective[];
}

const PRIORITIES: readonly ObjectivePriority[] = ['core', 'lower', 'not-in-exam'];
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Parses an objectives file, or lists every problem with its path. */
export function parseObjectives(input: unknown): Result<ExamObjectives> {
	const errors: Issue[] = [];
	if (!isObj(input)) return fail([{ path: '', message: 'an objectives file must be a JSON object' }]);
	if (!isText(input.exam)) errors.push({ path: 'exam', message: 'must name the exam' });
	const domains: ObjectiveDomain[] = [];
	if (!Array.isArray(input.domains) || input.domains.length === 0)
		errors.push({ path: 'domains', message: 'must be a list of the exam domains' });
	else
		input.domains.forEach((d: unknown, i) => {
			const path = `domains.${i}`;
			if (!isObj(d) || !isText(d.id) || !isText(d.title))
				return errors.push({ path, message: 'needs an id and a title' });
			if (typeof d.weight !== 'number' || !(d.weight >= 0 && d.weight <= 1))
				return errors.push({ path: `${path}.weight`, message: 'must be a share between 0 and 1' });
			domains.push({ id: d.id, title: d.title, weight: d.weight });
		});
	const known = new Set(domains.map((d) => d.id));
	const objectives: ExamObjective[] = [];
	const seen = new Set<string>();
	if (!Array.isArray(input.objectives) || input.objectives.length === 0)
		errors.push({ path: 'objectives', message: 'must be a list of objectives' });
	else
		input.objectives.forEach((o: unknown, i) => {
			const path = `objectives.${i}`;
			if (!isObj(o) || !isText(o.id) || !isText(o.title))
				return errors.push({ path, message: 'needs an id and a title' });
			if (seen.has(o.id)) errors.push({ path: `${path}.id`, message: `objective "${o.id}" is listed twice` });
			seen.add(o.id);
			if (!isText(o.domain) || !known.has(o.domain))
				return errors.push({ path: `${path}.domain`, message: 'must be the id of one of the domains' });
			const priority = o.priority ?? 'core';
			if (!PRIORITIES.includes(priority as ObjectivePriority))
				return errors.push({ path: `${path}.priority`, message: 'must be core, lower or not-in-exam' });
			if (o.demonstrate !== undefined && typeof o.demonstrate !== 'boolean')
				return errors.push({ path: `${path}.demonstrate`, message: 'must be true or false' });
			objectives.push({
				id: o.id,
				domain: o.domain,
				title: o.title,
				demonstrate: o.demonstrate === true,
				priority: priority as ObjectivePriority
			});
		});
	if (errors.length > 0) return fail(errors);
	return ok({ exam: input.exam as string, domains, objectives });
}

/** The kinds that make the learner do it or reason about a situation: what a "demonstrate" objective needs. */
export const EXERCISE_KINDS: ReadonlySet<CardKind> = new Set<CardKind>([
	'command-type',
	'command-fill',
	'command-order',
	'config-fill',
	'command-sequence',
	'scenario',
	'read-output'
]);

/** Cards an objective needs at least. */
export const MIN_CARDS_PER_OBJECTIVE = 3;

export interface ObjectiveCoverageRow {
	objective: ExamObjective;
	cards: number;
	/** Of those, exercises and scenarios. */
	exercises: number;
	/** The row's targets: ≥3 cards, and ≥1 exercise or scenario when it is to be demonstrated. */
	ok: boolean;
}

export interface DomainCoverageRow {
	domain: ObjectiveDomain;
	/** In-exam cards of the domain (a card's own domain, else its section's). */
	cards: number;
	/** cards / all in-exam cards, to set beside the weight. */
	share: number;
}

export interface ObjectiveCoverage {
	rows: ObjectiveCoverageRow[];
	domains: DomainCoverageRow[];
	/** Objectives (in the exam) with no card. */
	uncovered: string[];
	/** Objectives to demonstrate that have no exercise or scenario. */
	lackingExercise: string[];
	/** Tags that name no objective of the file, with how many cards carry them. */
	unknown: { objective: string; cards: number }[];
	/** In-exam cards with no objective tag. */
	untagged: number;
	ok: boolean;
}

/** A card with its section's domain, for coverage. */
export interface TaggedCard {
	card: Pick<Card, 'kind' | 'domain' | 'objectives'>;
	sectionDomain?: string | undefined;
}

/** Maps cards to objectives by their tags; cards tagged `beyond` are outside the exam and not counted. */
export function objectiveCoverage(
	objectives: ExamObjectives,
	cards: readonly TaggedCard[]
): ObjectiveCoverage {
	const count = new Map<string, { cards: number; exercises: number }>();
	const byDomain = new Map<string, number>();
	let untagged = 0;
	let inExam = 0;
	for (const { card, sectionDomain } of cards) {
		const domain = card.domain ?? sectionDomain;
		if (domain === 'beyond') continue;
		inExam += 1;
		if (domain) byDomain.set(domain, (byDomain.get(domain) ?? 0) + 1);
		if (!card.objectives?.length) untagged += 1;
		for (const o of card.objectives ?? []) {
			const c = count.get(o) ?? { cards: 0, exercises: 0 };
			c.cards += 1;
			if (EXERCISE_KINDS.has(card.kind)) c.exercises += 1;
			count.set(o, c);
		}
	}
	const rows = objectives.objectives.map((objective) => {
		const c = count.get(objective.id) ?? { cards: 0, exercises: 0 };
		const inScope = objective.priority !== 'not-in-exam';
		return {
			objective,
			...c,
			ok: !inScope || (c.cards >= MIN_CARDS_PER_OBJECTIVE && (!objective.demonstrate || c.exercises > 0))
		};
	});
	const ids = new Set(objectives.objectives.map((o) => o.id));
	const inExamRows = rows.filter((r) => r.objective.priority !== 'not-in-exam');
	return {
		rows,
		domains: objectives.domains.map((domain) => ({
			domain,
			cards: byDomain.get(domain.id) ?? 0,
			share: inExam === 0 ? 0 : (byDomain.get(domain.id) ?? 0) / inExam
		})),
		uncovered: inExamRows.filter((r) => r.cards === 0).map((r) => r.objective.id),
		lackingExercise: inExamRows
			.filter((r) => r.objective.demonstrate && r.exercises === 0)
			.map((r) => r.objective.id),
		unknown: [...count]
			.filter(([id]) => !ids.has(id))
			.map(([objective, c]) => ({ objective, cards: c.cards })),
		untagged,
		ok: rows.every((r) => r.ok)
	};
}
