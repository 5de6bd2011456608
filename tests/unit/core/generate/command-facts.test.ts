import { describe, expect, it } from 'vitest';
import { generatePack } from '$lib/core/generate';
import { commandName } from '$lib/core/generate/command-facts';
import { lintNotes } from '$lib/core/generate/lint';
import type { Card, McqCard } from '$lib/core/pack/types';

const notes = [
	'## Orchestration',
	'',
	'Domain: orchestration',
	'',
	'### Swarm',
	'',
	'Objectives: 1.1',
	'',
	'- `docker swarm init` turns the current engine into a one-node swarm whose only node is the first manager.',
	'  - Why: the node that initialises the swarm creates the root CA, the join tokens and the Raft store.',
	'- `docker swarm leave` removes the current node from the swarm; on a manager it needs `--force`.',
	'  - Why: forcing a manager out can cost the swarm its quorum.',
	'- `docker node rm` deletes a node from the list kept by the managers.',
	'  - Why: a node that is still up still believes it belongs to the swarm.',
	'- `docker node ls` lists the nodes with their status and availability.',
	'  - Why: only managers hold the node list.',
	'- `docker node ls` shows Leader in the MANAGER STATUS column for the Raft leader.',
	'  - Why: the leader makes the scheduling decisions.',
	'- `docker service scale web=5` sets the replica count of web to 5.',
	'  - Why: scale only changes the desired replica count.',
	'- `docker service ls` lists services with their replicas as running/desired.',
	'  - Why: a running count below the desired one shows a failing service.',
	'- `docker service ps <service>` lists the tasks of a service and the node each runs on.',
	'  - Why: the gap between desired and current state shows why a task is not running.',
	'- `docker service logs <service>` gathers the logs of all tasks of a service.',
	'  - Why: it reads each task log back through the daemon of its node.',
	'- `docker node promote` has no reason here.',
	'',
	'### Updates',
	'',
	'- `--update-delay` sets the wait between batches.',
	'  - Why: the delay gives each batch time to show problems.',
	'- `--update-parallelism` sets how many tasks are updated at once.',
	'  - Why: smaller batches keep more old tasks serving.',
	'- `--update-order start-first` starts the new task before stopping the old one.',
	'  - Why: start-first keeps capacity during the update.',
	'- `--update-monitor` is how long Docker watches each updated task for failure.',
	'  - Why: a task that crashes later is only counted within the window.',
	'',
	'```bash',
	'# Update web a task at a time, 10 seconds apart',
	'# Why: one task at a time keeps the others serving',
	'docker service update --update-parallelism 1 --update-delay 10s --update-order start-first --update-monitor 5s web',
	'```',
	''
].join('\n');
const meta = { id: 'cf', title: 'Commands', version: 1, createdAt: '2026-01-01T00:00:00.000Z' };

function generated() {
	const r = generatePack(notes, meta);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}

const ofLine = (cards: Card[], start: string) => cards.filter((c) => c.source.text.startsWith(start));

