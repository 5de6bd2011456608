import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkNotesText, generatePack, type NotesMeta } from '$lib/core/generate/index';
import { parsePack } from '$lib/core/pack/parse';
import type { Card, McqCard } from '$lib/core/pack/types';
import { qualityViolations } from './quality';

const meta: NotesMeta = { id: 'tiny', title: 'Tiny', version: 1, createdAt: '2026-01-01T00:00:00.000Z' };
const fixture = (name: string) => readFileSync(`tests/fixtures/notes/${name}`, 'utf8');

function generate(md: string, options = {}) {
	const r = generatePack(md, meta, options);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}

describe('generatePack (golden)', () => {
	it('turns the small networks fixture into exactly the expected cards', () => {
		const { pack } = generate(fixture('networks.md'));
		const expected = JSON.parse(fixture('networks.expected.json')) as unknown;
		expect(pack).toEqual(expected);
	});

	it('asks which network driver gives each container its own MAC address, with the other drivers as options', () => {
		const { pack } = generate(fixture('networks.md'));
		const card = pack.cards.find(
			(c): c is McqCard =>
				c.kind === 'mcq' &&
				c.stem === 'Which network driver gives each container its own MAC address on the physical network?'
		);
		expect(card).toBeDefined();
		expect([...card!.options].sort()).toEqual(['bridge', 'host', 'macvlan', 'overlay']);
		expect(card!.options[card!.answer]).toBe('macvlan');
		expect(card!.reasons).toHaveLength(4);
		expect(card!.domain).toBe('networking');
	});

	it('makes a command exercise from the comment above a command', () => {
		const { pack } = generate(fixture('networks.md'));
		const typed = pack.cards.find((c) => c.kind === 'command-type');
		expect(typed).toMatchObject({
			prompt: 'Create a custom bridge network. Use `my-bridge`.',
			answer: 'docker network create my-bridge'
		});
	});

	it('produces every kind the notes support and a pack the schema accepts', () => {
		const { pack, coverage } = generate(fixture('networks.md'));
		const kinds = new Set(pack.cards.map((c) => c.kind));
		for (const k of ['flashcard', 'mcq', 'truefalse', 'domc', 'command-type', 'config-fill'])
			expect(kinds).toContain(k);
		expect(parsePack({ format: 'deckhand-pack', formatVersion: 1, pack }).ok).toBe(true);
		expect(qualityViolations(pack)).toEqual([]);
		expect(coverage.ok).toBe(true);
	});
});

describe('stable ids', () => {
	it('regenerating unchanged notes gives identical ids, and editing one bullet changes only its cards', () => {
		const md = fixture('networks.md');
		const a = generate(md).pack.cards;
		expect(generate(md).pack.cards.map((c) => c.id)).toEqual(a.map((c) => c.id));
		const edited = generate(
			md.replace(
				'Connects containers on different hosts over VXLAN',
				'Connects containers on several hosts over VXLAN'
			)
		).pack.cards;
		const before = new Set(a.map((c) => c.id));
		const after = new Set(edited.map((c) => c.id));
		const changed = a.filter((c) => !after.has(c.id));
		expect(changed.length).toBeGreaterThan(0);
		// Only cards whose own source is the edited bullet lose their id.
		for (const c of changed) expect(c.source.text).toContain('VXLAN');
		expect(edited.filter((c) => !before.has(c.id)).every((c) => c.source.text.includes('VXLAN'))).toBe(true);
	});
});

describe('errata', () => {
	const md =
		'## Security\n\n### Image Security\n\n- Scan images often\n\n```bash\n# Scan an image\ndocker scan myimage:latest\n```\n';
	const errata = [
		{
			id: 'X1',
			match: 'docker scan myimage:latest',
			replace: 'docker scout cves myimage:latest',
			guide: 'docker scan',
			current: 'docker scout cves',
			why: 'docker scan was removed.'
		}
	];

	it('never teaches the removed command, and notes the correction on the card', () => {
		const { pack, unusedErrata } = generate(md, { errata });
		const commandCards = pack.cards.filter((c) => c.kind.startsWith('command-'));
		expect(commandCards.length).toBeGreaterThan(0);
		const taught = commandCards.map((c) =>
			c.kind === 'command-fill'
				? c.command
				: c.kind === 'command-type'
					? c.answer
					: c.kind === 'command-order'
						? c.tokens.join(' ')
						: ''
		);
		for (const t of taught) expect(t).toBe('docker scout cves myimage:latest');
		for (const c of commandCards) expect(c.correction?.current).toBe('docker scout cves');
		expect(unusedErrata).toEqual([]);
	});

	it('keeps the id of a corrected card stable (it hashes the original line)', () => {
		const plain = generate(md).pack.cards.find((c) => c.kind === 'command-type')!;
		const fixed = generate(md, { errata }).pack.cards.find((c) => c.kind === 'command-type')!;
		expect(fixed.id).toBe(plain.id);
	});

	it('reports errata that match nothing', () => {
		const { unusedErrata } = generate(md, {
			errata: [{ ...errata[0]!, id: 'OLD', match: 'nothing like this' }]
		});
		expect(unusedErrata).toEqual(['OLD']);
	});
});

