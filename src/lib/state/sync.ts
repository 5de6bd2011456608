/**
 * Tells other open tabs what this one wrote, so a second tab moves on instead of grading the same card
 * again (the stale check in storage is the guarantee; this is the courtesy).
 */
export type SyncMessage =
	| { type: 'graded'; key: string }
	| { type: 'undone'; key: string }
	| { type: 'replaced' }
	| { type: 'settings' };

const NAME = 'deckhand';

let channel: BroadcastChannel | null = null;

function open(): BroadcastChannel | null {
	if (typeof BroadcastChannel === 'undefined') return null;
	channel ??= new BroadcastChannel(NAME);
	return channel;
}

/** This tab's id: every BroadcastChannel object of the same name hears a message, this tab's own too. */
const TAB = Math.random().toString(36).slice(2);

/** Sends a message to every other tab of the app. */
export function broadcast(msg: SyncMessage): void {
	open()?.postMessage({ ...msg, from: TAB });
}

/**
 * Sends a message to every tab of the app, this one included: for changes made behind every page's
 * back (a sync that pulled reviews), so the page on screen reloads too. Sent from a channel object of
 * its own, which every tab's listener hears.
 */
export function announce(msg: SyncMessage): void {
	if (typeof BroadcastChannel === 'undefined') return;
	const ch = new BroadcastChannel(NAME);
	ch.postMessage({ ...msg, from: 'announce' });
	ch.close();
}

/** Listens to other tabs; returns the function that stops listening. */
export function listen(fn: (msg: SyncMessage) => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const ch = new BroadcastChannel(NAME);
	ch.onmessage = (e: MessageEvent<SyncMessage & { from?: string }>) => {
		if (e.data.from !== TAB) fn(e.data);
	};
	return () => ch.close();
}
