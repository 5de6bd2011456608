// Coverage of the DCA exam by the built-in packs: cards per domain and per objective, the objectives
// without cards, and what the exam simulation draws per domain over 100 exams. Prints figures only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import {
	examConfig,
	examDomainOf,
	examPool,
	isExamKind,
	startExam,
	type ExamSource
} from '../src/lib/core/exam';
import { DCA_DOMAINS } from '../src/lib/core/pack/domains';
import { objectiveCoverage, parseObjectives, type TaggedCard } from '../src/lib/core/pack/objectives';
import { parsePack } from '../src/lib/core/pack/parse';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const packs = readdirSync('questions')
	.filter((f) => f.endsWith('.pack.json'))
	.sort()
	.map((f) => {
		const r = parsePack(JSON.parse(readFileSync(`questions/${f}`, 'utf8')));
		if (!r.ok) throw new Error(`${f}: ${JSON.stringify(r.errors.slice(0, 3))}`);
		return r.value;
	});
console.log(`packs: ${packs.map((p) => `${p.id} v${p.version} (${p.cards.length} cards)`).join(', ')}`);

const tagged: TaggedCard[] = [];
const sources: ExamSource[] = [];
let beyond = 0;
for (const p of packs) {
	const sections = new Map(p.sections.map((s) => [s.id, s]));
	for (const card of p.cards) {
		const section = sections.get(card.sectionId);
		tagged.push({ card, sectionDomain: section?.domain });
		const domain = examDomainOf(card, section?.domain);
		if (domain === undefined) beyond += 1;
		else if (isExamKind(card))
			sources.push({ packId: p.id, card, sectionTitle: section?.title ?? '', domain });
	}
}

// In-exam cards that carry no objective tag cannot count in readiness by objective.
for (const p of packs) {
	const sections = new Map(p.sections.map((s) => [s.id, s]));
	const inExam = p.cards.filter((c) => examDomainOf(c, sections.get(c.sectionId)?.domain) !== undefined);
	console.log(
		`  ${p.id}: ${inExam.length} in-exam cards, ${inExam.filter((c) => !c.objectives?.length).length} without an objective tag`
	);
}

const perDomain = new Map<string, number>();
for (const { card, sectionDomain } of tagged) {
	const d = examDomainOf(card, sectionDomain);
	if (d === undefined) continue;
	perDomain.set(d ?? '(no domain)', (perDomain.get(d ?? '(no domain)') ?? 0) + 1);
}
const inExam = [...perDomain.values()].reduce((a, b) => a + b, 0);
console.log(`\ncards per domain (in-exam ${inExam}, beyond the exam ${beyond}):`);
for (const d of DCA_DOMAINS)
	console.log(
		`  ${d.title.padEnd(42)} weight ${pct(d.weight).padStart(6)}  cards ${String(perDomain.get(d.id) ?? 0).padStart(4)}  share ${pct((perDomain.get(d.id) ?? 0) / Math.max(1, inExam)).padStart(6)}`
	);
if (perDomain.has('(no domain)'))
	console.log(`  (no domain)${' '.repeat(31)} cards ${perDomain.get('(no domain)')}`);

const objectivesFile = 'questions/dca-objectives.json';
if (!existsSync(objectivesFile))
	console.log(`\n${objectivesFile} is not there yet: no figures per objective.`);
else {
	const o = parseObjectives(JSON.parse(readFileSync(objectivesFile, 'utf8')));
	if (!o.ok) throw new Error(JSON.stringify(o.errors));
	const cov = objectiveCoverage(o.value, tagged);
	console.log(`\ncards per objective (${o.value.objectives.length} objectives):`);
	for (const r of cov.rows)
		console.log(
			`  ${r.objective.id.padEnd(5)} ${String(r.cards).padStart(4)} cards, ${String(r.exercises).padStart(3)} exercises/scenarios${r.objective.priority === 'not-in-exam' ? '  (not in the exam)' : r.ok ? '' : '  below target'}`
		);
	console.log(`objectives without cards: ${cov.uncovered.length} (${cov.uncovered.join(', ') || 'none'})`);
	console.log(
		`demonstrate objectives without an exercise or scenario: ${cov.lackingExercise.length} (${cov.lackingExercise.join(', ') || 'none'})`
	);
}

const pool = examPool(sources, DCA_DOMAINS);
const byKind = new Map<string, number>();
for (const s of sources) byKind.set(s.card.kind, (byKind.get(s.card.kind) ?? 0) + 1);
console.log(
	`\nexam pool: ${pool.total} questions (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}); per domain: ${pool.byDomain.map((d) => `${d.id} ${d.count}`).join(', ')}${pool.untagged ? `, no domain ${pool.untagged}` : ''}`
);

const N = 100;
const seen: Set<string>[] = [];
const drawn = new Map<string, number>();
const forms = new Map<string, number>();
const now = Date.UTC(2026, 10, 29);
let questions = 0;
let t = performance.now();
for (let seed = 1; seed <= N; seed++) {
	const exam = startExam(sources, DCA_DOMAINS, examConfig(), seed, now);
	seen.push(new Set(exam.items.map((item) => `${item.candidate.packId}/${item.candidate.card.id}`)));
	for (const item of exam.items) {
		const d = item.candidate.domain ?? '(no domain)';
		drawn.set(d, (drawn.get(d) ?? 0) + 1);
		forms.set(item.kind, (forms.get(item.kind) ?? 0) + 1);
		questions += 1;
	}
}
t = performance.now() - t;
console.log(
	`\nexam draw over ${N} exams of 55 (${sources.length} in-exam questions to draw from; ${(t / N).toFixed(2)} ms per draw):`
);
for (const d of DCA_DOMAINS)
	console.log(
		`  ${d.title.padEnd(42)} weight ${pct(d.weight).padStart(6)}  drawn ${pct((drawn.get(d.id) ?? 0) / questions).padStart(6)}  (${((drawn.get(d.id) ?? 0) / N).toFixed(2)} per exam)`
	);
if (drawn.has('(no domain)'))
	console.log(`  (no domain) drawn ${pct(drawn.get('(no domain)')! / questions)}`);
console.log(
	`  forms: ${[...forms].map(([k, n]) => `${k === 'mcq' ? 'multiple choice' : k === 'multi' ? 'multiple select' : 'DOMC'} ${pct(n / questions)}`).join(', ')}`
);
// Repeats a learner meets: questions of one exam already asked in the one before, and how many different
// questions five exams in a row show.
let again = 0;
for (let i = 1; i < seen.length; i++) again += [...seen[i]!].filter((k) => seen[i - 1]!.has(k)).length;
const five = new Set(seen.slice(0, 5).flatMap((x) => [...x])).size;
console.log(
	`  repeats: ${(again / (seen.length - 1)).toFixed(1)} of 55 questions were also in the exam before; five exams in a row show ${five} different questions of ${5 * 55}`
);
