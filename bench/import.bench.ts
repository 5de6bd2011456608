// Import of a 20,000-card pack and of its update: first in Node 20 (Dexie over fake-indexeddb, much
// slower than a browser's IndexedDB), then through the app in Chromium (file chooser to preview, Import to
// done). Then the share-link length of each section of the
// Docker pack (questions/docker-guide.pack.json).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { parsePackFile } from '../src/lib/core/pack/file';
import { planUpdate } from '../src/lib/core/pack/merge';
import { parsePack } from '../src/lib/core/pack/parse';
import type { Card, CardId, Pack, PackId, SectionId } from '../src/lib/core/pack/types';
import { Scheduler } from '../src/lib/core/scheduler';
import { encodeShareFragment, envelopeOf, SHARE_FRAGMENT_LIMIT } from '../src/lib/core/share/link';
import { QR_MAX_LENGTH } from '../src/lib/core/share/qr';
import { DeckhandDb } from '../src/lib/storage/db';
import { importPack, readInstalled } from '../src/lib/storage/imports';

const ms = (t: number) => `${t.toFixed(0)} ms`;

function bigPack(count: number, version: number): Pack {
	const sections = Array.from({ length: 20 }, (_, i) => ({
		id: `s${i}` as SectionId,
		title: `Section ${i}`,
		order: i + 1,
		subsections: []
	}));
	const cards: Card[] = Array.from({ length: count }, (_, i) => ({
		id: `card-${i}` as CardId,
		kind: 'flashcard',
		sectionId: `s${i % 20}` as SectionId,
		front: `What does docker option --opt-${i} do?`,
		back: `It configures setting ${i} of the daemon${version > 1 && i % 100 === 0 ? ' (corrected)' : ''}.`,
		source: { section: `Section ${i % 20}`, text: `Option ${i}` }
	}));
	return {
		id: 'bench' as PackId,
		version,
		title: 'Bench',
		description: '',
		author: '',
		license: '',
		createdAt: '2026-11-28T00:00:00.000Z',
		sections,
		cards
	};
}

const scheduler = new Scheduler();
const db = new DeckhandDb(`bench-${Date.now()}`);
for (const [label, pack] of [
	['install 20,000 cards', bigPack(20_000, 1)],
	['update to v2 (200 edited)', bigPack(20_000, 2)]
] as const) {
	const text = JSON.stringify(envelopeOf(pack));
	const tJson = performance.now();
	JSON.parse(text);
	const json = performance.now() - tJson;
	const t0 = performance.now();
	const parsed = parsePackFile(text, parsePack);
	const t1 = performance.now();
	if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
	const installed = await readInstalled(db, pack.id);
	const tRead = performance.now();
	const plan = planUpdate(installed, parsed.value);
	const t2 = performance.now();
	const r = await importPack(db, parsed.value, scheduler, Date.now());
	const t3 = performance.now();
	if (!r.ok) throw new Error(r.errors[0]?.message);
	console.log(
		`${label}: ${ms(t3 - t0)} total (file ${(text.length / 1024 / 1024).toFixed(1)} MB; parse ${ms(t1 - t0)} (JSON.parse alone ${ms(json)}), read installed ${ms(tRead - t1)}, plan ${ms(t2 - tRead)} [${plan.changed.length} changed], write ${ms(t3 - t2)})`
	);
}

// The built-in Docker pack, as committed (npm run questions regenerates it).
const parsedDocker = parsePackFile(readFileSync('questions/docker-guide.pack.json', 'utf8'), parsePack);
if (!parsedDocker.ok) throw new Error(parsedDocker.errors[0]?.message);
const docker: Pack = parsedDocker.value;
console.log(
	`\nshare-link fragment per section of "${docker.title}" (limit ${SHARE_FRAGMENT_LIMIT}; QR at most ${QR_MAX_LENGTH}):`
);
const whole = await encodeShareFragment(docker);
for (const section of [...docker.sections].sort((a, b) => a.order - b.order)) {
	const cards = docker.cards.filter((c) => c.sectionId === section.id);
	const fragment = await encodeShareFragment({ ...docker, sections: [section], cards });
	const fits =
		fragment.length <= SHARE_FRAGMENT_LIMIT
			? fragment.length <= QR_MAX_LENGTH - 40
				? 'link + QR'
				: 'link'
			: 'too large';
	console.log(
		`  ${section.order}. ${section.title}: ${cards.length} cards, ${fragment.length} chars (${fits})`
	);
}
console.log(`  whole pack: ${docker.cards.length} cards, ${whole.length} chars`);

