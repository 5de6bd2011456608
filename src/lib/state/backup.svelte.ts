import { backupFileName, exportBackup, parseBackupText, restoreBackup } from '../storage/backup';
import { getDb } from '../storage/db';
import { settings } from './settings.svelte';
import { broadcast } from './sync';

/** Back up progress to a file and restore it, with plain-words results for the settings page. */
export class BackupState {
	message = $state<string | null>(null);
	error = $state<string | null>(null);
	busy = $state(false);

	/** Builds the backup file's text and a file name for it. */
	async create(): Promise<{ name: string; text: string }> {
		const now = Date.now();
		const b = await exportBackup(getDb(), now);
		this.message = `Backed up ${b.cards.length} cards and ${b.logs.length} reviews.`;
		return { name: backupFileName(now), text: JSON.stringify(b) };
	}

	/** Restores from a file's text; on any error nothing changes. */
	async restore(text: string): Promise<boolean> {
		this.busy = true;
		this.message = null;
		this.error = null;
		try {
			const parsed = parseBackupText(text);
			if (!parsed.ok) {
				this.error = `This backup cannot be restored, nothing was changed. ${parsed.errors
					.slice(0, 3)
					.map((e) => `${e.path}: ${e.message}`)
					.join(' ')}`;
				return false;
			}
			const r = await restoreBackup(getDb(), parsed.value);
			if (!r.ok) {
				this.error = `Restore failed, nothing was changed. ${r.errors[0]?.message ?? ''}`;
				return false;
			}
			await settings.load(true);
			broadcast({ type: 'replaced' });
			this.message = `Restored ${parsed.value.cards.length} cards and ${parsed.value.logs.length} reviews.`;
			return true;
		} finally {
			this.busy = false;
		}
	}
}
