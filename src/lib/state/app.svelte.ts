import type { HomeCounts } from '../storage/home';
import { builtInPacks } from './builtin';
import { durability } from './durability.svelte';
import { firstVisitCounts, installedBefore, markInstalled } from './first-visit';
import { settings } from './settings.svelte';
import { listen } from './sync';

// The storage modules (and Dexie) are imported on first use, not with the page: the home page paints
// its frame, and on a first visit the built-in packs' counts, before the database code has loaded.
const storage = () =>
	Promise.all([import('../storage/db'), import('../storage/packs'), import('../storage/home')]);

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
		const [{ getDb }, { installedVersions }] = await storage();
		const db = getDb();
		if (gradesNoted()) {
			const { replayGrades } = await import('./grade-journal');
			const r = await replayGrades(db, Date.now());
			if (r.failed)
				startup.lostGrades = `Your last grades before the page closed could not be saved: ${r.failed}`;
		}
		// A pack missing or older than the app's is installed through the update plan, so a newer
		// built-in version retires the cards it dropped; in a worker, so the page is not held up
		// (builtin-install.ts). That code loads only when a pack needs installing.
		const builtIns = builtInPacks();
		const installed = await installedVersions(
			db,
			builtIns.map((b) => b.id)
		);
		const stale = builtIns
			.filter((b, i) => installed[i] === null || installed[i]! < b.version)
			.map((b) => ({ id: b.id, url: b.url }));
		if (stale.length) {
			const { installBuiltIns } = await import('./builtin-install');
			await installBuiltIns(db, stale);
		}
		markInstalled();
	})();
	return ready;
}

/** The home page's figures, loaded from the database and refreshed when another tab writes. */
export class HomeState {
	counts = $state.raw<HomeCounts | null>(null);
	/** The counts shown are the built-in packs' build-time figures, while a first visit installs them. */
	provisional = $state(false);
	error = $state<string | null>(null);
	/** Milliseconds the last load took, for the benchmark. */
	loadMs = $state(0);

	async load(): Promise<void> {
		const t = performance.now();
		try {
			const [[{ getDb }, , { loadHomeCounts }]] = await Promise.all([
				storage(),
				ensureBuiltIns(),
				settings.load()
			]);
			const now = Date.now();
			this.counts = await loadHomeCounts(getDb(), settings.window(now), settings.value);
			this.provisional = false;
			this.loadMs = performance.now() - t;
			performance.mark('deckhand:home-ready');
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/** Loads now, asks for persistent storage, and reloads whenever another tab writes. */
	start(): () => void {
		// A first visit: nothing is installed, so the counts are the build-time ones until the install ends
		// (with the default limits: a first visit has no settings stored).
		if (!installedBefore()) {
			this.counts = firstVisitCounts(builtInPacks(), settings.value);
			this.provisional = true;
			performance.mark('deckhand:home-provisional');
		}
		void this.load();
		void durability.request();
		return listen(() => void this.load());
	}
}