describe('cards from bullets that lead with a command or flag', () => {
	const { pack, origins } = generated();

	it("asks what a command does, with the bullet's why line as the reason and the fact and tags of the bullet", () => {
		const card = ofLine(pack.cards, 'docker swarm init').find((c) => c.kind === 'flashcard');
		expect(card).toMatchObject({
			kind: 'flashcard',
			front: 'What does `docker swarm init` do?',
			back: 'Turns the current engine into a one-node swarm whose only node is the first manager.',
			why: 'The node that initialises the swarm creates the root CA, the join tokens and the Raft store.',
			domain: 'orchestration',
			objectives: ['1.1']
		});
		expect(card?.fact).toMatch(/^f-/);
	});

	it('asks which command does it, with other commands of the section as wrong options, each saying what it does instead', () => {
		const mcq = ofLine(pack.cards, 'docker swarm init').find((c): c is McqCard => c.kind === 'mcq');
		if (!mcq) throw new Error('no multiple choice');
		expect(mcq.stem).toBe(
			'Which command turns the current engine into a one-node swarm whose only node is the first manager?'
		);
		expect(mcq.options[mcq.answer]).toBe('docker swarm init');
		expect(mcq.options).toHaveLength(4);
		expect(mcq.options.every((o) => o.startsWith('docker '))).toBe(true);
		mcq.options.forEach((o, i) => {
			if (i === mcq.answer) expect(mcq.reasons?.[i]).toMatch(/^Yes: /);
			else expect(mcq.reasons?.[i]).toMatch(new RegExp(`^No: \`${o.replace(/[<>]/g, '.')}\` [a-z]`));
		});
		expect(origins[mcq.id]).toBe('category swap');
	});

	it('never offers as a wrong option another form of the same command, or one said to do nearly the same', () => {
		const mcqs = pack.cards.filter((c): c is McqCard => c.kind === 'mcq');
		expect(mcqs.length).toBeGreaterThan(3);
		for (const m of mcqs) {
			const right = commandName(m.options[m.answer]!);
			const wrong = m.options.filter((_, i) => i !== m.answer);
			expect(
				wrong.map((o) => (o.startsWith('-') ? o.split(' ')[0] : commandName(o))),
				m.id
			).not.toContain(right);
		}
		// Another command of the same object that does something else is the distractor a candidate must tell
		// apart ("lists the tasks of a service" against "lists services with their replicas").
		const ps = pack.cards.find((c): c is McqCard => c.kind === 'mcq' && c.stem.includes('lists the tasks'));
		expect(ps?.options).toContain('docker service ls');
	});

	it('asks which option of the command a flag is, with other flags of that command as wrong options', () => {
		const mcq = ofLine(pack.cards, '--update-delay').find((c): c is McqCard => c.kind === 'mcq');
		expect(mcq?.stem).toBe('Which option of `docker service update` sets the wait between batches?');
		expect(mcq?.options.every((o) => o.startsWith('--update-'))).toBe(true);
		const flash = ofLine(pack.cards, '--update-delay').find((c) => c.kind === 'flashcard');
		expect(flash).toMatchObject({ front: 'What does `docker service update --update-delay` do?' });
		// "is how long …" reads as a flashcard, never as "Which option is how long …?".
		const monitor = ofLine(pack.cards, '--update-monitor');
		expect(monitor.map((c) => c.kind)).toEqual(['flashcard']);
		expect(monitor[0]).toMatchObject({ front: 'What is `docker service update --update-monitor`?' });
	});

	it('makes a command to type only of a whole command whose every value the task names', () => {
		const typed = pack.cards.filter((c) => c.kind === 'command-type' && c.id.includes('command-type'));
		const answers = typed.map((c) => (c.kind === 'command-type' ? [c.prompt, c.answer] : []));
		expect(answers).toContainEqual(['Set the replica count of web to 5.', 'docker service scale web=5']);
		expect(answers).toContainEqual([
			'Turn the current engine into a one-node swarm whose only node is the first manager.',
			'docker swarm init'
		]);
		// `docker node rm` needs a node to remove, and `docker service ps <service>` has a placeholder.
		expect(answers.map((a) => a[1])).not.toContain('docker node rm');
		expect(answers.map((a) => a[1]).some((a) => a?.includes('<'))).toBe(false);
	});

	it('blanks the command in a later bullet about it instead of asking "What does it do?" twice', () => {
		const later = ofLine(pack.cards, 'docker node ls shows Leader');
		expect(later.map((c) => c.kind)).toEqual(['cloze']);
		expect(later[0]).toMatchObject({ answer: 'docker node ls', before: '' });
		const fronts = pack.cards
			.filter((c) => c.kind === 'flashcard')
			.map((c) => c.kind === 'flashcard' && c.front);
		expect(fronts.filter((f) => f === 'What does `docker node ls` do?')).toHaveLength(1);
	});

	it('makes no card of a bullet without a why line, and lint still says so', () => {
		expect(ofLine(pack.cards, 'docker node promote')).toEqual([]);
		const lint = lintNotes(notes);
		if (!lint.ok) throw new Error('lint failed');
		const lines = lint.value.findings.filter((f) => f.level === 'none').map((f) => f.text);
		expect(lines.some((t) => t.startsWith('docker node promote'))).toBe(true);
		expect(lines.some((t) => t.startsWith('docker swarm init'))).toBe(false);
	});
});

describe('wrong options of "Which command …?"', () => {
	const prune = [
		'## Storage',
		'',
		'Domain: storage',
		'',
		'### Cleaning up',
		'',
		'- `docker container prune` removes all stopped containers.',
		'  - Why: a stopped container keeps its writable layer until it is removed.',
		'- `docker system prune` removes stopped containers, unused networks, dangling images and unused build cache.',
		'  - Why: the default removes only what nothing refers to.',
		'',
		'### Looking around',
		'',
		'- `docker system df` shows the space used by images, containers, volumes and build cache.',
		'  - Why: the RECLAIMABLE column shows what pruning would free.',
		'- `docker image ls` lists local images.',
		'  - Why: each tag of one image is its own row.',
		'- `docker volume ls` lists volumes.',
		'  - Why: volumes outlive their containers.',
		''
	].join('\n');

	// `docker system prune` sits in the same subsection, so it would be the first rival chosen.
	it('never offers a command that does all the right one does and more (a second right answer)', () => {
		const r = generatePack(prune, meta);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		const mcq = ofLine(r.value.pack.cards, 'docker container prune').find(
			(c): c is McqCard => c.kind === 'mcq'
		);
		if (!mcq) throw new Error('no multiple choice');
		expect(mcq.options[mcq.answer]).toBe('docker container prune');
		expect(mcq.options).not.toContain('docker system prune');
	});
});
