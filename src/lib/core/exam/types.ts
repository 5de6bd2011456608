import type { DomcCard, McqCard, MultiSelectCard, ReadOutputCard, ScenarioCard } from '../pack/types';
import type { Rating } from '../scheduler/types';

/** The kinds of card an exam can ask, as stored in a pack. */
export type ExamSourceCard = McqCard | DomcCard | ScenarioCard | ReadOutputCard | MultiSelectCard;

/** An in-exam card of an installed pack, with where it comes from: what the exam draws from. */
export interface ExamSource {
	packId: string;
	card: ExamSourceCard;
	sectionTitle: string;
	/** The card's exam domain (its own, else its section's); null when it has none. */
	domain: string | null;
}

/** A question the exam asks: a card in the form it is shown (multiple choice, DOMC or multiple select). */
export interface ExamCandidate {
	packId: string;
	/** The card as shown; it keeps the pack card's id, so answers grade that card. */
	card: McqCard | DomcCard | MultiSelectCard;
	sectionTitle: string;
	/** The card's exam domain, if it has one. */
	domain: string | null;
	/** The card's exam objectives (none for an untagged card). */
	objectives?: string[];
	/** A scenario's situation, shown above the question. */
	lead?: string;
	/** A read-the-output question's command and output, shown above the question. */
	output?: { command: string; text: string };
}

export interface ExamConfig {
	length: number;
	timeLimitMs: number;
	/** Share of questions needed to pass, 0–1. The DCA does not publish its own. */
	passMark: number;
	/** Whether each answer is also written as a review for the scheduler. */
	countAsReviews: boolean;
}

export interface McqItem {
	kind: 'mcq';
	candidate: ExamCandidate & { card: McqCard };
	/** The option index chosen, or null. */
	answer: number | null;
	flagged: boolean;
}

export interface DomcItem {
	kind: 'domc';
	candidate: ExamCandidate & { card: DomcCard };
	/** Option indices in the order they are shown. */
	order: number[];
	/** The learner's yes/no for each option shown so far, in showing order. */
	responses: boolean[];
	/** Set once a response decides the question. */
	outcome: 'correct' | 'wrong' | null;
}

export interface MultiItem {
	kind: 'multi';
	candidate: ExamCandidate & { card: MultiSelectCard };
	/** The option indices chosen, in ascending order; empty when none. */
	answer: number[];
	flagged: boolean;
}

export type ExamItem = McqItem | MultiItem | DomcItem;

/**
 * The multiple-choice part (multiple choice and multiple select) comes first and can be revisited; the
 * DOMC part moves only forward.
 */
export type ExamPhase = 'mcq' | 'domc' | 'finished';

export interface ExamState {
	config: ExamConfig;
	seed: number;
	startedAt: number;
	deadline: number;
	/** Multiple-choice items first, then DOMC items. */
	items: ExamItem[];
	/** Index of the item on screen. */
	current: number;
	phase: ExamPhase;
	finishedAt: number | null;
	endedBy: 'submitted' | 'time' | null;
}

export type ExamEvent =
	| { type: 'choose'; now: number; option: number }
	| { type: 'flag'; now: number }
	| { type: 'goto'; now: number; index: number }
	| { type: 'startDomc'; now: number }
	| { type: 'respond'; now: number; yes: boolean }
	| { type: 'tick'; now: number }
	| { type: 'submit'; now: number };

export interface DomainScore {
	domain: string | null;
	title: string;
	correct: number;
	total: number;
}

export interface ObjectiveScore {
	objective: string;
	correct: number;
	total: number;
}

/** A question answered wrongly or not at all, with what the learner needs to learn from it. */
export interface MissedQuestion {
	packId: string;
	cardId: string;
	kind: ExamItem['kind'];
	stem: string;
	/** What the learner answered, in words ("No answer" if none). */
	given: string;
	/** The correct option(s). */
	correct: string[];
	explanation: string;
	source: string;
	domain: string | null;
	objectives?: string[];
}

export interface ExamResult {
	startedAt: number;
	finishedAt: number;
	endedBy: 'submitted' | 'time';
	config: ExamConfig;
	seed: number;
	correct: number;
	total: number;
	score: number;
	passed: boolean;
	byDomain: DomainScore[];
	/** Score per exam objective of the questions asked (results saved before objectives have none). */
	byObjective?: ObjectiveScore[];
	missed: MissedQuestion[];
}

/** A grade for the scheduler from one exam answer: correct → good, wrong → again. */
export interface ExamGrade {
	packId: string;
	cardId: string;
	/** The grade the verdict suggests (core/answer/rating.ts): right is Good, wrong is Again. */
	rating: Rating;
}

/** A finished exam as kept in the history: its result, complete enough to show without the pack. */
export interface ExamRecord extends ExamResult {
	id?: number;
}
