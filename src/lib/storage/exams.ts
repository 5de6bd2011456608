import { parseSavedExam, type SavedExam } from '../core/exam/saved';
import { examDomainOf, isExamKind } from '../core/exam/form';
import type { ExamRecord, ExamResult, ExamSource } from '../core/exam/types';
import { fail, ok, type Issue, type Result } from '../core/result';
import { cardRecords } from './pack-cards';
import type { DeckhandDb } from './db';
import { toFailure, type StorageFailure } from './errors';
import { sectionKey } from '../core/pack/keys';

export type { ExamRecord };

/** Adds a finished exam to the history and returns its id. */
export function saveExam(db: DeckhandDb, result: ExamResult): Promise<number> {
	return db.exams.add({ ...result });
}

/** The exam history, newest first. */
export function listExams(db: DeckhandDb): Promise<ExamRecord[]> {
	return db.exams.orderBy('startedAt').reverse().toArray();
}

/** One exam of the history. */
export function getExam(db: DeckhandDb, id: number): Promise<ExamRecord | undefined> {
	return db.exams.get(id);
}

/**
 * Every in-exam card the exam can ask (multiple choice, DOMC, scenario, read the output, multiple select)
 * of the installed packs, with its section's title and its exam domain; cards outside the exam are left out.
 */
export async function loadExamCandidates(db: DeckhandDb): Promise<ExamSource[]> {
	return db.transaction('r', db.packs, db.packCards, async () => {
		const packs = await db.packs.toArray();
		const sections = new Map<string, { title: string; domain: string | null }>();
		for (const p of packs) {
			for (const s of p.sections)
				sections.set(sectionKey(p.id, s.id), { title: s.title, domain: s.domain ?? null });
		}
		const cards = (await db.packCards.toArray()).flatMap(cardRecords).filter((c) => isExamKind(c));
		return cards.flatMap((record) => {
			const { packId, order: _order, ...card } = record;
			if (!isExamKind(card)) return [];
			const section = sections.get(sectionKey(packId, card.sectionId));
			const domain = examDomainOf(card, section?.domain);
			if (domain === undefined) return [];
			return [{ packId, card, sectionTitle: section?.title ?? '', domain }];
		});
	});
}

/** The settings key of the exam in progress (one at a time, like the app's one exam screen). */
export const RUNNING_EXAM_KEY = 'exam:running';

const TAKEN: StorageFailure = {
	kind: 'stale',
	message:
		'This exam was resumed, finished or discarded in another tab, so answers given here are no longer saved. Carry on in that tab.'
};

/** The exam in progress kept on the device, null if none; a record that cannot be read is an error. */
export async function loadRunningExam(db: DeckhandDb): Promise<Result<SavedExam | null, Issue[]>> {
	const rec = await db.settings.get(RUNNING_EXAM_KEY);
	if (rec === undefined) return ok(null);
	return parseSavedExam(rec.value);
}

/**
 * Keeps an exam just started or resumed, taking it over from any other copy (another tab) that was
 * writing it: that copy's next save finds a different claim and stops.
 */
export async function claimRunningExam(
	db: DeckhandDb,
	saved: SavedExam
): Promise<Result<SavedExam, StorageFailure>> {
	try {
		await db.settings.put({ key: RUNNING_EXAM_KEY, value: saved });
		return ok(saved);
	} catch (e) {
		return fail(toFailure(e));
	}
}

/** Saves the exam after an answer, only if this copy still holds it (stale otherwise). */
export async function saveRunningExam(
	db: DeckhandDb,
	saved: SavedExam
): Promise<Result<SavedExam, StorageFailure>> {
	try {
		return await db.transaction('rw', db.settings, async () => {
			const rec = await db.settings.get(RUNNING_EXAM_KEY);
			if (claimOf(rec?.value) !== saved.claim) return fail(TAKEN);
			await db.settings.put({ key: RUNNING_EXAM_KEY, value: saved });
			return ok(saved);
		});
	} catch (e) {
		return fail(toFailure(e));
	}
}

/**
 * Adds a finished exam to the history and forgets the running one, in one transaction, only if this
 * copy still holds it: the same exam is never scored twice, whichever tabs finish it.
 */
export async function finishRunningExam(
	db: DeckhandDb,
	claim: string,
	result: ExamResult
): Promise<Result<number, StorageFailure>> {
	try {
		return await db.transaction('rw', db.settings, db.exams, async () => {
			const rec = await db.settings.get(RUNNING_EXAM_KEY);
			if (claimOf(rec?.value) !== claim) return fail(TAKEN);
			const id = await db.exams.add({ ...result });
			await db.settings.delete(RUNNING_EXAM_KEY);
			return ok(id);
		});
	} catch (e) {
		return fail(toFailure(e));
	}
}

/** Forgets the exam in progress without a result. */
export async function discardRunningExam(db: DeckhandDb): Promise<void> {
	await db.settings.delete(RUNNING_EXAM_KEY);
}

function claimOf(value: unknown): string | null {
	if (typeof value !== 'object' || value === null) return null;
	const claim = (value as { claim?: unknown }).claim;
	return typeof claim === 'string' ? claim : null;
}
