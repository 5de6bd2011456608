import { describe, expect, it } from 'vitest';
import { readNotes, splitCommands } from '$lib/core/generate/notes';

describe('splitCommands', () => {
	it('takes intent from the comment above, joins continuations, and keeps a for loop as one line', () => {
		const block = [
			'# Create a network',
			'docker network create --driver macvlan \\',
			'  --subnet=192.168.0.0/24 \\',
			'  my-net',
			'docker ps',
			'for s in $(docker service ls -q); do',
			'  docker service inspect $s > $s.json',
			'done'
		].join('\n');
		expect(splitCommands(block, 10)).toEqual([
			{
				command: 'docker network create --driver macvlan --subnet=192.168.0.0/24 my-net',
				intent: 'Create a network',
				line: 12
			},
			{ command: 'docker ps', line: 15 },
			{ command: 'for s in $(docker service ls -q); do docker service inspect $s > $s.json; done', line: 16 }
		]);
	});
});

describe('readNotes', () => {
	it('reads sections, subsections, terms, nested points and the item code sits under', () => {
		const notes = readNotes(
			[
				'## 1. Ecosystem',
				'',
				'### Tools',
				'',
				'- **Podman**: Docker-compatible CLI tool',
				'    - Daemonless architecture',
				'- Setup:',
				'',
				'    ```bash',
				'    podman run -it ubuntu bash',
				'    ```',
				''
			].join('\n')
		);
		const sub = notes.sections[0]!.subsections[0]!;
		expect(notes.sections[0]!.title).toBe('Ecosystem');
		expect(sub.facts.map((f) => [f.text, f.term, f.parent])).toEqual([
			['Podman: Docker-compatible CLI tool', 'Podman', undefined],
			['Daemonless architecture', undefined, 'Podman']
		]);
		expect(sub.code[0]).toMatchObject({
			kind: 'shell',
			label: 'Setup',
			commands: [{ command: 'podman run -it ubuntu bash' }]
		});
	});
});
