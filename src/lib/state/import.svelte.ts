/**
 * The import flow for every source (file, drop, URL, share link, generated notes): read, parse at the
 * edge, preview what will change, and write only after the learner says so.
 */
import { parsePackFile, MAX_PACK_FILE_BYTES } from '../core/pack/file';
import {
	describePlan,
	planUpdate,
	summarizePack,
	type PackSummary,
	type UpdatePlan
} from '../core/pack/merge';
import { parsePack } from '../core/pack/parse';
import type { Pack } from '../core/pack/types';
import type { Issue, Result } from '../core/result';
import { decodeShareFragment } from '../core/share/link';
import { getDb } from '../storage/db';
import { importPack, readInstalled } from '../storage/imports';
import { ensureBuiltIns } from './app.svelte';
import { NEW_STATES } from '../core/scheduler/new-state';
import { fetchPackBytes } from './fetch-pack';
import { takeSharedFiles } from '../pwa/shared-files';
import { broadcast } from './sync';

/** Records a step of an import as a performance measure (`deckhand:import:<step>`) for the benchmark. */
function measure(step: string, start: number): void {
	performance.measure(`deckhand:import:${step}`, { start, end: performance.now() });
}

/** Parses a pack file at the edge, timed. */
function parseTimed(input: string | Uint8Array): Result<Pack> {
	const t = performance.now();
	const r = parsePackFile(input, parsePack);
	measure('parse', t);
	return r;
}

export type ImportStage = 'idle' | 'reading' | 'preview' | 'writing' | 'done' | 'error';

export interface ImportPreview {
	pack: Pack;
	summary: PackSummary;
	plan: UpdatePlan;
	lines: string[];
}

export class ImportState {
	stage = $state<ImportStage>('idle');
	errors = $state.raw<Issue[]>([]);
	/** Where the pack came from, for the preview's heading ("from notes.deckhand.json"). */
	origin = $state('');
	preview = $state.raw<ImportPreview | null>(null);
	/** While writing: the share of the cards and their states written so far, in whole percent. */
	percent = $state(0);
	/** Files shared together with the one read, left out (one pack at a time). */
	skipped = $state.raw<string[]>([]);

	/** Reads a chosen or dropped file; a file over 20 MB is refused before it is read. */
	async fromFile(file: File): Promise<void> {
		this.#begin(file.name);
		if (file.size > MAX_PACK_FILE_BYTES) {
			return this.#fail([
				{
					path: 'file',
					message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a pack file may be at most 20.0 MB.`
				}
			]);
		}
		try {
			const t = performance.now();
			const bytes = new Uint8Array(await file.arrayBuffer());
			measure('read-file', t);
			await this.#show(parseTimed(bytes));
		} catch (e) {
			this.#fail([
				{
					path: 'file',
					message: `Could not read ${file.name} (${e instanceof Error ? e.message : String(e)}).`
				}
			]);
		}
	}

	/**
	 * Reads a file shared to the installed app from another app (kept by the service worker until now,
	 * and deleted as it is taken). Only the first of several files is read; the others are named.
	 */
	async fromShared(failed: boolean): Promise<void> {
		this.#begin('a shared file');
		if (failed) {
			return this.#fail([
				{
					path: 'share',
					message: 'The shared file could not be received. Share it again, or use Import pack.'
				}
			]);
		}
		let files: File[];
		try {
			files = await takeSharedFiles();
		} catch (e) {
			return this.#fail([
				{
					path: 'share',
					message: `Could not read the shared file (${e instanceof Error ? e.message : String(e)}).`
				}
			]);
		}
		const [first, ...rest] = files;
		if (!first) {
			return this.#fail([
				{
					path: 'share',
					message:
						'The shared file is no longer here: it was already read. Share it again, or use Import pack.'
				}
			]);
		}
		await this.fromFile(first);
		this.skipped = rest.map((f) => f.name);
	}

	/** Downloads a hosted pack (`/import?url=…`). */
	async fromUrl(address: string, base: string): Promise<void> {
		this.#begin(address);
		const bytes = await fetchPackBytes(address, base);
		if (!bytes.ok) return this.#fail(bytes.errors);
		await this.#show(parseTimed(bytes.value));
	}

	/** Unpacks a share link's fragment (`/import#pack=…`). */
	async fromFragment(hash: string): Promise<void> {
		this.#begin('a share link');
		const text = await decodeShareFragment(hash);
		if (!text.ok) return this.#fail(text.errors);
		await this.#show(parseTimed(text.value));
	}

	/** Previews a pack made on this device (the team-lead page). */
	async fromPack(pack: Pack, origin: string): Promise<void> {
		this.#begin(origin);
		await this.#show({ ok: true, value: pack });
	}

	/** Writes the previewed pack. An equal or older version is passed as confirmed: the button said so. */
	async confirm(): Promise<boolean> {
		const p = this.preview;
		if (!p || this.stage !== 'preview') return false;
		this.stage = 'writing';
		this.percent = 0;
		const r = await importPack(getDb(), p.pack, NEW_STATES, Date.now(), {
			confirmed: true,
			onProgress: (written, total) => {
				// Whole tens: a status that changes forty times a second is noise to a screen reader.
				this.percent = Math.floor((written / total) * 10) * 10;
			}
		});
		if (!r.ok) {
			this.#fail(r.errors);
			return false;
		}
		this.stage = 'done';
		broadcast({ type: 'replaced' });
		return true;
	}

	cancel(): void {
		this.stage = 'idle';
		this.preview = null;
		this.errors = [];
	}

	#begin(origin: string): void {
		this.origin = origin;
		this.stage = 'reading';
		this.errors = [];
		this.preview = null;
		this.skipped = [];
	}

	#fail(errors: Issue[]): void {
		this.errors = errors;
		this.stage = 'error';
	}

	async #show(parsed: Result<Pack>): Promise<void> {
		if (!parsed.ok) return this.#fail(parsed.errors);
		try {
			const t = performance.now();
			await ensureBuiltIns();
			const installed = await readInstalled(getDb(), parsed.value.id);
			const plan = planUpdate(installed, parsed.value);
			this.preview = {
				pack: parsed.value,
				summary: summarizePack(parsed.value),
				plan,
				lines: describePlan(plan)
			};
			this.stage = 'preview';
			measure('preview', t);
		} catch (e) {
			this.#fail([
				{
					path: 'database',
					message: `Could not open your study data (${e instanceof Error ? e.message : String(e)}).`
				}
			]);
		}
	}
}
