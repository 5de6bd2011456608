/** The authoring convention of questions/README.md, read by the notes reader and turned into cards. */
import { describe, expect, it } from 'vitest';
import { generatePack, type NotesMeta } from '$lib/core/generate/index';
import { readNotes, splitCommands } from '$lib/core/generate/notes';
import type { Card } from '$lib/core/pack/types';

const meta: NotesMeta = { id: 'conv', title: 'Conv', version: 1, createdAt: '2026-01-01T00:00:00.000Z' };

const NOTES = [
	'## Networking',
	'Domain: networking',
	'',
	'### Network drivers',
	'Objectives: 4.2, 4.3',
	'',
	'- Network drivers:',
	'    - **bridge**: Connects containers on one host through a private network',
	'        - Why: containers on one bridge talk to each other; other hosts reach them only through published ports.',
	"    - **host**: Shares the host's network stack with the container",
	'    - **overlay**: Connects containers on different hosts over VXLAN',
	'        - Also: overlay network',
	'    - **macvlan**: Gives each container its own MAC address on the physical network',
	'- **none** (network driver): Leaves the container with only a loopback interface',
	'- Misconception: Containers on the default bridge network resolve each other by name.',
	"    - Why: only user-defined networks have Docker's embedded DNS for container names.",
	'- Scenario: Two containers on the default bridge cannot reach each other by name.',
	'    - Question: What fixes it?',
	'    - Answer: Put both on a user-defined bridge network — user-defined networks resolve names.',
	'    - Wrong: Publish port 8080 — publishing opens a host port; it adds no name resolution.',
	'- Sequence: Create a network and run a container on it',
	'',
	'    ```bash',
	'    # Create the network',
	'    docker network create app-net',
	'    ```',
	'',
	'### Later',
	'Domain: beyond',
	'',
	'- Output: docker network ls',
	'',
	'```text',
	'NETWORK ID   NAME   DRIVER',
	'```',
	''
].join('\n');

describe('the authoring convention', () => {
	const notes = readNotes(NOTES);
	const sub = notes.sections[0]!.subsections[0]!;

	it('reads categories from a lead-in and from "(category)", why and also lines, and exam tags', () => {
		expect(notes.sections[0]!.intro.domain).toBe('networking');
		expect(sub.objectives).toEqual(['4.2', '4.3']);
		const bridge = sub.facts.find((f) => f.term === 'bridge');
		expect(bridge).toMatchObject({
			category: 'network driver',
			why: expect.stringContaining('published ports')
		});
		expect(sub.facts.find((f) => f.term === 'overlay')?.also).toEqual(['overlay network']);
		expect(sub.facts.find((f) => f.term === 'none')?.category).toBe('network driver');
		expect(sub.facts.find((f) => f.misconception)?.text).toBe(
			'Containers on the default bridge network resolve each other by name.'
		);
		// Why and Also lines are marks, never facts of their own.
		expect(sub.facts.some((f) => /^(Why|Also):/.test(f.text))).toBe(false);
	});

	it('leaves scenarios, sequences and outputs (with their items and blocks) to another reader, without warnings', () => {
		expect(sub.facts.some((f) => /Scenario|Question|Answer|Wrong|Sequence/.test(f.text))).toBe(false);
		expect(sub.code).toEqual([]);
		expect(notes.sections[0]!.subsections[1]!.code).toEqual([]);
		expect(notes.unused).toEqual([]);
	});

	it('takes a "# Why:" comment above a command as its reason, not as its task', () => {
		expect(
			splitCommands('# Create it\n# Why: names resolve on user-defined networks\ndocker network create n', 0)
		).toEqual([
			{
				command: 'docker network create n',
				intent: 'Create it',
				why: 'names resolve on user-defined networks',
				line: 3
			}
		]);
	});

	it('asks about the drivers with drivers as distractors, keys false only from swaps and the misconception, tags every card', () => {
		const r = generatePack(NOTES, meta);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		const { pack, origins } = r.value;
		const mcq = pack.cards.find(
			(c): c is Extract<Card, { kind: 'mcq' }> => c.kind === 'mcq' && c.options[c.answer] === 'macvlan'
		);
		expect(mcq?.stem).toBe(
			'Which network driver gives each container its own MAC address on the physical network?'
		);
		expect([...mcq!.options].sort()).toEqual(expect.arrayContaining(['macvlan']));
		for (const o of mcq!.options) expect(['bridge', 'host', 'overlay', 'macvlan', 'none']).toContain(o);
		expect(mcq!.reasons).toHaveLength(4);
		const misconception = pack.cards.find(
			(c) => c.kind === 'truefalse' && c.statement.startsWith('Containers on the default bridge')
		);
		expect(misconception).toMatchObject({
			answer: false,
			explanation: expect.stringContaining('embedded DNS')
		});
		expect(origins[misconception!.id]).toBe('author');
		for (const c of pack.cards) {
			expect(c.domain).toBe('networking');
			expect(c.objectives).toEqual(['4.2', '4.3']);
		}
		// Every card of one term shares its fact; the multiple choice takes the place of the reverse flashcard,
		// whose question would be its stem.
		const bridgeCards = pack.cards.filter((c) => c.source.text.startsWith('bridge:'));
		expect(bridgeCards.map((c) => c.kind)).toEqual(expect.arrayContaining(['flashcard', 'mcq']));
		expect(bridgeCards.filter((c) => c.kind === 'flashcard')).toHaveLength(1);
		expect(new Set(bridgeCards.map((c) => c.fact)).size).toBe(1);
	});
});
