// Publishing and checking a catalogue: `deckhand publish` of the Docker guide pack (end to end, in a
// child process), reading a catalogue of 1,000 packs, and one check of an unchanged catalogue and of a
// changed one with its pack download and SHA-256. Prints figures; never fails on time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalogue, serializeCatalogue } from '../src/lib/core/catalogue/build';
import { askSource, downloadPack } from '../src/lib/core/catalogue/check';
import { entryOf } from '../src/lib/core/catalogue/entry';
import type { FetchFn } from '../src/lib/core/catalogue/fetch';
import { parseCatalogueFile } from '../src/lib/core/catalogue/parse';
import type { Subscription } from '../src/lib/core/catalogue/types';
import { parsePackFile } from '../src/lib/core/pack/file';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
async function time(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
	const t: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		await fn();
		t.push(performance.now() - t0);
	}
	return median(t);
}

const dir = mkdtempSync(join(tmpdir(), 'deckhand-publish-bench-'));
try {
	const args = ['scripts/cli/deckhand.js', 'publish', 'questions/docker-guide.pack.json', '-o', dir];
	const where = ['--url', 'https://team.example.org/packs/', '--app', 'https://deckhand.example.org/'];
	const cli = await time(3, () => execFileSync(process.execPath, [...args, ...where], { stdio: 'ignore' }));
	const index = readFileSync(join(dir, 'index.json'));
	const packBytes = readFileSync(join(dir, 'packs/docker-guide.deckhand.json'));
	console.log(
		`publish: Docker guide pack (${kb(statSync('questions/docker-guide.pack.json').size)}) -> catalogue in ${ms(cli)} (median of 3, CLI start-up included); index.json ${kb(index.byteLength)}, page ${kb(statSync(join(dir, 'docker-guide.html')).size)}, QR ${kb(statSync(join(dir, 'docker-guide.svg')).size)}`
	);

	const pack = parsePackFile(new Uint8Array(packBytes));
	if (!pack.ok) throw new Error('the published pack does not parse');
	const entry = await entryOf(pack.value, new Uint8Array(packBytes), 'packs/docker-guide.deckhand.json');
	const many = serializeCatalogue(
		buildCatalogue(
			'Big',
			Array.from({ length: 1000 }, (_, i) => ({ ...entry, id: `p${i}`, file: `packs/p${i}.json` }))
		)
	);
	const manyBytes = new TextEncoder().encode(many);
	console.log(
		`parse: catalogue of 1,000 packs (${kb(manyBytes.byteLength)}): ${ms(await time(20, () => parseCatalogueFile(manyBytes)))} (median of 20)`
	);

	const url = 'https://team.example.org/packs/index.json';
	const files: Record<string, Uint8Array> = {
		[url]: new Uint8Array(index),
		'https://team.example.org/packs/packs/docker-guide.deckhand.json': new Uint8Array(packBytes)
	};
	const net: FetchFn = async (u) => new Response(files[u]! as Uint8Array<ArrayBuffer>);
	const sub: Subscription = {
		url,
		kind: 'catalogue',
		title: 'T',
		addedAt: 0,
		checkedAt: 0,
		etag: null,
		digest: null,
		packs: [],
		error: null
	};
	const first = await askSource(sub, net, 1, false);
	const unchanged = await time(20, () =>
		askSource({ ...sub, digest: first.record.digest ?? null }, net, 2, false)
	);
	const changed = await time(20, () => askSource(sub, net, 2, false));
	const download = await time(5, () => downloadPack(url, entry, net));
	console.log(
		`check (network faked): unchanged catalogue ${ms(unchanged)}, changed catalogue ${ms(changed)}; pack download + SHA-256 + parse of ${kb(packBytes.byteLength)}: ${ms(download)} (medians)`
	);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
