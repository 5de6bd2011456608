/**
 * Sync with a CouchDB server, for the UI: Settings → Sync edits it, and the app runs it in the
 * background on open, after a study session and on Sync now. (Not to be confused with ./sync.ts, which
 * is messaging between open tabs.) Loaded only on the settings page or when automatic sync is on.
 */
import { Scheduler, schedulerOptions, type StudySettings } from '../core/scheduler';
import {
	describeSync,
	logIn,
	MESSAGES,
	parseServerUrl,
	replicate,
	type Couch,
	type Fetch,
	type SyncReport
} from '../core/sync';
import { getDb } from '../storage/db';
import {
	loadSyncConfig,
	loadSyncStatus,
	pendingSubscriptionInstalls,
	saveSyncConfig,
	saveSyncStatus,
	syncStore,
	type SyncConfig,
	type SyncStatus
} from '../storage/sync';
import { setAutoSyncHint } from './replication-trigger';
import { settings } from './settings.svelte';
import { announce } from './sync';

/**
 * The scheduler that replays merged reviews: built from the merged settings the way
 * state/scheduling.svelte.ts `currentScheduler` builds it from the current ones (fold into the one
 * scheduler factory once there is one).
 */
function schedulerFor(s: StudySettings): Scheduler {
	return new Scheduler(schedulerOptions(s));
}

/** The browser's fetch, sending and keeping the server's session cookie (it may be another origin). */
const withCookie: Fetch = (url, init) => fetch(url, { ...init, credentials: 'include' });

export interface SyncForm {
	url: string;
	user: string;
	enabled: boolean;
}

class ReplicationState {
	config = $state<SyncConfig | null>(null);
	status = $state<SyncStatus>({ lastSyncedAt: null, error: null });
	running = $state(false);
	offline = $state(false);
	/** A problem with what was typed into the form (not with the server). */
	formError = $state<string | null>(null);
	/** Ticks once a minute, so "Last synced 2 minutes ago" stays true. */
	now = $state(Date.now());
	line = $derived(
		describeSync(
			{
				lastSyncedAt: this.status.lastSyncedAt,
				error: this.status.error,
				running: this.running,
				offline: this.offline
			},
			this.now
		)
	);
	#loading: Promise<void> | null = null;
	#run: Promise<SyncReport | null> | null = null;
	#waitingOnline = false;

	load(): Promise<void> {
		this.#loading ??= (async () => {
			const db = getDb();
			[this.config, this.status] = await Promise.all([loadSyncConfig(db), loadSyncStatus(db)]);
			setAutoSyncHint(this.config?.enabled === true);
		})();
		return this.#loading;
	}

	/** Keeps the status line's "ago" current while a page shows it; returns the function that stops. */
	tick(): () => void {
		const t = setInterval(() => (this.now = Date.now()), 30_000);
		return () => clearInterval(t);
	}

	/** Saves the form (the password is not part of it: it is only ever sent to the server). */
	async save(form: SyncForm): Promise<boolean> {
		await this.load();
		if (form.url.trim() === '' && !form.enabled) {
			this.config = await saveSyncConfig(getDb(), { ...form, enabled: false });
			this.formError = null;
			setAutoSyncHint(false);
			return true;
		}
		const parsed = parseServerUrl(form.url);
		if (!parsed.ok) {
			this.formError = parsed.errors.message;
			return false;
		}
		if (form.user.trim() === '') {
			this.formError = 'Enter the user name you sign in to the sync server with.';
			return false;
		}
		this.formError = null;
		this.config = await saveSyncConfig(getDb(), form);
		setAutoSyncHint(form.enabled);
		return true;
	}

	/** Syncs if automatic sync is on (on open and after a session). */
	async syncIfEnabled(): Promise<void> {
		await this.load();
		if (this.config?.enabled) await this.syncNow();
	}

	/**
	 * Runs a sync now, in the background of whatever the learner is doing. With a password, signs in
	 * first (the server's session cookie is all that is kept). A run already going is joined, not doubled.
	 */
	syncNow(password?: string): Promise<SyncReport | null> {
		this.#run ??= this.#sync(password).finally(() => (this.#run = null));
		return this.#run;
	}

	async #sync(password?: string): Promise<SyncReport | null> {
		await this.load();
		const cfg = this.config;
		if (!cfg?.url) {
			this.formError = 'Enter a Server URL and a user name first.';
			return null;
		}
		const target = parseServerUrl(cfg.url);
		if (!target.ok) return this.#finish(target.errors.message);
		if (typeof navigator !== 'undefined' && navigator.onLine === false) {
			this.#waitForOnline();
			return null;
		}
		this.running = true;
		try {
			const c: Couch = { ...target.value, fetch: withCookie };
			if (password) {
				const r = await logIn(c, cfg.user, password);
				if (!r.ok) return this.#finish(r.errors.message, r.errors.kind === 'unreachable');
			}
			const db = getDb();
			const r = await replicate(c, syncStore(db, schedulerFor), cfg.deviceId);
			if (!r.ok) return this.#finish(r.errors.message, r.errors.kind === 'unreachable');
			// Packs of a subscription made on another device: installed before the run counts as done, so
			// the reviews pulled for them land on their cards.
			// (The download and install code loads only when there is something to install.)
			let installed = 0;
			if ((await pendingSubscriptionInstalls(db)).length) {
				const { installSyncedPacks } = await import('./replication-install');
				const fetchFn = (u: string, init?: RequestInit) => fetch(u, init);
				installed = (await installSyncedPacks(db, fetchFn, schedulerFor, Date.now())).installed.length;
			}
			if (r.value.pulled > 0 || installed) {
				await settings.load(true);
				announce({ type: 'replaced' });
			}
			await this.#finish(null);
			return r.value;
		} catch (e) {
			return this.#finish(`${MESSAGES.server} (${e instanceof Error ? e.message : String(e)})`);
		} finally {
			this.running = false;
		}
	}

	async #finish(error: string | null, unreachable = false): Promise<null> {
		this.now = Date.now();
		this.status = { lastSyncedAt: error ? this.status.lastSyncedAt : this.now, error };
		await saveSyncStatus(getDb(), $state.snapshot(this.status));
		if (unreachable) this.#waitForOnline();
		return null;
	}

	/** Offline, sync waits for the browser to be online again, then runs once. */
	#waitForOnline(): void {
		if (typeof window === 'undefined') return;
		this.offline = typeof navigator !== 'undefined' && navigator.onLine === false;
		if (this.#waitingOnline) return;
		this.#waitingOnline = true;
		window.addEventListener(
			'online',
			() => {
				this.#waitingOnline = false;
				this.offline = false;
				void this.syncNow();
			},
			{ once: true }
		);
	}
}

export const replication = new ReplicationState();
