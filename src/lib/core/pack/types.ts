/**
 * The pack format's canonical types. A pack is data, never code: everything here is plain JSON.
 * The valibot schema in this folder parses unknown input into these types.
 */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type PackId = Brand<string, 'PackId'>;
export type CardId = Brand<string, 'CardId'>;
export type SectionId = Brand<string, 'SectionId'>;

export const PACK_FORMAT = 'deckhand-pack';
/**
 * 2: every card may carry its reason (`why`), its exam tags (`domain`, `objectives`) and the fact it tests
 * (`fact`, so sibling cards of one fact are spread over days); MCQ and DOMC options carry reasons.
 * Format 1 packs read unchanged. Also in format 2: the kinds scenario, multi-select, command-sequence and
 * read-output (a format 2 pack without them reads as before).
 */
export const PACK_FORMAT_VERSION = 2;

/** Exam domains of the Docker Certified Associate exam; other packs may leave them out. */
export type ExamDomain = string;

export interface Section {
	id: SectionId;
	title: string;
	/** Place in the source document, 1-based. */
	order: number;
	domain?: ExamDomain;
	/** Subsection titles in document order. */
	subsections: string[];
}

/** Where a card came from, so the app can say "from §1 Container Networking › Bridge Networks". */
export interface CardSource {
	section: string;
	subsection?: string;
	/** The bullet or code block the card was made from. */
	text: string;
}

/** A correction applied from the errata file: what the guide says, what is current, why. */
export interface Correction {
	guide: string;
	current: string;
	why: string;
}

export type CardKind =
	| 'flashcard'
	| 'mcq'
	| 'truefalse'
	| 'cloze'
	| 'domc'
	| 'command-fill'
	| 'command-type'
	| 'command-order'
	| 'config-fill'
	| 'scenario'
	| 'multi-select'
	| 'command-sequence'
	| 'read-output';

/** Exam domain id (one of DCA_DOMAINS) or 'beyond' for material outside the exam. */
export type CardDomain = string;

interface CardBase {
	id: CardId;
	sectionId: SectionId;
	source: CardSource;
	correction?: Correction;
	/** Why the answer is right: the fact's own reason, the author's why line or the reviewed note. */
	why?: string;
	/** The exam domain this card serves ('beyond' when outside the exam); falls back to its section's. */
	domain?: CardDomain;
	/** Exam objective numbers, e.g. ["1.3", "3.4"]. */
	objectives?: string[];
	/** The fact this card tests; cards with the same fact are siblings (not shown on the same day). */
	fact?: string;
}

/** An option that explains itself: shown after answering, right or wrong. */
export interface ReasonedOption {
	text: string;
	correct: boolean;
	/** Why this option is right or wrong. */
	why?: string;
}

export interface FlashcardCard extends CardBase {
	kind: 'flashcard';
	front: string;
	back: string;
}

export interface McqCard extends CardBase {
	kind: 'mcq';
	stem: string;
	options: string[];
	/** Index into options. */
	answer: number;
	/** Why each option is right or wrong, parallel to options. */
	reasons?: string[];
}

export interface TrueFalseCard extends CardBase {
	kind: 'truefalse';
	statement: string;
	answer: boolean;
	/** Why the statement is true or false. */
	explanation: string;
}

export interface ClozeCard extends CardBase {
	kind: 'cloze';
	/** Text before and after the blank. */
	before: string;
	after: string;
	answer: string;
}

export interface DomcCard extends CardBase {
	kind: 'domc';
	stem: string;
	options: ReasonedOption[];
}

export interface CommandFillCard extends CardBase {
	kind: 'command-fill';
	prompt: string;
	/** The command with the blank split out. */
	before: string;
	after: string;
	answer: string;
	/** The whole command, shown after the answer. */
	command: string;
}

export interface CommandTypeCard extends CardBase {
	kind: 'command-type';
	prompt: string;
	answer: string;
}

export interface CommandOrderCard extends CardBase {
	kind: 'command-order';
	prompt: string;
	/** The tokens in their correct order. */
	tokens: string[];
	/** Plausible wrong tokens added to the word bank. */
	distractors: string[];
}

export type ConfigLanguage = 'yaml' | 'compose' | 'dockerfile';

export interface ConfigFillCard extends CardBase {
	kind: 'config-fill';
	prompt: string;
	language: ConfigLanguage;
	before: string;
	after: string;
	/** One or more lines. */
	answer: string;
}

/** A short situation and a question about it; exactly one option is correct, each says why. */
export interface ScenarioCard extends CardBase {
	kind: 'scenario';
	situation: string;
	question: string;
	options: ReasonedOption[];
}

/** A question with two or more correct options; the stem says how many to choose ("Choose two."). */
export interface MultiSelectCard extends CardBase {
	kind: 'multi-select';
	stem: string;
	options: ReasonedOption[];
}

/** One typed step of a command sequence: what to do, and the command that does it. */
export interface SequenceStep {
	prompt: string;
	answer: string;
}

/** A multi-step task: each step typed and checked by the command checker, in order. */
export interface CommandSequenceCard extends CardBase {
	kind: 'command-sequence';
	task: string;
	steps: SequenceStep[];
}

/** A command's output and a question about what it says; one or more options are correct. */
export interface ReadOutputCard extends CardBase {
	kind: 'read-output';
	command: string;
	output: string;
	question: string;
	options: ReasonedOption[];
}

export type Card =
	| FlashcardCard
	| McqCard
	| TrueFalseCard
	| ClozeCard
	| DomcCard
	| CommandFillCard
	| CommandTypeCard
	| CommandOrderCard
	| ConfigFillCard
	| ScenarioCard
	| MultiSelectCard
	| CommandSequenceCard
	| ReadOutputCard;

export interface Pack {
	id: PackId;
	/** A positive integer; a higher version of the same id is an update. */
	version: number;
	title: string;
	description: string;
	author: string;
	license: string;
	/** ISO 8601. */
	createdAt: string;
	sections: Section[];
	cards: Card[];
}

export interface PackEnvelope {
	format: typeof PACK_FORMAT;
	formatVersion: typeof PACK_FORMAT_VERSION;
	pack: Pack;
}

/** Exhaustiveness helper for switches over unions. */
export function assertUnreachable(value: never): never {
	throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
