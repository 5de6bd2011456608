/**
 * The built-in Docker Certified Associate pack, once its notes are in questions/sources/dca.md: the
 * committed pack is a fresh generation, it parses, and it covers the exam's objectives. Until the notes
 * land, only the wiring is checked (the app then ships the guide pack alone).
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReview } from '$lib/core/generate/errata';
import { generatePack, type NotesMeta } from '$lib/core/generate/index';
import { objectiveCoverage, parseObjectives } from '$lib/core/pack/objectives';
import { parsePackEnvelope, serializePack } from '$lib/core/pack/parse';
import { builtInPacks } from '$lib/state/builtin';

const read = (p: string) => readFileSync(p, 'utf8');
const SOURCE = 'questions/sources/dca.md';
const present = existsSync(SOURCE);

describe('the built-in packs', () => {
	it('are the guide pack first, then the DCA pack when its notes are there', () => {
		const ids = builtInPacks().map((b) => b.id);
		expect(ids[0]).toBe('docker-guide');
		expect(ids.includes('dca')).toBe(present && existsSync('questions/dca.pack.json'));
	});
});

function regenerate() {
	const meta = JSON.parse(read('questions/dca.meta.json')) as NotesMeta;
	const reviewFile = 'questions/dca.review.json';
	const review = existsSync(reviewFile) ? parseReview(JSON.parse(read(reviewFile))) : null;
	if (review && !review.ok) throw new Error(JSON.stringify(review.errors));
	const r = generatePack(read(SOURCE), meta, review?.value ?? {});
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}

describe.runIf(present)('the built-in DCA pack', { timeout: 120_000 }, () => {
	// Generated in the first test, not while collecting: without the notes the describe is skipped.
	let generated: ReturnType<typeof regenerate>;
	// Generating 1,400 cards takes seconds; on a loaded machine more than the 10 s a hook gets by default.
	beforeAll(() => {
		generated = regenerate();
	}, 120_000);

	it('has the id dca', () => {
		expect(generated.pack.id).toBe('dca');
	});

	it('is up to date: regenerating from questions/ gives the committed file byte for byte', () => {
		// If this fails, run: npm run questions
		expect(serializePack(generated.pack)).toBe(read('questions/dca.pack.json'));
	});

	it('parses with the pack schema', () => {
		expect(parsePackEnvelope(JSON.parse(read('questions/dca.pack.json'))).ok).toBe(true);
	});

	it('covers every objective in the exam with 3 cards, and every one to demonstrate with an exercise', () => {
		const objectives = parseObjectives(JSON.parse(read('questions/dca-objectives.json')));
		if (!objectives.ok) throw new Error(JSON.stringify(objectives.errors));
		const sections = new Map(generated.pack.sections.map((s) => [s.id, s.domain]));
		const cov = objectiveCoverage(
			objectives.value,
			generated.pack.cards.map((card) => ({ card, sectionDomain: sections.get(card.sectionId) }))
		);
		expect(cov.uncovered).toEqual([]);
		expect(cov.lackingExercise).toEqual([]);
		expect(cov.unknown).toEqual([]);
		expect(cov.rows.filter((x) => !x.ok).map((x) => `${x.objective.id}: ${x.cards} cards`)).toEqual([]);
	});
});
