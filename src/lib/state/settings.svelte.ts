// Only the scheduler's plain modules: the layout loads this state on every page, and the FSRS library
// (ts-fsrs) stays out of the first route's JS. The scheduler itself: ./scheduling.svelte.ts. The
// database (Dexie) is imported when the settings are first read, after the page has painted.
import { localBoundary, dayEnd, dayStart, type DayBoundary } from '../core/scheduler/day';
import { DEFAULT_SETTINGS, type StudySettings } from '../core/scheduler/settings';
import type { DayWindow } from '../storage/home';
import { broadcast } from './sync';

/** The learner's settings, loaded once and shared by every page. */
class SettingsState {
	value = $state<StudySettings>({ ...DEFAULT_SETTINGS });
	loaded = $state(false);
	error = $state<string | null>(null);
	#loading: Promise<void> | null = null;

	load(force = false): Promise<void> {
		if (force) this.#loading = null;
		this.#loading ??= (async () => {
			const [{ getDb }, { loadSettings }] = await Promise.all([
				import('../storage/db'),
				import('../storage/settings')
			]);
			this.value = await loadSettings(getDb());
			this.loaded = true;
			applyTheme(this.value.theme);
		})();
		return this.#loading;
	}

	async save(patch: Partial<StudySettings>): Promise<boolean> {
		const [{ getDb }, { saveSettings }] = await Promise.all([
			import('../storage/db'),
			import('../storage/settings')
		]);
		const r = await saveSettings(getDb(), { ...this.value, ...patch });
		if (!r.ok) {
			this.error = r.errors.message;
			return false;
		}
		this.error = null;
		this.value = r.value;
		applyTheme(r.value.theme);
		broadcast({ type: 'settings' });
		return true;
	}

	/** The study day around `now`, by the configured start hour in local time. */
	window(now: number): DayWindow {
		const b = localBoundary(this.value.dayStartHour, now);
		return { now, dayStart: dayStart(now, b), dayEnd: dayEnd(now, b) };
	}

	/** The statistics' day clock: the scheduler's own boundary (start hour, time zone offset), so the
	 * heatmap, streak and forecast change days when the study day does. */
	clock(now: number): DayBoundary {
		return localBoundary(this.value.dayStartHour, now);
	}
}

function applyTheme(theme: StudySettings['theme']): void {
	if (typeof document === 'undefined') return;
	if (theme === 'system') delete document.documentElement.dataset.theme;
	else document.documentElement.dataset.theme = theme;
}

export const settings = new SettingsState();
