import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'deckhand-cli-'));
const cli = (...args: string[]) => {
	const r = spawnSync(process.execPath, ['scripts/cli/deckhand.js', ...args], {
		encoding: 'utf8',
		timeout: 60_000
	});
	return { code: r.status, out: r.stdout, err: r.stderr };
};
const file = (name: string, content: string | Buffer) => {
	const p = join(dir, name);
	writeFileSync(p, content);
	return p;
};

describe('deckhand CLI', { timeout: 120_000 }, () => {
	let good: string;
	beforeAll(() => {
		good = file('good.md', readFileSync('tests/fixtures/notes/git.md'));
	});

	it('generate writes a valid pack and validate accepts it (text and --json)', () => {
		const out = join(dir, 'git.json');
		const g = cli('generate', good, '-o', out, '--id', 'git', '--title', 'Git', '--version', '2');
		expect(g.code).toBe(0);
		expect(g.out).toContain('Wrote');
		const pack = JSON.parse(readFileSync(out, 'utf8')) as { pack: { id: string; version: number } };
		expect(pack.pack).toMatchObject({ id: 'git', version: 2 });
		const v = cli('validate', out, '--json');
		expect(v.code).toBe(0);
		expect(JSON.parse(v.out)).toMatchObject({ ok: true, files: [{ ok: true, id: 'git' }] });
	});

	it('generate is byte-identical on re-run', () => {
		const a = join(dir, 'a.json');
		const b = join(dir, 'b.json');
		cli('generate', good, '-o', a);
		cli('generate', good, '-o', b);
		expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
	});

	it("validate accepts a pack up to the app's 20 MB limit and refuses one past it, as the import does", () => {
		const pack = (cards: number) =>
			JSON.stringify({
				format: 'deckhand-pack',
				formatVersion: 1,
				pack: {
					id: 'big',
					version: 1,
					title: 'Big',
					description: '',
					author: '',
					license: '',
					createdAt: '2026-01-01T00:00:00.000Z',
					sections: [{ id: 's1', title: 'S', order: 1, subsections: [] }],
					cards: Array.from({ length: cards }, (_, i) => ({
						id: `c${i}`,
						sectionId: 's1',
						source: { section: 'S', text: 'x' },
						kind: 'flashcard',
						front: `Front ${i}`,
						back: 'b'.repeat(1000)
					}))
				}
			});
		const large = file('large.json', pack(15_000));
		expect(readFileSync(large).length).toBeGreaterThan(15 * 1024 * 1024);
		const v = cli('validate', large);
		expect(v.err).toBe('');
		expect(v.code).toBe(0);
		expect(v.out).toContain('valid pack "big" with 15000 cards');
		const huge = file('huge.json', pack(21_000));
		const h = cli('validate', huge);
		expect(h.code).toBe(1);
		expect(h.err).toMatch(/at most 20\.0 MB/);
	});

	it('validate lists every error with its path and exits 1', () => {
		const bad = file(
			'bad.json',
			JSON.stringify({
				format: 'deckhand-pack',
				formatVersion: 1,
				pack: { id: 'x', version: 0, cards: 'no' }
			})
		);
		const v = cli('validate', bad);
		expect(v.code).toBe(1);
		expect(v.err).toContain('pack.version: must be 1 or more');
		expect(v.err).toContain('pack.title');
		const j = JSON.parse(cli('validate', bad, '--json').out) as { files: { errors: { path: string }[] }[] };
		expect(j.files[0]!.errors.map((e) => e.path)).toContain('pack.cards');
	});

	it('coverage prints the table and exits 3 when a target is missed, 0 when all are met', () => {
		const c = cli('coverage', good);
		expect(c.code).toBe(3);
		expect(c.out).toMatch(/Stashing\s+2\s+0\s+0\/0\s+0\/0\s+NO/);
		const d = cli(
			'coverage',
			'questions/sources/docker-guide.md',
			'--review',
			'questions/docker-guide.review.json',
			'--json'
		);
		expect(d.code).toBe(0);
		expect(JSON.parse(d.out)).toMatchObject({
			ok: true,
			totals: {
				sections: 9,
				subsections: 48,
				commands: 63,
				commandsCovered: 63,
				snippets: 15,
				snippetsCovered: 15
			}
		});
	});

	it('usage errors exit 2', () => {
		expect(cli('generate', good).code).toBe(2);
		expect(cli('validate').code).toBe(2);
		expect(cli('nonsense').code).toBe(2);
	});

	it.each([
		['empty.md', '', 'the file is empty'],
		['binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), 'binary'],
		['latin1.md', Buffer.from('## Caf\xe9\n\n- cr\xe8me\n', 'latin1'), 'not valid UTF-8'],
		['huge.md', '## A\n\n' + '- fact\n'.repeat(1_500_000), 'at most 2 MB'],
		['hollow.md', '## One\n\n### Two\n\n## Three\n', 'no questions could be made'],
		['fence.md', '## A\n\n- fact\n\n```bash\ndocker ps\n', 'never closed'],
		['prose.md', 'Just some prose, no headings.\n', 'no "## " section headings']
	])('bad input %s: a clear message, exit 1, and no file written', (name, content, message) => {
		const input = file(name, content);
		const out = join(dir, `${name}.json`);
		const before = readdirSync(dir).length;
		const g = cli('generate', input, '-o', out);
		expect(g.code).toBe(1);
		expect(g.err).toContain(message);
		expect(g.err).toContain('nothing was written');
		expect(existsSync(out)).toBe(false);
		expect(readdirSync(dir).length).toBe(before);
	});
});
