import { NEW_STATES } from '../core/scheduler/new-state';
import { getDb } from '../storage/db';
import { installedVersion } from '../storage/packs';
import { loadHomeCounts, type HomeCounts } from '../storage/home';
import { builtInPacks } from './builtin';
import { durability } from './durability.svelte';
import { settings } from './settings.svelte';
import { listen } from './sync';

let ready: Promise<void> | null = null;

/** Why grades noted before the last unload could not be written (see grade-journal.ts), if so. */
export const startup = $state({ lostGrades: null as string | null });

/** Whether a page that unloaded mid-write left grade notes behind (a cheap look before loading code). */
function gradesNoted(): boolean {
	try {
		for (let i = 0; i < localStorage.length; i++)
			if (localStorage.key(i)?.startsWith('deckhand:grade:')) return true;
	} catch {
		// No localStorage (Node, or storage disabled): nothing was noted.
	}
	return false;
}

/**
 * Before any page reads the database: writes the grades a page unloaded too soon to write, then installs
 * the built-in packs once (and again when a newer version ships).
 */
export function ensureBuiltIns(): Promise<void> {
	ready ??= (async () => {
		const db = getDb();
		if (gradesNoted()) {
			const { replayGrades } = await import('./grade-journal');
			const r = await replayGrades(db, Date.now());
			if (r.failed)
				startup.lostGrades = `Your last grades before the page closed could not be saved: ${r.failed}`;
		}
		for (const builtIn of builtInPacks()) {
			const installed = await installedVersion(db, builtIn.id);
			if (installed === null || installed < builtIn.version) {
				// Through the update plan, so a newer built-in version retires the cards it dropped. New cards
				// start from plain new-card states (no ts-fsrs), and the import code loads, beside the pack
				// file, only when a pack needs installing: a returning visit's first paint carries neither.
				const [{ importPack }, pack] = await Promise.all([import('../storage/imports'), builtIn.load()]);
				const r = await importPack(db, pack, NEW_STATES, Date.now(), {
					builtIn: true,
					confirmed: true
				});
				if (!r.ok) throw new Error(r.errors.map((e) => e.message).join(' '));
			}
		}
	})();
	return ready;
}

/** The home page's figures, loaded from the database and refreshed when another tab writes. */
export class HomeState {
	counts = $state.raw<HomeCounts | null>(null);
	error = $state<string | null>(null);
	/** Milliseconds the last load took, for the benchmark. */
	loadMs = $state(0);

	async load(): Promise<void> {
		const t = performance.now();
		try {
			await Promise.all([ensureBuiltIns(), settings.load()]);
			const now = Date.now();
			this.counts = await loadHomeCounts(getDb(), settings.window(now), settings.value);
			this.loadMs = performance.now() - t;
			performance.mark('deckhand:home-ready');
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/** Loads now, asks for persistent storage, and reloads whenever another tab writes. */
	start(): () => void {
		void this.load();
		void durability.request();
		return listen(() => void this.load());
	}
}
