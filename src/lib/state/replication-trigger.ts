/**
 * Starts a background sync on open and after a study session, without putting sync's code on the first
 * route: a one-word hint in localStorage says whether automatic sync is on, and only then is the
 * replication module loaded. The hint is only a hint: the sync settings in the database decide.
 */
const HINT = 'deckhand:sync-auto';

/** Remembers whether automatic sync is on (called by the replication state when its switch changes). */
export function setAutoSyncHint(on: boolean): void {
	try {
		if (on) localStorage.setItem(HINT, 'on');
		else localStorage.removeItem(HINT);
	} catch {
		// Storage blocked: automatic sync just waits for Settings → Sync.
	}
}

/** Syncs in the background if automatic sync is on; never waits for it and never throws. */
export function syncInBackground(): void {
	try {
		if (typeof localStorage === 'undefined' || localStorage.getItem(HINT) !== 'on') return;
	} catch {
		return;
	}
	void import('./replication.svelte').then((m) => m.replication.syncIfEnabled()).catch(() => {});
}
