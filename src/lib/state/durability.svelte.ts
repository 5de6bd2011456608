/** Persistent storage: ask the browser not to evict the learner's data, and say what it answered. */
export type PersistStatus = 'granted' | 'denied' | 'unsupported' | 'unknown';

class DurabilityState {
	status = $state<PersistStatus>('unknown');
	#asked = false;

	/** Asks once per page load; browsers remember the answer. */
	async request(): Promise<void> {
		if (this.#asked) return;
		this.#asked = true;
		const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
		if (!storage?.persist) {
			this.status = 'unsupported';
			return;
		}
		try {
			const already = await storage.persisted();
			this.status = already || (await storage.persist()) ? 'granted' : 'denied';
		} catch {
			this.status = 'denied';
		}
	}
}

export const durability = new DurabilityState();

/** Plain words for each status. */
export const PERSIST_TEXT: Record<PersistStatus, string> = {
	granted: 'Your progress is stored persistently: the browser will not clear it to free space.',
	denied:
		'The browser did not grant persistent storage, so it may clear your progress when space runs low (Safari does after 7 days without use). Back up your progress from Settings now and then.',
	unsupported:
		'This browser cannot keep storage persistent. Back up your progress from Settings now and then.',
	unknown: 'Checking whether your progress is stored persistently…'
};
