// Pure decisions about installing and updating, kept apart from the DOM so they can be tested.

/** What the page can offer for installing the app. */
export type InstallOffer = 'prompt' | 'ios' | 'none';

/** The browser facts the install offer depends on. */
export interface InstallContext {
	userAgent: string;
	/** The app already runs as an installed app (display-mode standalone or iOS navigator.standalone). */
	standalone: boolean;
	/** The browser fired beforeinstallprompt and the event is kept. */
	hasPrompt: boolean;
	/** The learner said "Not now" before. */
	dismissed: boolean;
}

/** True for Safari on iPhone and iPad, which never fires beforeinstallprompt. */
export function isIosSafari(userAgent: string): boolean {
	const ios =
		/iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && /Mobile\//.test(userAgent));
	// Other iOS browsers (Chrome, Firefox, Edge) add their own token; only Safari can add to the home screen
	// on older iOS versions, so the instructions name Safari's Share button.
	const otherBrowser = /CriOS|FxiOS|EdgiOS|OPiOS/.test(userAgent);
	return ios && /Safari\//.test(userAgent) && !otherBrowser;
}

/** Which install offer to show: the browser's prompt, the iOS steps, or nothing. */
export function chooseInstallOffer(ctx: InstallContext): InstallOffer {
	if (ctx.standalone || ctx.dismissed) return 'none';
	if (ctx.hasPrompt) return 'prompt';
	return isIosSafari(ctx.userAgent) ? 'ios' : 'none';
}

/** How often an open app asks the server for a new version, besides when it becomes visible again. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** Whether enough time passed since the last update check to ask again. */
export function shouldCheckForUpdate(lastCheck: number, now: number, minGapMs = 60_000): boolean {
	return now - lastCheck >= minGapMs;
}

/**
 * The plain-words reason an action that needs the network cannot run now, or null when it can. For
 * features such as importing a pack from a URL: pass `pwa.online` and say what the action does.
 */
export function networkNeeded(online: boolean, action: string): string | null {
	return online ? null : `You are offline. ${action} needs a connection; studying works without one.`;
}
