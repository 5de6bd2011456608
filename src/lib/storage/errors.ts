/** Failures a write can meet that the learner should hear about in plain words. */
export type StorageFailure =
	| { kind: 'stale'; message: string }
	| { kind: 'quota'; message: string }
	| { kind: 'other'; message: string };

export const QUOTA_MESSAGE =
	'Your device is out of storage space, so this was not saved. Nothing was lost: free some space (or delete unused apps or browser data) and try again.';

/** Whether a write failed for want of space (Dexie may wrap the browser's error as `inner`). */
export function isQuota(e: unknown): boolean {
	if (typeof e !== 'object' || e === null) return false;
	const err = e as { name?: unknown; inner?: unknown };
	return err.name === 'QuotaExceededError' || (err.inner !== undefined && isQuota(err.inner));
}

/** Turns an exception from a write into a failure value with a message for the learner. */
export function toFailure(e: unknown): StorageFailure {
	if (isQuota(e)) return { kind: 'quota', message: QUOTA_MESSAGE };
	return { kind: 'other', message: `Could not save: ${e instanceof Error ? e.message : String(e)}` };
}
