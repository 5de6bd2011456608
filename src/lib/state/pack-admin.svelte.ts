/** The Packs page: installed packs with export, share, reset and remove. */
import { serializePack } from '../core/pack/parse';
import { getDb } from '../storage/db';
import {
	exportPack,
	listInstalledPacks,
	removePack,
	resetPackProgress,
	type InstalledPackRow
} from '../storage/imports';
import type { Pack } from '../core/pack/types';
import { ensureBuiltIns } from './app.svelte';
import { NEW_STATES } from '../core/scheduler/new-state';
import { downloadText, packFileName } from './download';
import { broadcast } from './sync';

export class PackAdminState {
	rows = $state.raw<InstalledPackRow[]>([]);
	loading = $state(true);
	error = $state<string | null>(null);
	status = $state('');

	async load(): Promise<void> {
		try {
			await ensureBuiltIns();
			this.rows = (await listInstalledPacks(getDb())).sort((a, b) => a.title.localeCompare(b.title));
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.loading = false;
		}
	}

	/** The pack as its file has it, for sharing. */
	pack(id: string): Promise<Pack | null> {
		return exportPack(getDb(), id);
	}

	/** Downloads a pack as a `.deckhand.json` file. */
	async exportFile(id: string): Promise<void> {
		const pack = await exportPack(getDb(), id);
		if (!pack) return;
		downloadText(packFileName(pack.id, pack.version), serializePack(pack));
		this.status = `Exported ${pack.title}.`;
	}

	async remove(row: InstalledPackRow): Promise<void> {
		await this.#write(() => removePack(getDb(), row.id), `Removed ${row.title} and its progress.`);
	}

	async reset(row: InstalledPackRow): Promise<void> {
		await this.#write(
			() => resetPackProgress(getDb(), row.id, NEW_STATES, Date.now()),
			`Reset the progress of ${row.title}: every card is new again.`
		);
	}

	async #write(run: () => Promise<void>, done: string): Promise<void> {
		try {
			await run();
			broadcast({ type: 'replaced' });
			this.status = done;
			await this.load();
		} catch (e) {
			this.status = `Nothing was changed: ${e instanceof Error ? e.message : String(e)}`;
		}
	}
}
