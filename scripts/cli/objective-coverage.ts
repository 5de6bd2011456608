/** `deckhand coverage --objectives`: cards mapped to an exam's objectives by their tags. */
import type { Review } from '../../src/lib/core/generate/errata';
import { generatePack } from '../../src/lib/core/generate/index';
import { objectiveCoverage, parseObjectives, type TaggedCard } from '../../src/lib/core/pack/objectives';
import { parsePackEnvelope } from '../../src/lib/core/pack/parse';
import type { Issue } from '../../src/lib/core/result';
import { EXIT, printIssues, readJson, readMeta, readReview, readText, table } from './io';

interface Options {
	json: boolean;
	review?: string;
	meta?: string;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Runs the objectives coverage over notes files and pack files; returns the exit code. */
export async function runObjectives(
	files: string[],
	objectivesFile: string,
	options: Options
): Promise<number> {
	const failWith = (errors: Issue[]) => {
		if (options.json) console.log(JSON.stringify({ ok: false, errors }, null, 2));
		else printIssues(errors);
		return EXIT.invalid;
	};
	if (files.length === 0) {
		console.error('deckhand coverage: give one or more notes or pack files.');
		return EXIT.usage;
	}
	const raw = readJson(objectivesFile);
	if (!raw.ok) return failWith(raw.errors);
	const objectives = parseObjectives(raw.value);
	if (!objectives.ok)
		return failWith(objectives.errors.map((e) => ({ ...e, path: `${objectivesFile}: ${e.path}` })));
	let review: Review = { errata: [], intents: {}, overlaps: [], misconceptions: [], noted: [] };
	if (options.review) {
		const r = readReview(options.review);
		if (!r.ok) return failWith(r.errors);
		review = r.value;
	}
	let domains: Record<string, string> = {};
	if (options.meta) {
		const m = readMeta(options.meta);
		if (!m.ok) return failWith(m.errors);
		domains = m.value.domains ?? {};
	}
	const cards: TaggedCard[] = [];
	const notes: string[] = [];
	for (const file of files) {
		if (file.endsWith('.json')) {
			const j = readJson(file);
			if (!j.ok) return failWith(j.errors);
			const p = parsePackEnvelope(j.value);
			if (!p.ok) return failWith(p.errors.map((e) => ({ ...e, path: `${file}: ${e.path}` })));
			const sections = new Map(p.value.pack.sections.map((s) => [s.id, s.domain]));
			for (const card of p.value.pack.cards)
				cards.push({ card, sectionDomain: sections.get(card.sectionId) });
		} else {
			const t = readText(file);
			if (!t.ok) return failWith(t.errors);
			notes.push(t.value);
		}
	}
	if (notes.length > 0) {
		const g = generatePack(
			notes.join('\n\n'),
			{ id: 'coverage', title: 'Coverage', version: 1, createdAt: '2000-01-01T00:00:00.000Z', domains },
			review
		);
		if (!g.ok) return failWith(g.errors);
		const sections = new Map(g.value.pack.sections.map((s) => [s.id, s.domain]));
		for (const card of g.value.pack.cards) cards.push({ card, sectionDomain: sections.get(card.sectionId) });
	}
	const cov = objectiveCoverage(objectives.value, cards);
	if (options.json) {
		console.log(
			JSON.stringify(
				{
					ok: cov.ok,
					exam: objectives.value.exam,
					objectives: cov.rows.map((r) => ({
						id: r.objective.id,
						domain: r.objective.domain,
						title: r.objective.title,
						demonstrate: r.objective.demonstrate,
						priority: r.objective.priority,
						cards: r.cards,
						exercises: r.exercises,
						ok: r.ok
					})),
					domains: cov.domains.map((d) => ({ ...d.domain, cards: d.cards, share: d.share })),
					uncovered: cov.uncovered,
					lackingExercise: cov.lackingExercise,
					unknown: cov.unknown,
					untagged: cov.untagged
				},
				null,
				2
			)
		);
		return cov.ok ? EXIT.ok : EXIT.coverage;
	}
	const rows = cov.rows.map((r) => [
		r.objective.id,
		r.objective.domain,
		r.objective.title.length > 60 ? `${r.objective.title.slice(0, 59)}…` : r.objective.title,
		String(r.cards),
		String(r.exercises),
		r.objective.demonstrate ? 'yes' : '',
		r.objective.priority === 'not-in-exam' ? 'n/a' : r.ok ? 'yes' : 'NO'
	]);
	for (const l of table(['Objective', 'Domain', 'Title', 'Cards', 'Exercises', 'Demonstrate', 'OK'], rows))
		console.log(l);
	console.log('');
	const drows = cov.domains.map((d) => [d.domain.title, pct(d.domain.weight), String(d.cards), pct(d.share)]);
	for (const l of table(['Domain', 'Weight', 'Cards', 'Share of cards'], drows)) console.log(l);
	console.log('');
	console.log(`Objectives without cards (${cov.uncovered.length}): ${cov.uncovered.join(', ') || 'none'}`);
	console.log(
		`Demonstrate objectives without an exercise or scenario (${cov.lackingExercise.length}): ${cov.lackingExercise.join(', ') || 'none'}`
	);
	if (cov.unknown.length)
		console.log(
			`Tags naming no objective: ${cov.unknown.map((u) => `${u.objective} (${u.cards})`).join(', ')}`
		);
	console.log(`In-exam cards without an objective tag: ${cov.untagged}`);
	console.log(cov.ok ? 'All targets met.' : 'Some targets NOT met.');
	return cov.ok ? EXIT.ok : EXIT.coverage;
}
