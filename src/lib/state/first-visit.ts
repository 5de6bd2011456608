/**
 * What the home page shows before the database answers. On a first visit the built-in packs are not
 * installed yet, and installing them takes a while on a slow phone: their counts are known at build
 * time (every card new, nothing due), so the page shows them at once while the install runs. A flag in
 * localStorage (read synchronously, without opening IndexedDB) tells a first visit from a return.
 */
import { remaining } from '../core/queue';
import type { StudySettings } from '../core/scheduler/settings';
import type { HomeCounts, PackCounts } from '../storage/home';
import type { BuiltIn } from './builtin';

const INSTALLED_KEY = 'deckhand.installed';

/** The home counts right after the built-in packs are installed: every card new, nothing studied. */
export function firstVisitCounts(
	builtIns: readonly BuiltIn[],
	limits: Pick<StudySettings, 'newPerDay'>
): HomeCounts {
	const packs: PackCounts[] = builtIns
		.map(({ figures: f }) => ({
			packId: f.id as PackCounts['packId'],
			title: f.title,
			due: 0,
			new: f.cards,
			sections: f.sections.map((s) => ({
				sectionId: s.id as PackCounts['sections'][number]['sectionId'],
				title: s.title,
				order: s.order,
				due: 0,
				new: s.cards
			}))
		}))
		.sort((a, b) => a.title.localeCompare(b.title));
	const fresh = packs.reduce((n, p) => n + p.new, 0);
	return {
		due: 0,
		new: fresh,
		newAvailable: Math.min(fresh, remaining(limits.newPerDay, 0)),
		dueAvailable: 0,
		today: { reviewed: 0, newSeen: 0, reviewsDone: 0 },
		packs
	};
}

function local(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		// Storage disabled by the browser's settings: every visit counts as a first one, which only
		// means the build-time counts show until the real ones arrive.
		return null;
	}
}

/** Whether this browser has installed the built-in packs before (so the database has the counts). */
export function installedBefore(): boolean {
	const storage = local();
	return storage !== null && storage.getItem(INSTALLED_KEY) !== null;
}

/** Remembers that the built-in packs are installed. */
export function markInstalled(): void {
	try {
		local()?.setItem(INSTALLED_KEY, '1');
	} catch {
		// Out of space or storage disabled: the next visit shows the build-time counts first, no more.
	}
}
