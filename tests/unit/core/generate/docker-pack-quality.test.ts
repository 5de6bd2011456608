/** Property tests over the built-in Docker pack for the rules of QUESTION_QUALITY.md fixed in the quality pass. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flagsOf, readCommand } from '$lib/core/answer/cli-model';
import { sameFact } from '$lib/core/generate/cards';
import { parseReview } from '$lib/core/generate/errata';
import { readNotes } from '$lib/core/generate/notes';
import type { Card, Pack } from '$lib/core/pack/types';

const pack = (JSON.parse(readFileSync('questions/docker-guide.pack.json', 'utf8')) as { pack: Pack }).pack;
const notes = readNotes(readFileSync('questions/sources/docker-guide.md', 'utf8'));
const parsedReview = parseReview(JSON.parse(readFileSync('questions/docker-guide.review.json', 'utf8')));
if (!parsedReview.ok) throw new Error(JSON.stringify(parsedReview.errors));
const review = parsedReview.value;

/** Subsections of a section (other than `own`) that state the same fact or that a reviewed overlap names. */
function alsoTrueOf(section: string, own: string, fact: string): string[] {
	const s = notes.sections.find((x) => x.title === section);
	const stated = (s?.subsections ?? [])
		.filter((x) => x.title !== own && x.facts.some((f) => sameFact(f.text, fact)))
		.map((x) => x.title);
	const reviewed = review.overlaps
		.filter((o) => (!o.section || o.section === section) && fact.includes(o.fact))
		.flatMap((o) => o.alsoTrueOf);
	return [...stated, ...reviewed];
}

const of = <K extends Card['kind']>(kind: K) =>
	pack.cards.filter((c): c is Extract<Card, { kind: K }> => c.kind === kind);

/** The docker stage of a word bank's tokens (podman reads like docker), as the checker would read it. */
function dockerStage(tokens: string[]) {
	const start = tokens.findIndex((t) => t === 'docker' || t === 'podman');
	if (start < 0) return null;
	const words = ['docker'];
	for (const t of tokens.slice(start + 1)) {
		if (['|', '>', ';', '&&', 'done'].includes(t)) break;
		words.push(t.replace(/;$/, ''));
		if (t.endsWith(';')) break;
	}
	return readCommand(words);
}

