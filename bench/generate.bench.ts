// Generation speed: the whole Docker pack in Node, and a 50 KB notes file in Chromium (the generator
// bundled on its own with vite, as a team-lead page would load it). Prints figures; never fails on time.
import { readFileSync } from 'node:fs';
import { build } from 'vite';
import { parseReview } from '../src/lib/core/generate/errata';
import { generatePack, type NotesMeta } from '../src/lib/core/generate/index';
import { launchChromium } from '../scripts/browser.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

const source = readFileSync('questions/sources/docker-guide.md', 'utf8');
const meta = JSON.parse(readFileSync('questions/docker-guide.meta.json', 'utf8')) as NotesMeta;
const review = parseReview(JSON.parse(readFileSync('questions/docker-guide.review.json', 'utf8')));
if (!review.ok) throw new Error('review file is invalid');

// Node: the whole Docker pack, errata and intents applied.
const times: number[] = [];
let cards = 0;
for (let i = 0; i < 12; i++) {
	const t0 = performance.now();
	const r = generatePack(source, meta, review.value);
	times.push(performance.now() - t0);
	if (r.ok) cards = r.value.pack.cards.length;
}
console.log(
	`node: Docker guide (${(source.length / 1024).toFixed(1)} KB) -> ${cards} cards: median ${ms(median(times.slice(2)))}, first run ${ms(times[0]!)}`
);

// A 50 KB notes file: the guide repeated with renamed sections, so every section is distinct.
let notes = '';
for (let n = 1; notes.length < 60 * 1024; n++)
	notes += source.replace(/^## (\d+)\. /gm, `## $1.${n} Part ${n} `) + '\n';
notes = notes.slice(0, notes.lastIndexOf('\n## ', 50 * 1024) + 1);
const bigTimes: number[] = [];
let bigCards = 0;
for (let i = 0; i < 7; i++) {
	const t = performance.now();
	const r = generatePack(notes, meta);
	bigTimes.push(performance.now() - t);
	if (r.ok) bigCards = r.value.pack.cards.length;
}
console.log(
	`node: ${(notes.length / 1024).toFixed(1)} KB notes -> ${bigCards} cards: median ${ms(median(bigTimes.slice(1)))}`
);

// Browser: bundle the generator as an IIFE and time it in Chromium.
const out = await build({
	configFile: false,
	logLevel: 'error',
	build: {
		write: false,
		minify: true,
		lib: { entry: 'src/lib/core/generate/index.ts', formats: ['iife'], name: 'DeckhandGenerate' }
	}
});
const outputs = Array.isArray(out) ? out : [out];
const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
if (!chunk || chunk.type !== 'chunk') throw new Error('no bundle');
const { gzipSync } = await import('node:zlib');
console.log(
	`browser: generator bundle ${(chunk.code.length / 1024).toFixed(1)} KB, ${(gzipSync(chunk.code).length / 1024).toFixed(1)} KB gzip`
);

const browser = await launchChromium();
try {
	const page = await browser.newPage();
	await page.setContent('<!doctype html><title>bench</title>');
	await page.addScriptTag({ content: chunk.code });
	const result = await page.evaluate(
		({ text, meta }) => {
			const gen = (globalThis as unknown as { DeckhandGenerate: { generatePack: typeof generatePack } })
				.DeckhandGenerate;
			const runs: number[] = [];
			let count = 0;
			for (let i = 0; i < 7; i++) {
				const t = performance.now();
				const r = gen.generatePack(text, meta);
				runs.push(performance.now() - t);
				if (r.ok) count = r.value.pack.cards.length;
			}
			return { runs, count };
		},
		{ text: notes, meta }
	);
	console.log(
		`browser: ${(notes.length / 1024).toFixed(1)} KB notes -> ${result.count} cards: median ${ms(median(result.runs.slice(1)))}, first run ${ms(result.runs[0]!)}`
	);
} finally {
	await browser.close();
}
