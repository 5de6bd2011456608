/**
 * Quality rules that forbid, on the built-in Docker pack and on plain Git notes: no card worded about the
 * document, no heading as an option or prefix, no location-only or tautological explanation, a reason on
 * every card and option, no duplicates, blanks worth filling, and no erratum taught without its note.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadComposeValidator } from '$lib/core/answer/compose-schema';
import { parseReview } from '$lib/core/generate/errata';
import { generatePack, type Generated } from '$lib/core/generate/index';
import {
	aboutDocument,
	blankKind,
	capitalisedCode,
	clumsyQuestion,
	hasReason,
	locationOnly,
	notStandalone,
	questionKey,
	restates,
	unaskedFlags,
	uninferableCloze
} from '$lib/core/generate/quality';
import { hintNeeded } from '$lib/core/generate/cards';
import { cardText } from '$lib/core/pack/browse';
import type { Card, Pack } from '$lib/core/pack/types';
import { qualityViolations } from './quality';

const read = (p: string) => readFileSync(p, 'utf8');
const parsedReview = parseReview(JSON.parse(read('questions/docker-guide.review.json')));
if (!parsedReview.ok) throw new Error(JSON.stringify(parsedReview.errors));
const review = parsedReview.value;
const docker = (JSON.parse(read('questions/docker-guide.pack.json')) as { pack: Pack }).pack;
const dca = (JSON.parse(read('questions/dca.pack.json')) as { pack: Pack }).pack;

function generated(file: string): Generated {
	const r = generatePack(read(file), {
		id: 'notes',
		title: 'Notes',
		version: 1,
		createdAt: '2026-01-01T00:00:00.000Z'
	});
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}
const git = generated('tests/fixtures/notes/git.md').pack;
const networks = generated('tests/fixtures/notes/networks.md').pack;

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

describe('reasons in the built-in Docker pack', () => {
	it('explains every card with a real reason, never by restating it ("`cmd` does this: …", "The gelf logging driver sends …")', () => {
		expect(docker.cards.filter((c) => restates(c)).map((c) => `${c.id}: ${c.why}`)).toEqual([]);
		expect(docker.cards.filter((c) => !hasReason(c)).map((c) => c.id)).toEqual([]);
	});

	it('does not count a restatement as a reason', () => {
		const card = docker.cards.find((c) => c.kind === 'command-type');
		if (!card) throw new Error('no command card');
		expect(hasReason(card)).toBe(true);
		const tautology = { ...card, why: `\`${card.source.text}\` does this: ${card.source.text}.` } as Card;
		expect(restates(tautology)).toBe(true);
		expect(hasReason(tautology)).toBe(false);
	});
});

describe.each([
	['the built-in Docker pack', docker],
	['Git notes without marks', git],
	['small networks notes', networks]
])('%s', (_name, pack) => {
	const headings = pack.sections.flatMap((s) => [s.title, ...s.subsections]);

	it('has no card worded about the document and no heading as an option or prefix', () => {
		expect(pack.cards.filter((c) => aboutDocument(c, headings)).map((c) => cardText(c).question)).toEqual([]);
	});

	it('gives every card a reason, and every multiple-choice and DOMC option its own (or, where the notes give none, only a restatement, which is not counted as a reason)', () => {
		expect(pack.cards.filter((c) => !hasReason(c) && !restates(c)).map((c) => c.id)).toEqual([]);
	});

	it('never explains by location, never explains a statement with itself', () => {
		for (const c of pack.cards) {
			expect(locationOnly(c.why ?? ''), c.id).toBe(false);
			if (c.kind === 'truefalse') {
				const body = c.explanation.replace(/^(True|False):\s*/, '');
				expect(norm(body), c.id).not.toBe(norm(c.statement));
			}
		}
	});

	it('has no two cards with the same question and answer', () => {
		const keys = pack.cards.map(questionKey);
		expect(keys.length - new Set(keys).size).toBe(0);
	});

	it('tags every card with the fact it tests; forward and reverse flashcards are siblings', () => {
		for (const c of pack.cards) expect(c.fact, c.id).toMatch(/^f-/);
		const flash = pack.cards.filter((c) => c.kind === 'flashcard');
		for (const c of flash) {
			const siblings = flash.filter((x) => x.fact === c.fact);
			expect(siblings.length, c.id).toBeLessThanOrEqual(2);
		}
	});

	it('blanks only what teaches: no version pin, no bare number, never the word docker', () => {
		expect(pack.cards.length).toBeGreaterThan(0);
		for (const c of pack.cards) {
			if (c.kind !== 'cloze' && c.kind !== 'command-fill' && c.kind !== 'config-fill') continue;
			// A pinned image the prompt names in full ("starts the image from `alpine:3`") is inferable.
			if (c.kind === 'config-fill' && c.prompt.includes(c.answer.replace(/^FROM\s+/, '').trim())) continue;
			expect(['version pin', 'docker', 'number'], `${c.id}: ${c.answer}`).not.toContain(
				blankKind(c.answer, c.kind)
			);
		}
	});

	it('asks for word order only on commands of five tokens or more, always with distractors', () => {
		expect(pack.cards.length).toBeGreaterThan(0);
		for (const c of pack.cards) {
			if (c.kind !== 'command-order') continue;
			expect(c.tokens.length, c.id).toBeGreaterThanOrEqual(5);
			expect(c.distractors.length, c.id).toBeGreaterThan(0);
		}
	});

	it('uses distractors of one kind: the options of a multiple choice are all terms, never headings', () => {
		expect(pack.cards.length).toBeGreaterThan(0);
		for (const c of pack.cards) {
			if (c.kind !== 'mcq') continue;
			expect(
				c.options.filter((o) => headings.includes(o)),
				c.id
			).toEqual([]);
			expect(c.stem.endsWith('?'), c.id).toBe(true);
		}
	});
});

