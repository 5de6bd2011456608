import { fail, ok, type Issue, type Result } from '../result';
import type { ExamItem, ExamState } from './types';

/** The format of a saved exam; a different one is not resumed. */
export const SAVED_EXAM_VERSION = 1;

/**
 * An exam in progress as kept on the device, so that a reload or a tab the phone killed can resume it.
 * `claim` names the copy allowed to write it: a token made when the exam is started or resumed, so a
 * second tab that resumes the same exam takes it over and the first one learns it may no longer write.
 */
export interface SavedExam {
	version: typeof SAVED_EXAM_VERSION;
	claim: string;
	savedAt: number;
	exam: ExamState;
}

/** A snapshot of an exam to keep, written by the copy holding `claim`. */
export function saveExamState(exam: ExamState, claim: string, now: number): SavedExam {
	return { version: SAVED_EXAM_VERSION, claim, savedAt: now, exam };
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInt = (v: unknown): v is number => Number.isInteger(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

const CARD_KIND = { mcq: 'mcq', domc: 'domc', multi: 'multi-select' } as const;

function checkCandidate(c: unknown, kind: ExamItem['kind'], path: string, out: Issue[]): void {
	if (!isObj(c) || !isStr(c.packId) || !isStr(c.sectionTitle) || !(c.domain === null || isStr(c.domain))) {
		out.push({ path, message: 'is not a question with its pack, section and domain' });
		return;
	}
	const card = c.card;
	if (
		!isObj(card) ||
		card.kind !== CARD_KIND[kind] ||
		!isStr(card.id) ||
		!isStr(card.stem) ||
		!isObj(card.source)
	) {
		out.push({ path: `${path}.card`, message: `is not a ${kind} question` });
		return;
	}
	const options = card.options;
	if (!Array.isArray(options) || options.length === 0) {
		out.push({ path: `${path}.card.options`, message: 'has no options' });
		return;
	}
	const okOptions =
		kind === 'mcq'
			? options.every(isStr) && isInt(card.answer) && card.answer >= 0 && card.answer < options.length
			: options.every((o) => isObj(o) && isStr(o.text) && typeof o.correct === 'boolean');
	if (!okOptions) out.push({ path: `${path}.card.options`, message: 'are not valid options' });
}

function checkItem(item: unknown, path: string, out: Issue[]): item is ExamItem {
	const before = out.length;
	if (!isObj(item) || (item.kind !== 'mcq' && item.kind !== 'domc' && item.kind !== 'multi')) {
		out.push({ path, message: 'is not a multiple-choice, multiple-select or DOMC question' });
		return false;
	}
	checkCandidate(item.candidate, item.kind, `${path}.candidate`, out);
	if (out.length > before) return false;
	const n = ((item.candidate as Obj).card as { options: unknown[] }).options.length;
	if (item.kind === 'mcq') {
		if (!(item.answer === null || (isInt(item.answer) && item.answer >= 0 && item.answer < n)))
			out.push({ path: `${path}.answer`, message: 'is not one of the options' });
		if (typeof item.flagged !== 'boolean')
			out.push({ path: `${path}.flagged`, message: 'is not true or false' });
	} else if (item.kind === 'multi') {
		const a = item.answer;
		if (!Array.isArray(a) || !a.every((i) => isInt(i) && i >= 0 && i < n) || new Set(a).size !== a.length)
			out.push({ path: `${path}.answer`, message: 'are not options of the question' });
		if (typeof item.flagged !== 'boolean')
			out.push({ path: `${path}.flagged`, message: 'is not true or false' });
	} else {
		const order = item.order;
		const permutation =
			Array.isArray(order) &&
			order.length === n &&
			new Set(order).size === n &&
			order.every((i) => isInt(i) && i >= 0 && i < n);
		if (!permutation) out.push({ path: `${path}.order`, message: 'is not an order of the options' });
		const r = item.responses;
		if (!Array.isArray(r) || r.length > n || !r.every((x) => typeof x === 'boolean'))
			out.push({ path: `${path}.responses`, message: 'are not yes/no answers to the options shown' });
		if (!(item.outcome === null || item.outcome === 'correct' || item.outcome === 'wrong'))
			out.push({ path: `${path}.outcome`, message: 'is not correct, wrong or none' });
	}
	return out.length === before;
}

/**
 * Reads a saved exam back from storage: the same shape as written, checked once here, so a record from
 * another version of the app (or a damaged one) is refused with a reason instead of breaking the exam.
 */
export function parseSavedExam(raw: unknown): Result<SavedExam> {
	const out: Issue[] = [];
	if (!isObj(raw)) return fail([{ path: 'saved', message: 'is not a saved exam' }]);
	if (raw.version !== SAVED_EXAM_VERSION)
		return fail([{ path: 'saved.version', message: `is not ${SAVED_EXAM_VERSION}` }]);
	if (!isStr(raw.claim) || raw.claim === '') out.push({ path: 'saved.claim', message: 'is missing' });
	if (!isNum(raw.savedAt)) out.push({ path: 'saved.savedAt', message: 'is not a time' });
	const e = raw.exam;
	if (!isObj(e)) return fail([...out, { path: 'saved.exam', message: 'is not an exam' }]);
	const c = e.config;
	if (
		!isObj(c) ||
		!isInt(c.length) ||
		!isNum(c.timeLimitMs) ||
		!isNum(c.passMark) ||
		typeof c.countAsReviews !== 'boolean'
	)
		out.push({ path: 'saved.exam.config', message: 'is not an exam configuration' });
	for (const k of ['seed', 'startedAt', 'deadline'] as const)
		if (!isNum(e[k])) out.push({ path: `saved.exam.${k}`, message: 'is not a number' });
	if (e.phase !== 'mcq' && e.phase !== 'domc' && e.phase !== 'finished')
		out.push({ path: 'saved.exam.phase', message: 'is not mcq, domc or finished' });
	if (!(e.finishedAt === null || isNum(e.finishedAt)))
		out.push({ path: 'saved.exam.finishedAt', message: 'is not a time' });
	if (!(e.endedBy === null || e.endedBy === 'submitted' || e.endedBy === 'time'))
		out.push({ path: 'saved.exam.endedBy', message: 'is not submitted, time or none' });
	if (!Array.isArray(e.items) || e.items.length === 0) {
		out.push({ path: 'saved.exam.items', message: 'has no questions' });
	} else {
		e.items.forEach((item, i) => checkItem(item, `saved.exam.items.${i}`, out));
		const kinds = e.items.map((i: unknown) => (isObj(i) ? i.kind : null));
		// Multiple choice and multiple select first, then DOMC: the machine relies on it.
		if (kinds.some((k, i) => k !== 'domc' && kinds.slice(0, i).includes('domc')))
			out.push({ path: 'saved.exam.items', message: 'has a multiple-choice question after a DOMC one' });
		if (!isInt(e.current) || e.current < 0 || e.current >= e.items.length)
			out.push({ path: 'saved.exam.current', message: 'is not a question of the exam' });
	}
	if (out.length > 0) return fail(out);
	return ok(raw as unknown as SavedExam);
}
