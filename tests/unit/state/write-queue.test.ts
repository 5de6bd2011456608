/**
 * The state layer's write queue (StudyState): grades show at once and are written behind the screen, in
 * order; a failed write takes back that grade and every later one; a note in localStorage covers an unload.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '$lib/storage/db';
import { replayGrades } from '$lib/state/grade-journal';
import { StudyState } from '$lib/state/study.svelte';
import { flashcardPack } from '../../fixtures/packs';
import { installPack } from '../../fixtures/install';

vi.mock('$lib/state/builtin', () => ({ builtInPacks: () => [] }));

/** A Web Storage in memory, for the grade notes. */
class MemoryStorage {
	#m = new Map<string, string>();
	get length() {
		return this.#m.size;
	}
	key(i: number) {
		return [...this.#m.keys()][i] ?? null;
	}
	getItem(k: string) {
		return this.#m.get(k) ?? null;
	}
	setItem(k: string, v: string) {
		this.#m.set(k, String(v));
	}
	removeItem(k: string) {
		this.#m.delete(k);
	}
	clear() {
		this.#m.clear();
	}
}

const T = Date.UTC(2026, 10, 28, 9);
const notes = () =>
	Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)!).filter((k) =>
		k.startsWith('deckhand:grade:')
	);

async function session(): Promise<StudyState> {
	const db = getDb();
	await db.delete();
	await db.open();
	await installPack(db, flashcardPack('w', 6, 1), T - 60_000);
	const study = new StudyState({ packId: 'w' as never });
	await study.load();
	return study;
}

async function gradeOnScreen(study: StudyState, rating: 'good' | 'again' = 'good'): Promise<string> {
	const id = study.current!.card.id;
	await study.respond({ kind: 'reveal' });
	void study.grade(rating);
	return id;
}

describe('the study write queue', () => {
	beforeEach(() => {
		vi.stubGlobal('localStorage', new MemoryStorage());
		vi.stubGlobal('sessionStorage', new MemoryStorage());
	});
	afterEach(() => vi.unstubAllGlobals());

	it('writes grades made in quick succession in the order they were made, each noted until written', async () => {
		const study = await session();
		const ids = [await gradeOnScreen(study), await gradeOnScreen(study), await gradeOnScreen(study)];
		// On screen at once, on disk behind it.
		expect(study.writing).toBe(3);
		expect(notes()).toHaveLength(3);
		await study.settled();
		expect(study.writing).toBe(0);
		expect(study.reviewed).toBe(3);
		expect(notes()).toEqual([]);
		const logs = await getDb().logs.orderBy('id').toArray();
		expect(logs.map((l) => l.cardId)).toEqual(ids);
		expect(study.canUndo).toBe(true);
	});

	it('takes back the grade that could not be written and every later one, in plain words', async () => {
		const study = await session();
		const first = await gradeOnScreen(study);
		await study.settled();
		// The next log write fails as a full disk would.
		const add = IDBObjectStore.prototype.add;
		IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<typeof add>) {
			if (this.name === 'logs') {
				IDBObjectStore.prototype.add = add;
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			}
			return add.apply(this, args);
		};
		const second = await gradeOnScreen(study);
		await gradeOnScreen(study);
		await study.settled();
		IDBObjectStore.prototype.add = add;
		expect(study.error).toMatch(/out of storage space.*Those 2 grades were taken back/);
		expect(study.current?.card.id).toBe(second);
		expect(study.reviewed).toBe(1);
		expect(notes()).toEqual([]);
		expect((await getDb().logs.toArray()).map((l) => l.cardId)).toEqual([first]);
	});

	it('a note left by an unload is written on the next load, once', async () => {
		const study = await session();
		const id = await gradeOnScreen(study);
		// The page goes away before the write: keep the note, drop the database's copy of the grade.
		const [key] = notes();
		const note = localStorage.getItem(key!)!;
		await study.settled();
		await getDb().logs.clear();
		const state = JSON.parse(note).log.before;
		await getDb().states.put({ ...state, sectionId: 's1', order: 0 });
		localStorage.setItem(key!, note);

		expect(await replayGrades(getDb(), Date.now())).toEqual({ written: 1, failed: null });
		expect((await getDb().logs.toArray()).map((l) => l.cardId)).toEqual([id]);
		expect(notes()).toEqual([]);
		// Written already: a second replay of the same note is stale and writes nothing.
		localStorage.setItem(key!, note);
		expect(await replayGrades(getDb(), Date.now())).toEqual({ written: 0, failed: null });
		expect(await getDb().logs.count()).toBe(1);
	});
});
