import { domcVerdict } from '../answer/domc';
import { drawQuestions, type WeightedDomain } from './draw';
import { chooseForms } from './form';
import { seededRandom, shuffle } from './random';
import type { DomcItem, ExamConfig, ExamEvent, ExamItem, ExamSource, ExamState } from './types';

export const DEFAULT_EXAM_LENGTH = 55;
export const QUICK_EXAM_LENGTH = 10;
/** Not the official pass mark: the DCA does not publish one; third parties quote 55–70%. */
export const DEFAULT_PASS_MARK = 0.65;

/** The DCA's 90 minutes for 55 questions, scaled to `length` and rounded up to a whole minute. */
export function defaultTimeLimitMs(length: number): number {
	return Math.ceil((90 * length) / 55) * 60_000;
}

/** A configuration with the DCA's defaults for anything not given. */
export function examConfig(over: Partial<ExamConfig> = {}): ExamConfig {
	const length = over.length ?? DEFAULT_EXAM_LENGTH;
	return {
		length,
		timeLimitMs: over.timeLimitMs ?? defaultTimeLimitMs(length),
		passMark: over.passMark ?? DEFAULT_PASS_MARK,
		countAsReviews: over.countAsReviews ?? false
	};
}

/**
 * A new exam: questions drawn by domain weight with a generator seeded by `seed`, most of them in DOMC
 * form; multiple choice and multiple select first, then DOMC.
 */
export function startExam(
	sources: readonly ExamSource[],
	weights: readonly WeightedDomain[],
	config: ExamConfig,
	seed: number,
	now: number
): ExamState {
	const random = seededRandom(seed);
	const drawn = chooseForms(shuffle(drawQuestions(sources, weights, config.length, random), random), random);
	const items: ExamItem[] = [];
	for (const c of drawn) {
		if (c.card.kind === 'mcq')
			items.push({ kind: 'mcq', candidate: { ...c, card: c.card }, answer: null, flagged: false });
		else if (c.card.kind === 'multi-select')
			items.push({ kind: 'multi', candidate: { ...c, card: c.card }, answer: [], flagged: false });
	}
	for (const c of drawn) {
		if (c.card.kind === 'domc') {
			const order = shuffle(
				c.card.options.map((_, i) => i),
				random
			);
			items.push({ kind: 'domc', candidate: { ...c, card: c.card }, order, responses: [], outcome: null });
		}
	}
	return {
		config,
		seed,
		startedAt: now,
		deadline: now + config.timeLimitMs,
		items,
		current: 0,
		phase: items[0]?.kind === 'domc' ? 'domc' : 'mcq',
		finishedAt: null,
		endedBy: null
	};
}

/** How many multiple-choice and multiple-select items lead the exam. */
export function mcqCount(state: ExamState): number {
	return state.items.filter((i) => i.kind !== 'domc').length;
}

function finish(state: ExamState, at: number, endedBy: 'submitted' | 'time'): ExamState {
	return { ...state, phase: 'finished', finishedAt: at, endedBy };
}

function replaceItem(state: ExamState, item: ExamItem): ExamState {
	const items = state.items.slice();
	items[state.current] = item;
	return { ...state, items };
}

/** A DOMC response, judged by the DOMC rule (core/answer/domc.ts): the question ends once it is decided. */
export function respondDomc(item: DomcItem, yes: boolean): DomcItem {
	if (item.outcome !== null || item.responses.length >= item.order.length) return item;
	const responses = [...item.responses, yes];
	const verdict = domcVerdict(item.candidate.card.options, item.order, responses);
	const outcome = verdict === null ? null : verdict === 'correct' ? 'correct' : 'wrong';
	return { ...item, responses, outcome };
}

/** The exam's next state after an event. Every event carries the time; past the deadline the exam ends. */
export function reduceExam(state: ExamState, event: ExamEvent): ExamState {
	if (state.phase === 'finished') return state;
	if (event.now >= state.deadline) return finish(state, state.deadline, 'time');
	const item = state.items[state.current];
	switch (event.type) {
		case 'choose':
			if (state.phase !== 'mcq' || !item || item.kind === 'domc') return state;
			if (event.option < 0 || event.option >= item.candidate.card.options.length) return state;
			if (item.kind === 'mcq') return replaceItem(state, { ...item, answer: event.option });
			// Multiple select: choosing an option again takes it back.
			return replaceItem(state, {
				...item,
				answer: item.answer.includes(event.option)
					? item.answer.filter((o) => o !== event.option)
					: [...item.answer, event.option].sort((a, b) => a - b)
			});
		case 'flag':
			if (state.phase !== 'mcq' || !item || item.kind === 'domc') return state;
			return replaceItem(state, { ...item, flagged: !item.flagged });
		case 'goto':
			if (state.phase !== 'mcq' || event.index < 0 || event.index >= mcqCount(state)) return state;
			return { ...state, current: event.index };
		case 'startDomc': {
			if (state.phase !== 'mcq') return state;
			const first = mcqCount(state);
			if (first >= state.items.length) return finish(state, event.now, 'submitted');
			return { ...state, phase: 'domc', current: first };
		}
		case 'respond': {
			if (state.phase !== 'domc' || item?.kind !== 'domc') return state;
			const next = respondDomc(item, event.yes);
			const updated = replaceItem(state, next);
			if (next.outcome === null) return updated;
			if (state.current + 1 >= state.items.length) return finish(updated, event.now, 'submitted');
			return { ...updated, current: state.current + 1 };
		}
		case 'tick':
			return state;
		case 'submit':
			return finish(state, event.now, 'submitted');
	}
}