// The same import through the app in Chromium: the production build, the Packs page, the file chooser.
const { benchBuild, launchChromium, serveBuild } = await import('../scripts/browser.js');
const dir = benchBuild();
const port = Number(process.env.BENCH_PORT ?? 4176);
const server = await serveBuild(port, dir);
const browser = await launchChromium();
try {
	const page = await browser.newPage();
	// The longest task on the page's main thread during each import: how long the page could not respond.
	// And, on the page's own clock, when the preview's button and the "done" line first show, and when
	// the learner clicked: the app's time is file chosen to preview plus click to done (the time the
	// learner reads the preview, and Playwright's own round trips, are not the app's).
	await page.addInitScript(() => {
		const w = window as unknown as {
			__long: [number, number][];
			__at: { preview?: number; done?: number; click?: number };
		};
		w.__long = [];
		w.__at = {};
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.__long.push([e.startTime, e.duration]);
		}).observe({ type: 'longtask' });
		document.addEventListener('click', (e) => (w.__at.click = e.timeStamp), true);
		new MutationObserver(() => {
			if (
				w.__at.preview === undefined &&
				document.querySelector('dialog[open] button, [role="dialog"] button')
			)
				w.__at.preview = performance.now();
			if (w.__at.done === undefined && document.querySelector('[data-testid="import-done"]'))
				w.__at.done = performance.now();
		}).observe(document, { childList: true, subtree: true });
	});
	await page.goto(`http://127.0.0.1:${port}/packs`);
	await page.getByRole('heading', { name: 'Docker study guide' }).waitFor({ timeout: 60_000 });
	console.log('\nin Chromium (the app, production build):');
	const RUNS = Number(process.env.BENCH_RUNS ?? 3);
	const installs = Array.from({ length: RUNS }, (_, i) => {
		const pack = { ...bigPack(20_000, 1), id: `bench-${i + 1}` as PackId, title: `Bench ${i + 1}` };
		return [`install 20,000 cards (${pack.id})`, pack, 'Import'] as const;
	});
	const appTimes: number[] = [];
	for (const [label, pack, button] of [
		...installs,
		['update to v2 (200 edited)', { ...bigPack(20_000, 2), id: 'bench-1' as PackId }, 'Update to version 2']
	] as const) {
		const buffer = Buffer.from(JSON.stringify(envelopeOf(pack)));
		await page.evaluate(() => {
			performance.clearMeasures();
			const w = window as unknown as { __long: [number, number][]; __at: object };
			w.__long = [];
			w.__at = {};
		});
		// The done line of the previous import goes with a reload of the page, so the next is seen fresh.
		await page.reload();
		await page.getByRole('heading', { name: 'Docker study guide' }).waitFor({ timeout: 60_000 });
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Import pack' }).click();
		const picked = await chooser;
		// Handing Chromium the 4 MB file over the DevTools protocol is the bench's cost, not the app's.
		const tSend = performance.now();
		await picked.setFiles({ name: 'bench.deckhand.json', mimeType: 'application/json', buffer });
		const t0 = performance.now();
		const handed = await page.evaluate(() => performance.now());
		const confirm = page.getByRole('dialog').getByRole('button', { name: button });
		await confirm.waitFor();
		const t1 = performance.now();
		await confirm.click();
		await page
			.getByTestId('import-done')
			.filter({ hasText: `version ${pack.version}` })
			.waitFor({ timeout: 120_000 });
		const t2 = performance.now();
		// The app's own performance measures (deckhand:import:*), and the longest main-thread task.
		// Tasks before the app starts reading the file are Playwright handing it over, so they are left out.
		const { steps, longest, app } = await page.evaluate((handed) => {
			const measures = performance
				.getEntriesByType('measure')
				.filter((m) => m.name.startsWith('deckhand:import:'));
			// A build without the app's measures (an older commit) counts from the hand-over instead.
			const from = measures.length ? Math.min(...measures.map((m) => m.startTime)) : handed;
			const w = window as unknown as {
				__long: [number, number][];
				__at: { preview: number; done: number; click: number };
			};
			const at = w.__at;
			return {
				steps: measures.map((m) => [m.name.slice('deckhand:import:'.length), m.duration] as const),
				longest: Math.max(0, ...w.__long.filter(([start]) => start >= from).map(([, d]) => d)),
				app: at.preview - from + (at.done - at.click)
			};
		}, handed);
		if (pack.version === 1) appTimes.push(app);
		console.log(
			`  ${label}: ${ms(app)} the app's own time, file chosen to done (to the preview ${ms(t1 - t0)} and click to done ${ms(t2 - t1)} as Playwright sees them; handing the file to Chromium ${ms(t0 - tSend)}, not counted)`
		);
		console.log(`    steps: ${steps.map(([name, d]) => `${name} ${ms(d)}`).join(', ')}`);
		console.log(`    longest main-thread task from reading the file to done: ${ms(longest)}`);
	}
	const sorted = [...appTimes].sort((a, b) => a - b);
	console.log(
		`  install 20,000 cards, the app's own time: median ${ms(sorted[Math.floor(sorted.length / 2)]!)} of ${sorted.length} (${ms(sorted[0]!)}-${ms(sorted[sorted.length - 1]!)})`
	);
	// After the installs, the Packs page lists each with its counts.
	await page.reload();
	await page.getByText('0 of 20000 cards studied').first().waitFor({ timeout: 120_000 });
} finally {
	await browser.close();
	server.stop();
}
