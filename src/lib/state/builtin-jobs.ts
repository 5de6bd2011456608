/** The install of built-in packs itself, shared by the worker and the page (see builtin-install.ts). */
import { NEW_STATES } from '../core/scheduler/new-state';
import type { DeckhandDb } from '../storage/db';
import { importPack } from '../storage/imports';
import { loadBuiltInFile } from './builtin-file';

/** A built-in pack to install: its id and the address of its file. */
export interface BuiltInJob {
	id: string;
	url: string;
}

/** What the worker answers: done, or the reason the install failed (nothing of that pack written). */
export type WorkerReply = { ok: true } | { ok: false; message: string };

/** Installs each pack through the update plan (a newer version retires the cards it dropped). */
export async function installJobs(db: DeckhandDb, jobs: readonly BuiltInJob[], now: number): Promise<void> {
	for (const job of jobs) {
		const pack = await loadBuiltInFile(job.url);
		const r = await importPack(db, pack, NEW_STATES, now, { builtIn: true, confirmed: true });
		if (!r.ok) throw new Error(r.errors.map((e) => e.message).join(' '));
	}
}