describe.each([
	['the built-in Docker pack', docker],
	['the built-in DCA pack', dca],
	['Git notes without marks', git],
	['small networks notes', networks]
])('%s reads as an exam item', (_name, pack) => {
	it('asks about a term in plain English: no descriptive category pasted after it, no "What is the VOLUME?", no name in lower case', () => {
		expect(pack.cards.length).toBeGreaterThan(0);
		expect(
			pack.cards.flatMap((c) => {
				const why = clumsyQuestion(c);
				return why ? [`${why}: ${cardText(c).question}`] : [];
			})
		).toEqual([]);
	});

	it('never starts a sentence with a capitalised command or an instruction read as a noun ("Docker node ls shows", "The LABEL adds")', () => {
		expect(pack.cards.flatMap((c) => capitalisedCode(c).map((s) => `${c.id}: ${s}`))).toEqual([]);
	});

	it('asks in the task for every flag a learner could not guess: -d ("in the background"), --rm, -it', () => {
		expect(
			pack.cards.flatMap((c) =>
				unaskedFlags(c).map((f) => `${c.id}: ${f} in "${c.kind === 'command-type' ? c.prompt : ''}"`)
			)
		).toEqual([]);
	});

	it('never repeats the verdict in a true/false explanation (the app already shows "True." or "False.")', () => {
		expect(
			pack.cards
				.filter((c) => c.kind === 'truefalse' && /^(True|False)\b/.test(c.explanation))
				.map((c) => c.id)
		).toEqual([]);
	});

	it('asks no flashcard whose question is a multiple-choice stem of the same pack', () => {
		const stems = new Set(pack.cards.flatMap((c) => (c.kind === 'mcq' ? [norm(c.stem)] : [])));
		expect(
			pack.cards.flatMap((c) => (c.kind === 'flashcard' && stems.has(norm(c.front)) ? [c.front] : []))
		).toEqual([]);
	});

	it('blanks in a cloze only what the sentence lets one infer: no whole command, no blank that ends a lead-in', () => {
		expect(
			pack.cards.flatMap((c) => {
				const why = uninferableCloze(c);
				return why ? [`${why}: ${c.kind === 'cloze' ? c.before + '____' + c.after : ''}`] : [];
			})
		).toEqual([]);
	});
});

describe.each([
	['the built-in Docker pack', docker],
	['the built-in DCA pack', dca],
	['Git notes without marks', git],
	['small networks notes', networks]
])('%s: every statement stands alone', (_name, pack) => {
	it('never pastes a heading in as the subject of a sentence, and no sentence leans on the line before it', () => {
		expect(
			pack.cards.flatMap((c) => {
				const why = notStandalone(c);
				return why ? [`${why}: ${cardText(c).question}`] : [];
			})
		).toEqual([]);
	});
});

