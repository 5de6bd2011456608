// The page's side of the service worker: registration (production builds only), the "ready to work
// offline" notice, the update prompt, the install offer and the online/offline flag.
import type { Workbox } from 'workbox-window';
import {
	chooseInstallOffer,
	shouldCheckForUpdate,
	UPDATE_CHECK_INTERVAL_MS,
	type InstallOffer
} from './platform';

/** The event Chromium fires when the app can be installed (not in TypeScript's DOM types). */
interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const INSTALL_DISMISSED_KEY = 'deckhand.install-dismissed';

function readFlag(key: string): boolean {
	try {
		return localStorage.getItem(key) === '1';
	} catch {
		return false;
	}
}

function writeFlag(key: string): void {
	try {
		localStorage.setItem(key, '1');
	} catch {
		// Private mode or storage full: the offer simply comes back next time.
	}
}

/** One per page: the state the PWA components show. */
class PwaState {
	online = $state(true);
	/** The worker was installed for the first time: everything is cached. */
	offlineReady = $state(false);
	/** A new version is installed and waits for the learner's Reload. */
	updateWaiting = $state(false);
	#installEvent = $state<BeforeInstallPromptEvent | null>(null);
	#installDismissed = $state(false);
	#standalone = $state(false);
	#userAgent = $state('');
	#wb: Workbox | null = null;
	#lastCheck = 0;
	#started = false;

	installOffer: InstallOffer = $derived(
		chooseInstallOffer({
			userAgent: this.#userAgent,
			standalone: this.#standalone,
			hasPrompt: this.#installEvent !== null,
			dismissed: this.#installDismissed
		})
	);

	/** Wires the browser events once; registers the worker when `register` is true (production). */
	start(register: boolean): void {
		if (this.#started || typeof window === 'undefined') return;
		this.#started = true;
		this.online = navigator.onLine;
		window.addEventListener('online', () => {
			this.online = true;
			this.checkForUpdate();
		});
		window.addEventListener('offline', () => (this.online = false));

		this.#userAgent = navigator.userAgent;
		this.#standalone =
			window.matchMedia('(display-mode: standalone)').matches ||
			(navigator as Navigator & { standalone?: boolean }).standalone === true;
		this.#installDismissed = readFlag(INSTALL_DISMISSED_KEY);
		window.addEventListener('beforeinstallprompt', (e) => {
			// Keep the event so our own button can show the browser's dialog when the learner asks.
			e.preventDefault();
			this.#installEvent = e as BeforeInstallPromptEvent;
		});
		window.addEventListener('appinstalled', () => {
			this.#installEvent = null;
			this.#standalone = true;
		});

		if (register && 'serviceWorker' in navigator) whenSettled(() => void this.#register());
	}

	async #register(): Promise<void> {
		// Loaded on demand so the first route's JS does not carry it.
		const { Workbox } = await import('workbox-window');
		const wb = new Workbox('/sw.js', { scope: '/' });
		this.#wb = wb;
		wb.addEventListener('installed', (e) => {
			if (!e.isUpdate) this.offlineReady = true;
		});
		// Also fires at start-up when a new version was already waiting from an earlier visit.
		wb.addEventListener('waiting', () => (this.updateWaiting = true));
		try {
			await wb.register();
		} catch (e) {
			// No worker (private mode, blocked by policy): the app still works online.
			console.warn('Deckhand could not register its service worker:', e);
			return;
		}
		this.#lastCheck = Date.now();
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') this.checkForUpdate();
		});
		setInterval(() => this.checkForUpdate(), UPDATE_CHECK_INTERVAL_MS);
	}

	/** Asks the server whether a new version exists; the browser installs it in the background. */
	checkForUpdate(): void {
		const now = Date.now();
		if (!this.#wb || !this.online || !shouldCheckForUpdate(this.#lastCheck, now)) return;
		this.#lastCheck = now;
		this.#wb.update().catch(() => {
			// Offline or the server is down: try again on the next check.
		});
	}

	/** Activates the waiting version and reloads this tab once it has taken over. */
	applyUpdate(): void {
		const wb = this.#wb;
		if (!wb) return;
		// Only the tab whose learner tapped Reload reloads; other open tabs keep their session.
		wb.addEventListener('controlling', () => window.location.reload());
		wb.messageSkipWaiting();
	}

	/** Hides the prompt; the waiting version takes over by itself once every Deckhand tab is closed. */
	postponeUpdate(): void {
		this.updateWaiting = false;
	}

	dismissOfflineReady(): void {
		this.offlineReady = false;
	}

	/** Shows the browser's install dialog (after the learner pressed Install app). */
	async install(): Promise<void> {
		const event = this.#installEvent;
		if (!event) return;
		this.#installEvent = null;
		await event.prompt();
		const { outcome } = await event.userChoice;
		if (outcome === 'dismissed') this.dismissInstall();
	}

	dismissInstall(): void {
		this.#installDismissed = true;
		writeFlag(INSTALL_DISMISSED_KEY);
	}
}

export const pwa = new PwaState();

/**
 * Runs `fn` once the page has loaded and the main thread is idle (at most 2 s later): registering the
 * worker and loading workbox-window are not needed for the first screen, so they wait until it is up.
 */
function whenSettled(fn: () => void): void {
	const idle = () =>
		'requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 0);
	if (document.readyState === 'complete') idle();
	else window.addEventListener('load', idle, { once: true });
}
