import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalogueFile } from '$lib/core/catalogue/parse';
import { sha256Hex } from '$lib/core/catalogue/sha256';
import { serializePack } from '$lib/core/pack/parse';
import { makePack } from '../../fixtures/pack-factory';

const dir = mkdtempSync(join(tmpdir(), 'deckhand-publish-'));
const cli = (...args: string[]) => {
	const r = spawnSync(process.execPath, ['scripts/cli/deckhand.js', 'publish', ...args], {
		encoding: 'utf8',
		timeout: 60_000
	});
	return { code: r.status, out: r.stdout, err: r.stderr };
};
const file = (name: string, content: string) => {
	const p = join(dir, name);
	writeFileSync(p, content);
	return p;
};
const where = ['--url', 'https://team.example.org/packs/', '--app', 'https://deckhand.example.org/'];
const notes = file('net.md', readFileSync('tests/fixtures/notes/git.md', 'utf8'));
const tree = (root: string) =>
	Object.fromEntries(
		readdirSync(root, { recursive: true, withFileTypes: true })
			.filter((d) => d.isFile())
			.map((d) => {
				const p = join(d.parentPath, d.name);
				return [p.slice(root.length), readFileSync(p, 'utf8')];
			})
	);

describe('deckhand publish', { timeout: 120_000 }, () => {
	it('writes index.json, the pack files and a page with a QR code per pack, the same bytes on every run', async () => {
		const pack = file('team.json', serializePack(makePack(4, { id: 'team', title: 'Team <b>', version: 7 })));
		const a = join(dir, 'a');
		const r = cli(notes, pack, '-o', a, ...where, '--title', 'Our packs', '--json');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.out);
		expect(out).toMatchObject({
			ok: true,
			catalogue: 'https://team.example.org/packs/index.json',
			title: 'Our packs'
		});
		expect(out.packs.map((p: { id: string; version: number }) => [p.id, p.version])).toEqual([
			['net', 1],
			['team', 7]
		]);
		expect(out.packs[1].subscribe).toBe(
			'https://deckhand.example.org/subscribe?url=https%3A%2F%2Fteam.example.org%2Fpacks%2Findex.json&pack=team'
		);

		const catalogue = parseCatalogueFile(readFileSync(join(a, 'index.json')));
		expect(catalogue.ok).toBe(true);
		if (!catalogue.ok) return;
		for (const e of catalogue.value.packs) {
			const bytes = readFileSync(join(a, e.file));
			expect(await sha256Hex(bytes)).toBe(e.sha256);
			expect(bytes.byteLength).toBe(e.size);
		}
		const team = catalogue.value.packs[1]!;
		expect(team).toMatchObject({ id: 'team', title: 'Team <b>', cards: 4, kinds: { flashcard: 4 } });
		const page = readFileSync(join(a, 'team.html'), 'utf8');
		expect(page).toContain('<h1>Team &lt;b&gt;</h1>');
		expect(page).toContain(
			'href="https://deckhand.example.org/subscribe?url=https%3A%2F%2Fteam.example.org%2Fpacks%2Findex.json&amp;pack=team"'
		);
		expect(page).toContain('<img src="team.svg"');
		expect(readFileSync(join(a, 'team.svg'), 'utf8')).toMatch(
			/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/
		);

		const b = join(dir, 'b');
		expect(cli(notes, pack, '-o', b, ...where, '--title', 'Our packs').code).toBe(0);
		expect(tree(b)).toEqual(tree(a));
	});

	it('refuses what cannot be published, with the exit codes of the other commands', () => {
		expect(cli(notes, '-o', join(dir, 'x')).code).toBe(2);
		expect(
			cli(notes, '-o', join(dir, 'x'), '--url', 'http://team.example.org/', '--app', 'https://a.example/')
				.code
		).toBe(2);
		expect(cli(notes, '-o', join(dir, 'x'), ...where, '--version', 'soon').code).toBe(2);
		const bad = file('bad.json', '{"format":"deckhand-pack","formatVersion":2,"pack":{"id":"x"}}');
		const r = cli(bad, '-o', join(dir, 'x'), ...where, '--json');
		expect(r.code).toBe(1);
		expect(JSON.parse(r.out).errors[0].path).toMatch(/^.*bad\.json: pack\./);
		const twin = file('twin.json', serializePack(makePack(1, { id: 'net' })));
		const t = cli(notes, twin, '-o', join(dir, 'x'), ...where);
		expect(t.code).toBe(1);
		expect(t.err).toContain('pack id "net" is also the id of');
		const blocked = file('blocked', 'a file where the folder should be');
		expect(cli(notes, '-o', blocked, ...where).code).toBe(4);
	});

	it('--version git numbers a notes file by the commits that touched it', () => {
		const repo = join(dir, 'repo');
		mkdirSync(repo);
		const git = (...args: string[]) =>
			execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { cwd: repo });
		git('init', '-q');
		const md = join(repo, 'notes.md');
		writeFileSync(md, readFileSync(notes));
		git('add', '.');
		git('commit', '-qm', 'one');
		writeFileSync(md, `${readFileSync(notes, 'utf8')}\n- One more fact about git.\n`);
		git('commit', '-qam', 'two');
		const r = cli(md, '-o', join(dir, 'g'), ...where, '--version', 'git', '--json');
		expect(r.code).toBe(0);
		expect(JSON.parse(r.out).packs[0]).toMatchObject({ id: 'notes', version: 2 });
	});
});