describe('the quality checks catch the patterns they forbid', () => {
	it('hands over a value only when the task cannot say it: never the value the card tests, a boolean or one the task names', () => {
		const t = (cmd: string) => cmd.split(' ');
		const cmd = 'docker service update --update-failure-action rollback web';
		expect(hintNeeded('rollback', t(cmd), 'Make web roll back when an update fails.')).toBe(false);
		expect(
			hintNeeded('8080:80', t('docker run -d -p 8080:80 nginx'), 'Publish host port 8080 to port 80.')
		).toBe(false);
		expect(hintNeeded('false', t('docker stack deploy --detach=false app'), 'Deploy and wait.')).toBe(false);
		expect(
			hintNeeded("'{{json .Config.Env}}'", t("docker inspect -f '{{json .Config.Env}}' web"), 'Show the env.')
		).toBe(true);
	});

	it('flags -d in an answer whose task does not say "in the background"', () => {
		const card = docker.cards.find((c) => c.kind === 'command-type')!;
		const run = { ...card, prompt: 'Run nginx as web.', answer: 'docker run -d --name web nginx' } as Card;
		expect(unaskedFlags(run)).toEqual(['-d']);
		expect(unaskedFlags({ ...run, prompt: 'Run nginx as web in the background.' } as Card)).toEqual([]);
	});

	const flash = (front: string, text: string) =>
		({ ...docker.cards.find((c) => c.kind === 'flashcard')!, front, source: { section: 'S', text } }) as Card;
	it('flags a pasted category, an instruction read as "the X" and a lower-cased name; passes a variant category', () => {
		expect(
			clumsyQuestion(flash('What is the quorum Raft concept?', 'quorum (Raft concept): a majority'))
		).toMatch(/category/);
		expect(clumsyQuestion(flash('What is the VOLUME?', 'VOLUME: declares a mount point'))).not.toBe(null);
		expect(clumsyQuestion(flash('What is the raft?', 'Raft (consensus algorithm): the algorithm'))).toMatch(
			/lower case/
		);
		expect(
			clumsyQuestion(flash('What is the bridge network driver?', 'bridge (network driver): the default'))
		).toBe(null);
		expect(
			clumsyQuestion(flash('What does the `VOLUME` instruction do?', 'VOLUME: declares a mount point'))
		).toBe(null);
	});

	it('flags a capitalised command and "The LABEL adds", and passes code in backticks', () => {
		const card = (why: string) => ({ ...docker.cards[0]!, why }) as Card;
		expect(capitalisedCode(card('Docker node ls shows Leader.'))).toHaveLength(1);
		expect(capitalisedCode(card('It is fine. The LABEL adds metadata.'))).toHaveLength(1);
		expect(capitalisedCode(card('`docker node ls` shows Leader; Docker volume plugins store data.'))).toEqual(
			[]
		);
	});
});