describe('a second notes file on another topic (Git)', () => {
	it('makes fewer, safe cards from notes without marks, and the coverage table names the thin subsection', () => {
		const { pack, coverage } = generate(fixture('git.md'));
		expect(pack.sections.map((s) => s.title)).toEqual(['Branches', 'Remotes']);
		expect(qualityViolations(pack)).toEqual([]);
		expect(coverage.totals.commands).toBe(5);
		expect(coverage.totals.commandsCovered).toBe(5);
		expect(coverage.totals.snippetsCovered).toBe(1);
		const thin = coverage.rows.filter((r) => !r.ok).map((r) => r.subsection);
		expect(thin).toEqual(['Stashing']);
		// No category is marked, so nothing is keyed false and there is no multiple choice to guess at.
		expect(pack.cards.filter((c) => c.kind === 'mcq' || c.kind === 'truefalse' || c.kind === 'domc')).toEqual(
			[]
		);
		const fetch = pack.cards.find(
			(c): c is Card & { kind: 'flashcard' } => c.kind === 'flashcard' && c.front === 'What is fetch?'
		);
		expect(fetch?.back).toBe('Fetch downloads objects and refs from a remote.');
	});
});

describe('bad notes', () => {
	it.each([
		['', 'the file is empty'],
		['   \n\n', 'the file is empty'],
		['## A\n\u0000\u0001binary', 'binary'],
		['## A\n\n- fact\n\n```bash\ndocker ps\n', 'never closed'],
		['x'.repeat(2_100_000), 'larger than']
	])('refuses %#: %s', (text, message) => {
		const r = checkNotesText(text, 'notes.md');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]!.message).toContain(message);
	});

	it('says what it could not use: headings without content, no sections at all', () => {
		const r = generatePack('## Empty\n\n### Nothing here\n\n## Also empty\n', meta);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]!.message).toContain('no questions could be made');
		const prose = generatePack('Just a paragraph of prose.\n', meta);
		expect(prose.ok).toBe(false);
		if (!prose.ok) expect(prose.errors[0]!.message).toContain('no "## " section headings');
		const partial = generatePack('## A\n\n### Full\n\n- **x**: y\n\n### Hollow\n', meta);
		expect(partial.ok && partial.value.notes.unused.map((u) => u.message)).toEqual([
			'subsection "Hollow" has no list items or code'
		]);
	});
});

describe('config fill-ins that give nothing away', () => {
	const md = [
		'# Tiny',
		'',
		'## Images',
		'',
		'### Base images',
		'',
		'- **alpine** (base image): Provides a minimal Linux distribution built on musl libc',
		'    - Why: it keeps a shell and apk, so packages can still be installed.',
		'',
		'    ```dockerfile',
		'    FROM alpine:3',
		'    ```',
		'',
		'### Stacks',
		'',
		'- A stack file that runs one database:',
		'    - Why: one replica keeps a single writer for the data.',
		'',
		'    ```yaml',
		'    services:',
		'      db:',
		'        image: postgres:17',
		'        deploy:',
		'          replicas: 1',
		'    ```',
		''
	].join('\n');

	it('makes no card from a one-line FROM snippet, whose prompt would have to name the answer', () => {
		const { pack } = generate(md);
		const froms = pack.cards.filter((c) => c.kind === 'config-fill' && /^FROM\b/.test(c.answer));
		expect(froms).toEqual([]);
	});

	it('says "1 copy", not "1 copies", when it asks for replicas: 1', () => {
		const { pack } = generate(md);
		const card = pack.cards.find((c) => c.kind === 'config-fill' && c.answer.trim() === 'replicas: 1');
		expect(card?.kind === 'config-fill' && card.prompt).toContain('run 1 copy of the db service?');
	});
});

describe('terms written as Docker spells them', () => {
	it('keeps json-file in lower case where a definition is said of its term', () => {
		const md = [
			'# Tiny',
			'',
			'## Logging',
			'',
			'- Logging drivers:',
			'  - **json-file**: the default; writes JSON lines to a file per container, with no rotation unless `max-size` is set.',
			'    - Why: without max-size the files grow until the disk fills.',
			'  - **local**: writes a compact, compressed file format with rotation on by default.',
			'    - Why: it rotates by itself.',
			''
		].join('\n');
		const { pack } = generate(md);
		const texts = pack.cards.map((c) => JSON.stringify(c));
		expect(texts.some((t) => t.includes('json-file: the default'))).toBe(true);
		expect(texts.some((t) => t.includes('Json-file'))).toBe(false);
	});
});
