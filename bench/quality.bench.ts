// Question quality of the two built-in packs and of a third notes file (Git notes, no marks): cards by
// kind, cards worded about the document, cards with a reason, false statements by origin, duplicates and
// what blanks blank. Prints figures; never fails.
import { readFileSync } from 'node:fs';
import { parseReview } from '../src/lib/core/generate/errata';
import { generatePack, type NotesMeta } from '../src/lib/core/generate/index';
import { measureQuality } from '../src/lib/core/generate/quality';

const meta = JSON.parse(readFileSync('questions/docker-guide.meta.json', 'utf8')) as NotesMeta;
const review = parseReview(JSON.parse(readFileSync('questions/docker-guide.review.json', 'utf8')));
if (!review.ok) throw new Error('review file is invalid');

const inputs: { name: string; markdown: string; meta: NotesMeta; options: object }[] = [
	{
		name: 'Docker guide (built-in pack)',
		markdown: readFileSync('questions/sources/docker-guide.md', 'utf8'),
		meta,
		options: review.value
	},
	{
		name: 'Docker Certified Associate (built-in pack)',
		markdown: readFileSync('questions/sources/dca.md', 'utf8'),
		meta: JSON.parse(readFileSync('questions/dca.meta.json', 'utf8')) as NotesMeta,
		options: {}
	},
	{
		name: 'Git notes (tests/fixtures/notes/git.md)',
		markdown: readFileSync('tests/fixtures/notes/git.md', 'utf8'),
		meta: { id: 'git', title: 'Git', version: 1, createdAt: '2026-01-01T00:00:00.000Z' },
		options: {}
	}
];

const line = (label: string, value: unknown) => console.log(`  ${label.padEnd(31)} ${value}`);
const list = (o: Record<string, number | undefined>) =>
	Object.entries(o)
		.sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
		.map(([k, v]) => `${k} ${v}`)
		.join(', ') || 'none';

for (const input of inputs) {
	const r = generatePack(input.markdown, input.meta, input.options);
	if (!r.ok) {
		console.log(`${input.name}: no pack (${r.errors.map((e) => e.message).join('; ')})`);
		continue;
	}
	const origins = (r.value as { origins?: Record<string, string> }).origins ?? {};
	const q = measureQuality(r.value.pack, origins);
	console.log(`${input.name}`);
	line('cards', q.cards);
	line('by kind', list(q.byKind));
	line('worded about the document', q.aboutDocument);
	line('with a reason', `${q.withReason} (${q.withReasonPercent} %)`);
	line('false keys by origin', list(q.falseStatements));
	line('duplicates (same Q and A)', q.duplicates);
	line('blanks by what they blank', list(q.blanks));
	line('word order < 5 tokens', q.wordOrderShort);
	line('word order, no distractors', q.wordOrderNoDistractor);
	line('clumsy term questions', q.clumsyQuestions);
	line('capitalised code in a sentence', q.capitalisedCode);
	line('uninferable cloze blanks', q.uninferableClozes);
	line('not standing alone', q.notStandalone);
}