describe('the built-in Docker pack, keys and errata', () => {
	const r = generatePack(
		read('questions/sources/docker-guide.md'),
		JSON.parse(read('questions/docker-guide.meta.json')),
		review
	);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	const { origins } = r.value;

	it('keys a statement false, or an option wrong, only from a category swap, the author or the review', () => {
		for (const c of r.value.pack.cards) {
			const keyedFalse =
				(c.kind === 'truefalse' && !c.answer) ||
				c.kind === 'mcq' ||
				(c.kind === 'domc' && c.options.some((o) => !o.correct));
			if (keyedFalse) expect(['category swap', 'author', 'review'], c.id).toContain(origins[c.id]);
		}
		const kinds = new Set(Object.values(origins));
		expect(kinds).toEqual(new Set(['category swap', 'author', 'review']));
	});

	it('handles every erratum of guide-review.md: applied by a match, or noted', () => {
		const ids = [
			'X1',
			'X2',
			...Array.from({ length: 11 }, (_, i) => `O${i + 1}`),
			...Array.from({ length: 9 }, (_, i) => `W${i + 1}`),
			...Array.from({ length: 10 }, (_, i) => `I${i + 1}`)
		];
		expect(ids).toHaveLength(32);
		const handled = new Set([
			...review.errata.map((e) => /^[A-Z]\d+/.exec(e.id)![0]),
			...review.noted.map((n) => n.id)
		]);
		expect(ids.filter((id) => !handled.has(id))).toEqual([]);
		expect(r.value.unusedErrata).toEqual([]);
	});

	it("never teaches an erratum's outdated form unless the card carries the correction note", () => {
		const taught = (c: Card): string => {
			switch (c.kind) {
				case 'flashcard':
					return `${c.front}\n${c.back}`;
				case 'mcq':
					return `${c.stem}\n${c.options[c.answer]}`;
				case 'truefalse':
					return c.answer ? c.statement : '';
				case 'cloze':
					return `${c.before}${c.answer}${c.after}`;
				case 'domc':
					return [c.stem, ...c.options.filter((o) => o.correct).map((o) => o.text)].join('\n');
				case 'command-fill':
					return `${c.prompt}\n${c.command}`;
				case 'command-type':
					return `${c.prompt}\n${c.answer}`;
				case 'command-order':
					return `${c.prompt}\n${c.tokens.join(' ')}`;
				case 'config-fill':
					return `${c.prompt}\n${c.before}\n${c.answer}\n${c.after}`;
				case 'scenario':
				case 'read-output':
					return [c.question, ...c.options.filter((o) => o.correct).map((o) => o.text)].join('\n');
				case 'multi-select':
					return [c.stem, ...c.options.filter((o) => o.correct).map((o) => o.text)].join('\n');
				case 'command-sequence':
					return [c.task, ...c.steps.map((st) => `${st.prompt}\n${st.answer}`)].join('\n');
			}
		};
		const outdated = [
			...review.errata.filter((e) => e.replace !== undefined || e.drop).map((e) => e.match.trim()),
			'docker scan ',
			'docker-compose ',
			"version: '3'",
			'nginx:1.21',
			'7.14.0',
			'swarmMode',
			'google/cadvisor',
			'Google Container Registry',
			'--rollback-on-failure'
		];
		for (const c of r.value.pack.cards) {
			const text = taught(c);
			for (const o of outdated)
				if (text.includes(o)) expect(c.correction, `${c.id} teaches "${o}"`).toBeDefined();
		}
		// Errata kept as notes only (the command is right, the image or setup is the catch) are on their cards.
		for (const e of review.errata.filter((x) => x.replace === undefined && !x.drop)) {
			const cards = r.value.pack.cards.filter((c) => c.source.text.includes(e.match.split('\n')[0]!.trim()));
			for (const c of cards)
				expect(c.correction?.why, `${c.id} lacks the note of ${e.id}`).toContain(e.why.slice(0, 20));
		}
	});

	it('teaches no Compose snippet the bundled Compose validator rejects', async () => {
		const validate = await loadComposeValidator();
		const composes = r.value.pack.cards.filter((c) => c.kind === 'config-fill' && c.language === 'compose');
		expect(composes.length).toBeGreaterThan(5);
		for (const c of composes) {
			if (c.kind !== 'config-fill') continue;
			const doc = parseYaml([c.before, c.answer, c.after].filter(Boolean).join('\n'), { merge: true });
			expect(validate(doc), `${c.id}\n${c.before}\n${c.answer}\n${c.after}`).toEqual([]);
		}
	});
});

describe('fill-in-the-blank commands in both built-in packs', () => {
	it('never blank a name, removal on exit or detaching: the blank is the part that teaches', () => {
		for (const pack of [docker, dca])
			for (const c of pack.cards)
				if (c.kind === 'command-fill')
					expect(['--name', '--rm', '-d', '--detach', '-it'], c.id).not.toContain(c.answer);
	});
});

