import { Scheduler } from '../core/scheduler';
import { getDb } from '../storage/db';
import { installedVersion, installPack } from '../storage/packs';
import { countStudy, type StudyCounts } from '../storage/study';
import { builtInPacks } from './builtin';

export const scheduler = new Scheduler();

let ready: Promise<void> | null = null;

/** Installs the built-in packs once (and again when a newer version ships). */
export function ensureBuiltIns(): Promise<void> {
	ready ??= (async () => {
		const db = getDb();
		for (const builtIn of builtInPacks()) {
			const installed = await installedVersion(db, builtIn.id);
			if (installed === null || installed < builtIn.version) {
				await installPack(db, await builtIn.load(), scheduler, Date.now(), true);
			}
		}
	})();
	return ready;
}

/** The home page's figures, loaded from the database. */
export class HomeState {
	counts = $state<StudyCounts | null>(null);
	error = $state<string | null>(null);

	async load(): Promise<void> {
		try {
			await ensureBuiltIns();
			this.counts = await countStudy(getDb(), Date.now());
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}
}
