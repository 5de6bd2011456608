import type { ExamCandidate, ExamResult } from '../core/exam/types';
import type { DeckhandDb } from './db';

/** A finished exam as kept in the history: its result, complete enough to show without the pack. */
export interface ExamRecord extends ExamResult {
	id?: number;
}

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

/** Every multiple-choice and DOMC card of the installed packs, with its section's title and domain. */
export async function loadExamCandidates(db: DeckhandDb): Promise<ExamCandidate[]> {
	return db.transaction('r', db.packs, db.cards, async () => {
		const packs = await db.packs.toArray();
		const sections = new Map<string, { title: string; domain: string | null }>();
		for (const p of packs) {
			for (const s of p.sections)
				sections.set(`${p.id}\u0000${s.id}`, { title: s.title, domain: s.domain ?? null });
		}
		const cards = await db.cards.filter((c) => c.kind === 'mcq' || c.kind === 'domc').toArray();
		return cards.flatMap((record) => {
			const { packId, order: _order, ...card } = record;
			if (card.kind !== 'mcq' && card.kind !== 'domc') return [];
			const section = sections.get(`${packId}\u0000${card.sectionId}`);
			return [{ packId, card, sectionTitle: section?.title ?? '', domain: section?.domain ?? null }];
		});
	});
}