describe('the Docker pack, quality rules', () => {
	it('word-bank distractors are real flags of the same docker command that the answer does not use', () => {
		const orders = of('command-order');
		expect(orders.length).toBeGreaterThan(40);
		for (const c of orders) {
			const stage = dockerStage(c.tokens);
			if (!stage) {
				// No CLI model for this program: no made-up distractors either.
				expect(c.distractors, c.id).toEqual([]);
				continue;
			}
			const known = new Set(flagsOf(stage.path).map((f) => `--${f.long}`));
			const used = new Set(stage.flags.map((f) => `--${f.name}`));
			for (const d of c.distractors) {
				expect(known.has(d), `${c.id}: ${d} is not a flag of docker ${stage.path}`).toBe(true);
				expect(used.has(d), `${c.id}: ${d} is used by the answer`).toBe(false);
			}
		}
		const withDistractors = orders.filter((c) => c.distractors.length > 0).length;
		expect(withDistractors / orders.length).toBeGreaterThan(0.8);
	});

	it('no exercise asks the learner to type or order an angle-bracket placeholder', () => {
		const answers = pack.cards.flatMap((c) =>
			c.kind === 'command-type'
				? [c.answer]
				: c.kind === 'command-fill'
					? [c.answer]
					: c.kind === 'command-order'
						? c.tokens
						: c.kind === 'config-fill'
							? [c.answer]
							: []
		);
		expect(answers.length).toBeGreaterThan(100);
		expect(answers.filter((a) => /<[^<>\s]+>/.test(a))).toEqual([]);
		// The placeholder commands keep a fill-in exercise on a real flag.
		const fills = of('command-fill').filter((c) => c.command.includes('<driver-name>'));
		expect(fills.map((c) => c.answer).sort()).toEqual(['--grant-all-permissions', '--opt']);
	});

	it('every reviewed overlap names a fact of the guide and sibling subsections of its section', () => {
		expect(review.overlaps.length).toBeGreaterThan(0);
		for (const o of review.overlaps) {
			const s = notes.sections.find((x) => x.title === o.section);
			expect(s, o.fact).toBeDefined();
			const titles = s!.subsections.map((x) => x.title);
			expect(
				s!.subsections.some((x) => x.facts.some((f) => f.text.includes(o.fact))),
				o.fact
			).toBe(true);
			for (const t of o.alsoTrueOf) expect(titles, o.fact).toContain(t);
		}
	});

	it('no "which one" multiple choice asks a fact that a sibling subsection shares', () => {
		const byTitle = of('mcq').filter((c) => {
			const sec = pack.sections.find((s) => s.id === c.sectionId);
			return c.options.every((o) => sec?.subsections.includes(o));
		});
		expect(byTitle.length).toBeGreaterThan(30);
		for (const c of byTitle) {
			const shared = alsoTrueOf(c.source.section, c.source.subsection ?? '', c.source.text);
			expect(shared, `${c.id}: ${c.stem}`).toEqual([]);
		}
		// The known overlap "No port mapping needed" (host and macvlan) is never a "which one" question.
		expect(byTitle.some((c) => c.source.text === 'No port mapping needed')).toBe(false);
	});

	it('no true/false statement declares a fact false for a sibling it is also true of', () => {
		const falses = of('truefalse').filter((c) => !c.answer);
		expect(falses.length).toBeGreaterThan(30);
		for (const c of falses) {
			const shared = alsoTrueOf(c.source.section, c.source.subsection ?? '', c.source.text);
			for (const t of shared) expect(c.statement, c.id).not.toContain(t);
		}
	});

	it('no DOMC option marked wrong is a fact the stem subsection shares', () => {
		// Parent groups (Kubernetes vs Docker Swarm) compare points within one subsection; these compare siblings.
		for (const c of of('domc').filter((x) => !x.stem.includes('as points of'))) {
			const own = c.source.subsection ?? '';
			for (const o of c.options.filter((x) => !x.correct)) {
				const sec = notes.sections.find((s) => s.title === c.source.section);
				const ownFacts = sec?.subsections.find((x) => x.title === own)?.facts ?? [];
				expect(
					ownFacts.some((f) => sameFact(f.text, o.text)),
					`${c.id}: ${o.text}`
				).toBe(false);
				const from = sec?.subsections.find((x) => x.facts.some((f) => f.text === o.text));
				if (from)
					expect(alsoTrueOf(c.source.section, from.title, o.text), `${c.id}: ${o.text}`).not.toContain(own);
			}
		}
		expect(of('domc').length).toBeGreaterThan(20);
	});

	it('cloze blanks carry knowledge: no weak word, no clause, nothing echoed elsewhere in the sentence', () => {
		const clozes = of('cloze');
		expect(clozes.length).toBeGreaterThan(25);
		const weak = /^(latest|default|the|a|an|is|are|security implications|new|options?)$/i;
		const singular = (w: string) => w.toLowerCase().replace(/([^s])s$/, '$1');
		for (const c of clozes) {
			expect(weak.test(c.answer), `${c.id}: ${c.answer}`).toBe(false);
			// A long blank is only ever a defined term ("Exposed vs. published ports: ..."), never a clause.
			if (c.answer.split(/\s+/).length >= 3)
				expect(c.source.text.startsWith(`${c.answer}:`), c.id).toBe(true);
			const rest = new Set(`${c.before} ${c.after}`.split(/[^A-Za-z0-9-]+/).map(singular));
			const echoed = c.answer
				.split(/[^A-Za-z0-9-]+/)
				.filter((w) => w.length >= 4 && !['docker', 'container'].includes(singular(w)))
				.filter((w) => rest.has(singular(w)));
			if (!/[-./_$0-9]/.test(c.answer)) expect(echoed, `${c.id}: ${c.answer}`).toEqual([]);
		}
		// Paths, flags and files are blanked where the guide has them.
		expect(clozes.map((c) => c.answer)).toEqual(
			expect.arrayContaining(['/var/lib/docker/volumes/', '-p', '.dockerignore', '--no-cache', '5MB'])
		);
	});

	it('true/false statements are plain sentences about their subject, not pasted quotations', () => {
		const tf = of('truefalse');
		expect(tf.length).toBeGreaterThan(100);
		for (const c of tf) {
			expect(c.statement, c.id).not.toMatch(/^The guide says this about/);
			expect(c.statement, c.id).toMatch(/^[A-Z].*[.]$/);
		}
		const plain = tf.filter((c) => !/"/.test(c.statement)).length;
		expect(plain / tf.length).toBeGreaterThan(0.4);
		expect(tf.map((c) => c.statement)).toEqual(
			expect.arrayContaining([
				'Macvlan networks assign a MAC address to each container.',
				'Bridge networks are essential for Docker Swarm clustering.'
			])
		);
	});

	it('multiple choice stems are questions about the thing, quoting a fact only where no sentence can be formed', () => {
		const mcqs = of('mcq');
		expect(mcqs.length).toBeGreaterThan(50);
		for (const c of mcqs) expect(c.stem, c.id).toMatch(/^[A-Z].*\?$/);
		// The quoted fallbacks are left for noun phrases and lists ("Tools: ArgoCD, Flux, Jenkins X").
		const quoted = mcqs.filter((c) => /does the guide say|does this describe|is described as "/.test(c.stem));
		expect(quoted.length).toBeLessThanOrEqual(16);
		for (const c of quoted) expect(c.stem, c.id).not.toMatch(/"(Uses|Use|Run|Create|Maps|Stores) /);
		expect(mcqs.map((c) => c.stem)).toEqual(
			expect.arrayContaining([
				'In Container Optimization, which of these uses multiple FROM statements in a Dockerfile?',
				'In Monitoring and Logging, which of these creates custom dashboards for container performance?',
				'Which type of network is the default network type in Docker?',
				'In Docker Security, which of these uses digital signatures to verify images?'
			])
		);
	});

	it('true/false statements join a term or heading to its fact as a sentence wherever the fact allows', () => {
		const tf = of('truefalse');
		const described = tf.filter((c) => /is described as "/.test(c.statement));
		const points = tf.filter((c) => /One of the guide's points about/.test(c.statement));
		expect(described.length).toBeLessThanOrEqual(20);
		expect(points.length).toBeLessThanOrEqual(22);
		// A fact that starts with a verb always makes a sentence with its subject.
		for (const c of [...described, ...points])
			expect(c.statement, c.id).not.toMatch(
				/"(Uses|Sends|Creates|Ensures|Provides|Maps|Stores|Default [a-z]) /
			);
		// Agreement: a plural heading never takes a singular verb ("Bridge Networks creates").
		for (const c of tf)
			expect(c.statement, c.id).not.toMatch(/^[A-Z][a-z]+ (networks|mounts|builds|drivers) [a-z]+s /);
		expect(tf.map((c) => c.statement)).toEqual(
			expect.arrayContaining([
				'Bridge networks are the default network type in Docker.',
				'Overlay networks use VXLAN encapsulation for traffic.',
				'Network isolation controls which containers can communicate.',
				'In Logging Drivers, syslog sends logs to syslog.',
				'Buildah can build without Dockerfile.'
			])
		);
	});

	it('asks for the key points of a subsection only when it has at most three', () => {
		const summaries = of('flashcard').filter((c) => /^What are the key points of /.test(c.front));
		expect(summaries.length).toBeGreaterThan(10);
		for (const c of summaries) {
			const facts = c.source.text.split('\n').length;
			expect(facts, c.id).toBeLessThanOrEqual(3);
		}
	});

	it('config exercises blank lines that teach and ask for them by their role', () => {
		const configs = of('config-fill');
		expect(configs.length).toBeGreaterThanOrEqual(18);
		const imageLines = configs.filter((c) => /^\s*image:/.test(c.answer));
		expect(imageLines.length).toBeLessThanOrEqual(3);
		const asked = configs.filter((c) => c.prompt.startsWith('Which '));
		expect(asked.length / configs.length).toBeGreaterThan(0.6);
		for (const c of asked)
			expect(c.prompt, c.id).toMatch(/^Which [^?]+\? Fill in the missing lines? of this /);
		expect(configs.map((c) => c.answer.trim())).toEqual(
			expect.arrayContaining(['COPY --from=build /app/dist /usr/share/nginx/html', 'condition: on-failure'])
		);
	});
});
