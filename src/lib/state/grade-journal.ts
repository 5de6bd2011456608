/**
 * A grade on screen is a grade on disk. A grade's IndexedDB transaction reads before it writes (the
 * stale check, the section summary, the review counts), so a page unloaded a few milliseconds after the
 * tap loses it: the browser drops the transaction with the page. The tap's handler therefore also notes
 * the grade in localStorage, which is written synchronously and outlives the page; the note is removed
 * once the grade is written (or taken back), and the next page load writes any note left behind. The
 * storage's stale check makes that replay safe: a grade already written is never written twice.
 */
import type { CardState, ReviewLog } from '../core/scheduler/types';
import type { DeckhandDb } from '../storage/db';
import { recordGrade } from '../storage/study';

export interface PendingGrade {
	state: CardState;
	log: ReviewLog;
	sessionId?: string;
}

const PREFIX = 'deckhand:grade:';
/** Notes of another tab are left to it unless they are this old (that tab was closed mid-write). */
const ORPHAN_MS = 10_000;

let seq = 0;

function store(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** This tab's id, kept across reloads of the tab (sessionStorage), so a reload replays its own notes. */
function tabId(): string {
	try {
		let id = sessionStorage.getItem('deckhand:tab');
		if (!id) sessionStorage.setItem('deckhand:tab', (id = Math.random().toString(36).slice(2)));
		return id;
	} catch {
		return 'tab';
	}
}

/** Notes a grade before it is written; returns the note's key (null when the browser keeps none). */
export function noteGrade(grade: PendingGrade): string | null {
	const ls = store();
	if (!ls) return null;
	const key = `${PREFIX}${tabId()}:${Date.now()}:${String(seq++).padStart(6, '0')}`;
	try {
		ls.setItem(key, JSON.stringify(grade));
		return key;
	} catch {
		// Out of space or storage disabled: the grade is still written, just not guarded against an unload.
		return null;
	}
}

/** Removes a note once its grade is written or taken back. */
export function clearNote(key: string | null): void {
	if (key !== null) store()?.removeItem(key);
}

/**
 * Writes the grades noted by a page that unloaded before writing them (this tab's at once, another
 * tab's once it is plainly gone), oldest first. Returns how many were written and the first failure.
 */
export async function replayGrades(
	db: DeckhandDb,
	now: number
): Promise<{ written: number; failed: string | null }> {
	const ls = store();
	if (!ls) return { written: 0, failed: null };
	const mine = `${PREFIX}${tabId()}:`;
	const keys: string[] = [];
	for (let i = 0; i < ls.length; i++) {
		const key = ls.key(i);
		if (!key?.startsWith(PREFIX)) continue;
		const at = Number(key.split(':')[3]);
		if (key.startsWith(mine) || !(now - at < ORPHAN_MS)) keys.push(key);
	}
	keys.sort((a, b) => Number(a.split(':')[3]) - Number(b.split(':')[3]) || (a < b ? -1 : 1));
	let written = 0;
	let failed: string | null = null;
	for (const key of keys) {
		let grade: PendingGrade | null = null;
		try {
			grade = JSON.parse(ls.getItem(key) ?? 'null') as PendingGrade | null;
		} catch {
			grade = null;
		}
		if (grade?.state && grade.log?.before) {
			const r = await recordGrade(db, grade.state, grade.log, grade.sessionId);
			if (r.ok) written++;
			else if (r.errors.kind !== 'stale') failed ??= r.errors.message;
		}
		ls.removeItem(key);
	}
	return { written, failed };
}
