import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePack } from '$lib/core/generate';
import { readExercises, readTags } from '$lib/core/generate/exercises';
import { parsePack, toEnvelope } from '$lib/core/pack/parse';

const notes = readFileSync('tests/fixtures/notes/exercises.md', 'utf8');
const meta = { id: 'ex', title: 'Exercises', version: 1, createdAt: '2026-01-01T00:00:00.000Z' };

describe('readExercises', () => {
	const ex = readExercises(notes);
	const orchestration = ex.bySection.get('Orchestration') ?? [];
	const networking = ex.bySection.get('Networking') ?? [];

	it('makes a scenario with one correct option, each option with its reason, tagged by the nearest tags', () => {
		const s = orchestration.find((c) => c.kind === 'scenario');
		expect(s).toMatchObject({
			kind: 'scenario',
			situation: expect.stringContaining('0/3 replicas'),
			question: 'What is the most likely cause?',
			domain: 'orchestration',
			objectives: ['1.4', '1.5'],
			source: { section: 'Orchestration', subsection: 'Services' }
		});
		if (s?.kind !== 'scenario') throw new Error('no scenario');
		expect(s.options).toHaveLength(3);
		expect(s.options.filter((o) => o.correct).map((o) => o.text)).toEqual([
			'A placement constraint that no node satisfies'
		]);
		expect(s.options.every((o) => o.why && o.why.length > 10)).toBe(true);
	});

	it('makes a command sequence whose steps are the # step comments and their commands', () => {
		const q = orchestration.find((c) => c.kind === 'command-sequence');
		if (q?.kind !== 'command-sequence') throw new Error('no sequence');
		expect(q.steps).toEqual([
			{ prompt: 'Make this node a swarm manager.', answer: 'docker swarm init' },
			{
				prompt: 'Create an attachable overlay network named backend.',
				answer: 'docker network create --driver overlay --attachable backend'
			},
			{
				prompt: 'Run nginx as the service web with 3 replicas on backend.',
				answer: 'docker service create --name web --replicas 3 --network backend nginx'
			}
		]);
		expect(q.task).toMatch(/^Make this node a swarm manager/);
		// The nested Why line is the sequence's reason: why the steps come in this order.
		expect(q.why).toBe(
			'An overlay network needs swarm mode, and a service can join only a network that already exists.'
		);
		expect(q.fact).toMatch(/^f-/);
	});

	it('says when a sequence has no reason for its order', () => {
		const without = readExercises(
			[
				'## Orchestration',
				'',
				'- Sequence: Start a swarm, then list its nodes.',
				'',
				'```bash',
				'# step: start a swarm',
				'docker swarm init',
				'# step: list the nodes',
				'docker node ls',
				'```',
				''
			].join('\n')
		);
		const q = without.bySection.get('Orchestration')?.[0];
		expect(q?.kind).toBe('command-sequence');
		expect(q?.why).toBeUndefined();
		expect(without.issues.map((i) => i.message)).toEqual([
			'sequence "Start a swarm, then list its nodes." needs a nested "- Why: …" item that says why the steps come in this order'
		]);
	});

	it('makes a multiple-select question from two Answer lines, saying how many to choose', () => {
		const m = networking.find((c) => c.kind === 'multi-select');
		if (m?.kind !== 'multi-select') throw new Error('no multi-select');
		expect(m.stem).toMatch(/Which ports must be open between the nodes\? Choose two\.$/);
		expect(
			m.options
				.filter((o) => o.correct)
				.map((o) => o.text)
				.sort()
		).toEqual(['4789', '7946']);
		expect(m.domain).toBe('networking');
		expect(m.objectives).toBeUndefined();
	});

	it('makes a read-the-output question with the output kept verbatim', () => {
		const o = networking.find((c) => c.kind === 'read-output');
		if (o?.kind !== 'read-output') throw new Error('no read-output');
		expect(o.command).toBe('docker network ls');
		expect(o.output.split('\n')).toHaveLength(3);
		expect(o.output).toContain('7a8b9c0d1e2f   backend   overlay   swarm');
		expect(o.question).toBe('Which network spans every node of the swarm?');
		expect(o.options.find((x) => x.correct)?.text).toBe('backend');
	});

	it('tags material outside the exam as beyond, and reports marks that make no card, with their lines', () => {
		expect(ex.bySection.get('Monitoring')?.map((c) => [c.kind, c.domain])).toEqual([['scenario', 'beyond']]);
		const messages = ex.issues.map((i) => `${i.line}: ${i.message}`);
		expect(messages).toEqual([
			expect.stringMatching(/^\d+: scenario "A node is drained\." needs 2 or more "- Wrong:/),
			expect.stringMatching(
				/^\d+: sequence "Two steps without comments\.": the command "docker swarm init" needs a "# step" comment/
			),
			expect.stringMatching(/^\d+: scenario "Prometheus shows no metrics from the engine\." /)
		]);
		expect(ex.issues[0]!.line).toBe(notes.split('\n').indexOf('- Scenario: A node is drained.') + 1);
	});

	it('gives ids that depend on the source text only', () => {
		const again = readExercises(`Intro.\n\n${notes}`);
		expect([...again.bySection.values()].flat().map((c) => c.id)).toEqual(
			[...ex.bySection.values()].flat().map((c) => c.id)
		);
		const changed = readExercises(notes.replace('0/3 replicas', '0/5 replicas'));
		expect(changed.bySection.get('Orchestration')![0]!.id).not.toBe(orchestration[0]!.id);
	});

	it('reads tag paragraphs', () => {
		expect(readTags('Domain: security\nObjectives: 5.1, 5.2')).toEqual({
			domain: 'security',
			objectives: ['5.1', '5.2']
		});
		expect(readTags('Just a paragraph about domains.')).toBeNull();
	});
});

describe('generatePack with exercise marks', () => {
	it('puts the exercise cards in the pack, which parses, and reports the broken marks as unused', () => {
		const r = generatePack(notes, meta);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		const kinds = r.value.pack.cards.map((c) => c.kind);
		for (const k of ['scenario', 'multi-select', 'command-sequence', 'read-output'])
			expect(kinds).toContain(k);
		expect(parsePack(JSON.parse(JSON.stringify(toEnvelope(r.value.pack)))).ok).toBe(true);
		const seq = r.value.pack.cards.find((c) => c.kind === 'command-sequence')!;
		const section = r.value.pack.sections.find((s) => s.id === seq.sectionId);
		expect(section?.title).toBe('Orchestration');
		expect(r.value.notes.unused.some((u) => u.message.includes('A node is drained'))).toBe(true);
	});
});
