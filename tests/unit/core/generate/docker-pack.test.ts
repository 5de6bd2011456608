import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReview } from '$lib/core/generate/errata';
import { generatePack, type NotesMeta } from '$lib/core/generate/index';
import { parsePackEnvelope, serializePack } from '$lib/core/pack/parse';
import type { Card } from '$lib/core/pack/types';
import { qualityViolations } from './quality';

const read = (p: string) => readFileSync(p, 'utf8');
const committed = read('questions/docker-guide.pack.json');
const review = parseReview(JSON.parse(read('questions/docker-guide.review.json')));
const meta = JSON.parse(read('questions/docker-guide.meta.json')) as NotesMeta;

function regenerate() {
	if (!review.ok) throw new Error(JSON.stringify(review.errors));
	const r = generatePack(read('questions/sources/docker-guide.md'), meta, review.value);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}

describe('the built-in Docker pack', { timeout: 60_000 }, () => {
	const generated = regenerate();

	it('is up to date: regenerating from questions/ gives the committed file byte for byte', () => {
		// If this fails, run: npm run questions
		expect(serializePack(generated.pack)).toBe(committed);
	});

	it('parses with the pack schema', () => {
		const r = parsePackEnvelope(JSON.parse(committed));
		expect(r.ok).toBe(true);
	});

	it('meets the coverage targets: 9 sections, 48 subsections, 63 commands, 15 snippets', () => {
		const { totals, ok, rows } = generated.coverage;
		expect(totals.sections).toBe(9);
		expect(totals.subsections).toBe(48);
		// 62 commands of the guide, and the step that publishes port 80 on the green service (erratum W1).
		expect(totals.commands).toBe(63);
		expect(totals.commandsCovered).toBe(63);
		// 18 snippets less the three one-line `FROM alpine:3` / distroless / scratch ones, which make no config card.
		expect(totals.snippets).toBe(15);
		expect(totals.snippetsCovered).toBe(15);
		expect(rows.filter((r) => !r.ok)).toEqual([]);
		expect(ok).toBe(true);
	});

	it('tags every section and every card with a DCA domain or "beyond"', () => {
		expect(generated.pack.sections.filter((s) => !s.domain).map((s) => s.title)).toEqual([]);
		expect(generated.pack.cards.filter((c) => !c.domain).map((c) => c.id)).toEqual([]);
		const ecosystem = generated.pack.cards.filter((c) => c.source.section === 'Alternatives and Ecosystem');
		expect(ecosystem.every((c) => c.domain === 'beyond')).toBe(true);
		const devWorkflow = generated.pack.cards.filter(
			(c) => c.source.subsection === 'Compose for Development Workflows'
		);
		expect(devWorkflow.length).toBeGreaterThan(0);
		expect(devWorkflow.every((c) => c.domain === 'beyond')).toBe(true);
	});

	it('tags every in-exam card with DCA objectives of the objectives file, so readiness by objective counts it', () => {
		const known = new Set(
			(JSON.parse(read('questions/dca-objectives.json')) as { objectives: { id: string }[] }).objectives.map(
				(o) => o.id
			)
		);
		const inExam = generated.pack.cards.filter((c) => c.domain !== 'beyond');
		expect(inExam.length).toBeGreaterThan(250);
		expect(inExam.filter((c) => !c.objectives?.length).map((c) => c.id)).toEqual([]);
		expect(inExam.flatMap((c) => c.objectives ?? []).filter((o) => !known.has(o))).toEqual([]);
	});

	it('has every card kind and breaks none of the checkable quality rules', () => {
		const kinds = new Set(generated.pack.cards.map((c) => c.kind));
		expect(kinds.size).toBe(9);
		expect(qualityViolations(generated.pack)).toEqual([]);
	});

	it('applies every reviewed erratum and teaches no removed command or flag', () => {
		expect(generated.unusedErrata).toEqual([]);
		const taught = (c: Card) =>
			c.kind === 'command-type'
				? c.answer
				: c.kind === 'command-fill'
					? c.command
					: c.kind === 'command-order'
						? c.tokens.join(' ')
						: c.kind === 'config-fill'
							? `${c.before}\n${c.answer}\n${c.after}`
							: '';
		const all = generated.pack.cards.map(taught).join('\n');
		for (const removed of [
			'docker scan ',
			'--rollback-on-failure',
			'docker-compose ',
			"version: '3'",
			'image: google/cadvisor',
			'swarmMode'
		]) {
			expect(all).not.toContain(removed);
		}
		const scout = generated.pack.cards.find(
			(c) => c.kind === 'command-type' && c.answer.startsWith('docker scout')
		);
		expect(scout?.correction?.guide).toBe('docker scan myimage:latest');
	});

	it('keeps true and false statements in balance', () => {
		const tf = generated.pack.cards.filter((c) => c.kind === 'truefalse');
		const falses = tf.filter((c) => c.kind === 'truefalse' && !c.answer).length;
		expect(falses / tf.length).toBeGreaterThan(0.3);
		expect(falses / tf.length).toBeLessThan(0.7);
	});
});
