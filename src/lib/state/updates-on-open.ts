/**
 * Whether the update check has anything to ask. The layout loads the check's code (the catalogue parser,
 * the import path) only for a learner who subscribed to something, so nobody else pays for it.
 */
import { getDb } from '../storage/db';

/** True when at least one subscription is stored; false on any error (the app opens regardless). */
export async function hasSubscriptions(): Promise<boolean> {
	try {
		return (await getDb().subscriptions.count()) > 0;
	} catch {
		return false;
	}
}
