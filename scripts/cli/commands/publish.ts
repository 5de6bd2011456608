/**
 * `deckhand publish <notes.md… | pack.json…> -o <folder>`: a static catalogue for any static host:
 * index.json, the pack files, and one HTML page per pack with its subscribe link and QR code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { sourceAddress } from '../../../src/lib/core/catalogue/address';
import {
	buildCatalogue,
	indexPage,
	packPage,
	qrSvg,
	serializeCatalogue,
	subscribeLink
} from '../../../src/lib/core/catalogue/build';
import { entryOf } from '../../../src/lib/core/catalogue/entry';
import type { CatalogueEntry } from '../../../src/lib/core/catalogue/types';
import { generatePack, type NotesMeta } from '../../../src/lib/core/generate/index';
import { MAX_PACK_FILE_BYTES, parsePackFile } from '../../../src/lib/core/pack/file';
import { serializePack } from '../../../src/lib/core/pack/parse';
import type { Pack } from '../../../src/lib/core/pack/types';
import type { Issue } from '../../../src/lib/core/result';
import { createQrCode } from '../../../src/lib/core/share/qr';
import { EXIT, parseArgs, printIssues, readMeta, readText, writeAtomic } from '../io';

export const summary = 'Write a static catalogue of packs (index.json, pack files, pages with QR codes).';

const HELP = `Usage: deckhand publish <notes.md… | pack.json…> -o <folder> --url <address> --app <address> [options]

Each notes file becomes one pack (its id is the file name; a <name>.meta.json beside it gives id, title,
version, description, author, license, createdAt); each pack file is checked and copied.

Options:
  -o, --output <folder>  where to write the catalogue (created if missing)
  --url <address>        where the folder will be served, e.g. https://team.github.io/packs/
  --app <address>        where learners open Deckhand, for the subscribe links and QR codes
  --title <text>         the catalogue's title (default "Deckhand packs")
  --version <n|git>      version of packs made from notes: a whole number, or "git" for the number of
                         commits that touched the notes file (it rises on every change; needs the history)
  --json                 print a JSON summary instead of text

Writes <folder>/index.json, index.html, <id>.html, <id>.svg (QR code) and packs/<id>.deckhand.json.
The same input writes the same bytes.

Exit codes: 0 written, 1 an input cannot be used, 2 usage error, 4 a file could not be written.`;

interface Built {
	pack: Pack;
	input: string;
}

/** The number of commits that touched these files: a version that rises whenever the notes change. */
function gitVersion(files: string[]): number | Issue {
	try {
		const out = execFileSync('git', ['rev-list', '--count', 'HEAD', '--', ...files.map((f) => resolve(f))], {
			cwd: dirname(resolve(files[0]!)),
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const n = Number(out.trim());
		if (Number.isInteger(n) && n >= 1) return n;
		return { path: files[0]!, message: 'git knows no commit of this file yet: commit it first' };
	} catch (e) {
		return {
			path: files[0]!,
			message: `--version git needs git and the repository's history (${(e as Error).message.split('\n')[0]})`
		};
	}
}

function fromNotes(file: string, versionFlag: string | undefined): Pack | Issue[] {
	const text = readText(file);
	if (!text.ok) return text.errors;
	const metaFile = file.replace(/\.[^./]+$/, '') + '.meta.json';
	let meta: Partial<NotesMeta> = {};
	if (existsSync(metaFile)) {
		const m = readMeta(metaFile);
		if (!m.ok) return m.errors;
		meta = m.value;
	}
	let version = meta.version ?? 1;
	if (versionFlag === 'git') {
		const v = gitVersion(existsSync(metaFile) ? [file, metaFile] : [file]);
		if (typeof v !== 'number') return [v];
		version = v;
	} else if (versionFlag !== undefined) version = Number(versionFlag);
	const id = meta.id ?? basename(file).replace(/\.[^.]+$/, '');
	const heading = /^# (.+)$/m.exec(text.value)?.[1]?.trim();
	const r = generatePack(text.value, {
		...meta,
		id,
		title: meta.title ?? heading ?? id,
		version,
		createdAt: meta.createdAt ?? '2000-01-01T00:00:00.000Z'
	});
	if (!r.ok) return r.errors.map((e) => ({ path: `${file}: ${e.path}`, message: e.message }));
	return r.value.pack;
}

function fromPackFile(file: string): Pack | Issue[] {
	let size: number;
	try {
		size = statSync(file).size;
	} catch {
		return [{ path: file, message: 'the file does not exist or cannot be read' }];
	}
	if (size > MAX_PACK_FILE_BYTES)
		return [{ path: file, message: 'the file is larger than 20 MB, more than a pack may be' }];
	const r = parsePackFile(new Uint8Array(readFileSync(file)));
	return r.ok ? r.value : r.errors.map((e) => ({ path: `${file}: ${e.path}`, message: e.message }));
}

export async function run(argv: string[]): Promise<number> {
	const args = parseArgs(argv, ['output', 'url', 'app', 'title', 'version']);
	if (args.flags.help) {
		console.log(HELP);
		return EXIT.ok;
	}
	const json = args.flags.json === true;
	const str = (k: string) => (typeof args.flags[k] === 'string' ? (args.flags[k] as string) : undefined);
	const output = str('output');
	const usage = (message: string) => {
		if (json) console.log(JSON.stringify({ ok: false, errors: [{ path: 'usage', message }] }, null, 2));
		else console.error(`deckhand publish: ${message}\n\n${HELP}`);
		return EXIT.usage;
	};
	if (args.positional.length === 0 || !output)
		return usage('give one or more notes or pack files and -o <folder>.');
	const url = sourceAddress(str('url') ?? '');
	if (!str('url') || !url.ok)
		return usage('--url must be the https:// address the folder will be served at.');
	let app: URL;
	try {
		app = new URL(str('app') ?? '');
		if (app.protocol !== 'https:' && app.protocol !== 'http:') throw new Error('scheme');
	} catch {
		return usage('--app must be the address of Deckhand, e.g. https://deckhand.example.org/.');
	}
	const version = str('version');
	if (
		version !== undefined &&
		version !== 'git' &&
		!(Number.isInteger(Number(version)) && Number(version) >= 1)
	) {
		return usage('--version must be a whole number, 1 or more, or "git".');
	}
	const fail = (errors: Issue[], code: number = EXIT.invalid) => {
		if (json) console.log(JSON.stringify({ ok: false, errors }, null, 2));
		else {
			console.error('deckhand publish: nothing was published.');
			printIssues(errors);
		}
		return code;
	};

	const built: Built[] = [];
	for (const input of args.positional) {
		const r = input.toLowerCase().endsWith('.json') ? fromPackFile(input) : fromNotes(input, version);
		if (Array.isArray(r)) return fail(r);
		const twin = built.find((b) => b.pack.id === r.id);
		if (twin)
			return fail([
				{
					path: input,
					message: `pack id "${r.id}" is also the id of ${twin.input}; give each pack its own id`
				}
			]);
		built.push({ pack: r, input });
	}

	const catalogueUrl = url.value;
	const files: { path: string; text: string }[] = [];
	const entries: CatalogueEntry[] = [];
	for (const { pack } of built) {
		const text = serializePack(pack);
		const file = `packs/${pack.id}.deckhand.json`;
		files.push({ path: file, text });
		entries.push(await entryOf(pack, new TextEncoder().encode(text), file));
	}
	const title = str('title') ?? 'Deckhand packs';
	const catalogue = buildCatalogue(title, entries);
	const pageOf = (e: CatalogueEntry) => `${e.id}.html`;
	const summaries = [];
	for (const entry of catalogue.packs) {
		const link = subscribeLink(app.href, catalogueUrl, entry.id);
		const qr = await createQrCode(link);
		if (!qr.ok) return fail(qr.errors);
		files.push({ path: `${entry.id}.svg`, text: qrSvg(qr.value) });
		files.push({ path: pageOf(entry), text: packPage(catalogue, entry, link, `${entry.id}.svg`) });
		summaries.push({ ...entry, page: pageOf(entry), subscribe: link });
	}
	files.push({
		path: 'index.html',
		text: indexPage(catalogue, subscribeLink(app.href, catalogueUrl), pageOf)
	});
	// Last, so a run that fails half-way never publishes an index naming files that are not there.
	files.push({ path: 'index.json', text: serializeCatalogue(catalogue) });
	try {
		mkdirSync(join(output, 'packs'), { recursive: true });
		for (const f of files) writeAtomic(join(output, f.path), f.text);
	} catch (e) {
		return fail(
			[{ path: output, message: `could not write the catalogue: ${(e as Error).message}` }],
			EXIT.write
		);
	}
	if (json) {
		console.log(
			JSON.stringify({ ok: true, output, catalogue: catalogueUrl, title, packs: summaries }, null, 2)
		);
	} else {
		console.log(
			`Wrote ${join(output, 'index.json')} (${title}) with ${summaries.length} ${summaries.length === 1 ? 'pack' : 'packs'}:`
		);
		for (const s of summaries) console.log(`  ${s.id} version ${s.version}: ${s.cards} cards, ${s.page}`);
		console.log(`Subscribe link: ${subscribeLink(app.href, catalogueUrl)}`);
	}
	return EXIT.ok;
}
