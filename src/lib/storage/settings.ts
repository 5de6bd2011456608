import { parseSettings, type StudySettings } from '../core/scheduler/settings';
import { fail, ok, type Result } from '../core/result';
import type { DeckhandDb } from './db';
import { toFailure, type StorageFailure } from './errors';

const KEY = 'study';

/** The learner's settings; defaults for anything never set or unreadable. */
export async function loadSettings(db: DeckhandDb): Promise<StudySettings> {
	const rec = await db.settings.get(KEY);
	return parseSettings(rec?.value);
}

/**
 * Stores the settings (parsed again, so nothing out of range is ever written), with the time of the
 * change: sync keeps the newest settings of all devices.
 */
export async function saveSettings(
	db: DeckhandDb,
	s: StudySettings
): Promise<Result<StudySettings, StorageFailure>> {
	const value = parseSettings(s);
	try {
		await db.settings.put({ key: KEY, value, updatedAt: Date.now() });
		return ok(value);
	} catch (e) {
		return fail(toFailure(e));
	}
}
