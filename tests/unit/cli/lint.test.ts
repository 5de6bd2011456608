import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'deckhand-lint-'));
const cli = (...args: string[]) => {
	const r = spawnSync(process.execPath, ['scripts/cli/deckhand.js', 'lint', ...args], {
		encoding: 'utf8',
		timeout: 60_000
	});
	return { code: r.status, out: r.stdout, err: r.stderr };
};

interface Finding {
	line: number;
	text: string;
	level: 'none' | 'weak';
	problem: string;
	hint: string;
}

describe('deckhand lint', { timeout: 120_000 }, () => {
	it('lists, line by line, the bullets that made no question and how to mark them up; exits 3', () => {
		const r = cli('tests/fixtures/notes/git.md');
		expect(r.code).toBe(3);
		expect(r.out).toMatch(/git\.md:7 {2}no question: no reason and nothing to blank/);
		expect(r.out).toContain('A branch is a movable pointer to a commit');
		expect(r.out).toContain('Add a nested "- Why: …" line');
		expect(r.out).toMatch(/git\.md:46 {2}weak: only a flashcard: the term has no category/);
		// Unmarked notes: 11 of the 12 cards can only restate their fact ("Fetch downloads …",
		// "`git branch` does this: …"), which is not counted as a reason.
		expect(r.out).toMatch(/worded about the document: 0; with a reason: 8\.3 %/);
	});

	it('--json gives the findings and the quality figures', () => {
		const r = cli('tests/fixtures/notes/git.md', '--json');
		expect(r.code).toBe(3);
		const report = JSON.parse(r.out) as {
			ok: boolean;
			files: { file: string; findings: Finding[]; figures: { cards: number; aboutDocument: number } }[];
		};
		expect(report.ok).toBe(true);
		const [git] = report.files;
		expect(git!.figures.aboutDocument).toBe(0);
		expect(git!.findings.find((f) => f.line === 47)).toMatchObject({
			level: 'weak',
			problem: 'only a flashcard: the term has no category'
		});
	});

	it('marking the notes up removes the findings: a category, a why line, a misconception', () => {
		const notes = join(dir, 'marked.md');
		writeFileSync(
			notes,
			[
				'## Remotes',
				'',
				'- Remote commands:',
				'    - **fetch**: Downloads objects and refs from a remote without touching your branches',
				'        - Why: it only updates remote-tracking branches such as origin/main.',
				'    - **pull**: Fetches and then merges or rebases the current branch',
				'        - Why: it is fetch followed by an integration step.',
				'    - **push**: Uploads local commits to a remote branch',
				'        - Why: the remote branch moves to your commit if that is a fast-forward.',
				'    - **clone**: Copies a whole repository with its history',
				'        - Why: every clone holds the full history, not just the latest files.',
				'- Misconception: git fetch merges the remote changes into your current branch.',
				'    - Why: fetch only downloads; merging is what pull adds.',
				''
			].join('\n')
		);
		const r = cli(notes, '--json');
		expect(r.code).toBe(0);
		const report = JSON.parse(r.out) as {
			files: { findings: Finding[]; figures: { byKind: Record<string, number> } }[];
		};
		expect(report.files[0]!.findings).toEqual([]);
		// pull's definition names fetch, so fetch has too few rivals for a fair multiple choice: three, not four.
		expect(report.files[0]!.figures.byKind.mcq).toBe(3);
		expect(report.files[0]!.figures.byKind.truefalse).toBeGreaterThanOrEqual(1);
	});

	it('says what is wrong with bad input and exits 1; no file is a usage error (2)', () => {
		const empty = join(dir, 'empty.md');
		writeFileSync(empty, '');
		const bad = cli(empty);
		expect(bad.code).toBe(1);
		expect(bad.err).toContain('the file is empty');
		expect(cli().code).toBe(2);
	});
});