describe('the built-in DCA pack', () => {
	const r = generatePack(read('questions/sources/dca.md'), JSON.parse(read('questions/dca.meta.json')));
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	const { pack, origins } = r.value;

	it('gives every card a real reason, command sequences included (why the steps come in that order)', () => {
		expect(pack.cards.filter((c) => !hasReason(c) && !restates(c)).map((c) => c.id)).toEqual([]);
		const sequences = pack.cards.filter((c) => c.kind === 'command-sequence');
		expect(sequences.length).toBeGreaterThanOrEqual(14);
		expect(sequences.filter((c) => !hasReason(c)).map((c) => c.id)).toEqual([]);
	});

	it('has no two cards with the same question and answer, and tags every card with the fact it tests', () => {
		const keys = pack.cards.map(questionKey);
		expect(keys.length - new Set(keys).size).toBe(0);
		expect(pack.cards.filter((c) => !/^f-/.test(c.fact ?? '')).map((c) => c.id)).toEqual([]);
	});

	it('breaks none of the checkable rules: answer in the prompt, repeated options, options that are not things of the notes', () => {
		expect(qualityViolations(pack)).toEqual([]);
	});

	it('asks "Which of the following is true?" with one true statement of a subsection against false ones of the same subsection, each false one used at most twice', () => {
		const asked = pack.cards.filter(
			(c) => (c.kind === 'mcq' || c.kind === 'domc') && c.stem.startsWith('Which of the following is true?')
		);
		expect(asked.length).toBeGreaterThan(20);
		const statements = new Map(
			pack.cards.flatMap((c) =>
				c.kind === 'truefalse' ? [[`${c.source.subsection}|${c.statement}`, c]] : []
			)
		);
		const uses = new Map<string, number>();
		for (const c of asked) {
			const options =
				c.kind === 'mcq'
					? c.options.map((text, i) => ({ text, correct: i === c.answer }))
					: c.kind === 'domc'
						? c.options
						: [];
			expect(
				options.filter((o) => o.correct),
				c.id
			).toHaveLength(1);
			for (const o of options) {
				const tf = statements.get(`${c.source.subsection}|${o.text}`);
				expect(tf?.kind === 'truefalse' && tf.answer, `${c.id}: ${o.text}`).toBe(o.correct);
				const key = `${c.source.subsection}|${o.text}`;
				if (!o.correct) uses.set(key, (uses.get(key) ?? 0) + 1);
			}
		}
		expect([...uses.values()].every((n) => n <= 2)).toBe(true);
	});

	it('says how many to choose once, and gives sequence steps as plain instructions', () => {
		for (const c of pack.cards) {
			const asked =
				c.kind === 'multi-select' ? c.stem : c.kind === 'scenario' ? `${c.situation} ${c.question}` : null;
			if (asked !== null)
				expect((asked.match(/choose (two|three|\d)/gi) ?? []).length, c.id).toBeLessThanOrEqual(1);
			if (c.kind === 'command-sequence')
				for (const step of c.steps) expect(step.prompt, c.id).toMatch(/^(?!step\b)[A-Z`]/);
		}
	});

	it('never gives a "Which of the following is true?" answer away by length or by another question of its subsection', () => {
		const asked = pack.cards.flatMap((c) =>
			(c.kind === 'mcq' || c.kind === 'domc') && c.stem.startsWith('Which of the following is true?')
				? [
						{
							c,
							options:
								c.kind === 'mcq' ? c.options.map((text, i) => ({ text, correct: i === c.answer })) : c.options
						}
					]
				: []
		);
		for (const { c, options } of asked) {
			const key = options.find((o) => o.correct)!.text.length;
			const longestWrong = Math.max(...options.filter((o) => !o.correct).map((o) => o.text.length));
			// The answer is the clearly longest option: a tell, not a question.
			expect(key > longestWrong && longestWrong < 0.85 * key, c.id).toBe(false);
		}
		// Two questions of one subsection share at most one wrong option.
		for (const [i, a] of asked.entries())
			for (const b of asked.slice(i + 1)) {
				if (a.c.source.subsection !== b.c.source.subsection) continue;
				const wrongA = new Set(a.options.filter((o) => !o.correct).map((o) => o.text));
				const shared = b.options.filter((o) => !o.correct && wrongA.has(o.text)).length;
				expect(shared, `${a.c.id} and ${b.c.id}`).toBeLessThanOrEqual(1);
			}
	});

	it('keys an option wrong only from a category swap, the author or the review', () => {
		for (const c of pack.cards) {
			const keyedFalse =
				(c.kind === 'truefalse' && !c.answer) ||
				c.kind === 'mcq' ||
				(c.kind === 'domc' && c.options.some((o) => !o.correct));
			if (keyedFalse) expect(['category swap', 'author', 'review'], c.id).toContain(origins[c.id]);
		}
	});
});
