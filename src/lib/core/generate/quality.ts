/**
 * The question-quality figures of a pack, measured the way a careful exam writer reads it: wording about
 * the document, reasons, where false statements come from, duplicates and what blanks blank. Shared by
 * `npm run bench -- quality`, `deckhand lint` and the quality tests, so the three agree.
 */
import { cardText } from '../pack/browse';
import type { Card, CardKind, Pack } from '../pack/types';
import { INSTRUCTION, KIND_HEAD } from './facts';
import { exampleAmongOthers, NAMES } from './text';

/** Phrases that ask about the document instead of the subject. */
const DOCUMENT_WORDING = [
	/\bthe (guide|notes|document)\b/i,
	/\bguide's\b/i,
	/\bis described as\b/i,
	/\bwhat is meant by\b/i,
	/\bunder which topic\b/i,
	/\bwhich of these (does|statements)\b/i,
	/\bas (a )?points? of\b/i,
	/\bkey points of\b/i,
	/\bwhat points\b/i,
	/\bfor which of these is it true\b/i
];

/** Everything a learner reads on a card, before and after answering. */
export function shownText(c: Card): string {
	const { question, answer } = cardText(c);
	const reasons =
		c.kind === 'mcq'
			? (c.reasons ?? []).join(' ')
			: c.kind === 'domc'
				? c.options.map((o) => o.why ?? '').join(' ')
				: '';
	return [question, answer, c.why ?? '', reasons].join('\n');
}

/** True when a card is worded about the document ("the guide says", "is described as", a heading prefix). */
export function aboutDocument(c: Card, headings: readonly string[] = []): boolean {
	const text = shownText(c);
	if (DOCUMENT_WORDING.some((r) => r.test(text))) return true;
	// A heading as an option or as a prefix ("In Host Networking, …", "Bridge Networks: …").
	if (c.kind === 'mcq' && c.options.some((o) => headings.includes(o))) return true;
	const q = cardText(c).question;
	return headings.some((h) => h.length > 0 && (q.startsWith(`In ${h},`) || q.startsWith(`${h}:`)));
}

/** A term card's term and category, from its source line: "task (object in a swarm): …". */
function termOf(source: string): { term: string; category?: string } | null {
	const m = /^(?:(?:a|an|the)\s+)?([^:()]+?)(?:\s+\(([^)]+)\))?:\s/.exec(source);
	return m ? { term: m[1]!.trim(), ...(m[2] ? { category: m[2].trim() } : {}) } : null;
}

/**
 * Why a flashcard's question reads badly, or null: a descriptive category pasted after its term ("What is
 * the quorum Raft concept?", "What is the service swarm object?"), a name or an instruction read as
 * "the X" ("What is the BuildKit?", "What is the VOLUME?"), or a name written in lower case ("What is
 * the raft?"). A category that names a variant is fine: "What is the bridge network driver?".
 */
export function clumsyQuestion(c: Card): string | null {
	const q = cardText(c).question;
	if (/(^|\s)(dockerfile|kubernetes)(\s|$)/.test(q)) return 'a name written in lower case';
	if (c.kind !== 'flashcard') return null;
	if (/^What (is|are) the `?([A-Z][\w-]*)`?\?$/.test(q)) return 'a name or instruction read as "the X"';
	const t = termOf(c.source.text);
	if (!t) return null;
	if (t.category) {
		const head = t.category.replace(/\s+(in|of|on|for|from)\s.*$/, '');
		if (!KIND_HEAD.test(head.split(/\s+/).pop() ?? '') && q.includes(`the ${t.term} ${t.category}`))
			return 'a descriptive category pasted after its term';
	}
	const name = /^\S+$/.test(t.term) && (/.[A-Z]/.test(t.term) || NAMES.test(t.term));
	const lower = new RegExp(
		`(^|[^\\w])${t.term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w]|$)`
	);
	if (name && !q.includes(t.term) && lower.test(q)) return 'a name written in lower case';
	if (INSTRUCTION.test(t.term) && q.includes(t.term) && !q.includes(`\`${t.term}\` instruction`))
		return 'an instruction not named as one';
	return null;
}

/** Docker CLI commands: "docker build" starts no sentence as "Docker build". */
const CLI_WORDS =
	'build|buildx|run|node|service|swarm|stack|network|volume|image|images|container|compose|system|info|ps|logs|inspect|exec|pull|push|tag|login|logout|trust|plugin|secret|config|context|scout|save|load|export|import|commit|cp|rm|rmi|kill|stop|start|restart|update|events|top|stats|diff|history|search|version|manifest|attach|wait|port|rename|pause|unpause|create|builder';
const CAPITALISED_CODE = new RegExp(
	`^(Docker (${CLI_WORDS})\\b(?! (plugins|drivers|objects)\\b)|(Dockerd|Kubectl|Journalctl|Systemctl|Runc)\\b|The (${INSTRUCTION.source.slice(2, -2)}) (?!instruction)|[A-Z][a-z0-9]*[._/][\\w./-]*\\.(json|conf|sock|service|yml|yaml)\\b)`
);

/**
 * The sentences of a card (question, answer, reasons) that start with a command or code token written
 * with a capital letter ("Docker node ls shows …", "Daemon.json holds …") or an instruction read as a
 * noun ("The LABEL adds …"). Code keeps its case: in backticks, or the sentence is reworded.
 */
export function capitalisedCode(c: Card): string[] {
	const out: string[] = [];
	for (const text of shownText(c).split('\n'))
		for (const m of text.matchAll(/(?<=^|[.!?]\s+|^(?:True|False|Yes|No):\s+|\s[—–-]\s+)\S/g)) {
			const start = text.slice(m.index, m.index + 60);
			if (CAPITALISED_CODE.test(start)) out.push(start.slice(0, 40));
		}
	return out;
}

/**
 * Why a cloze's blank cannot be inferred, or null: a whole command or value of four words or more; a
 * blank that ends a sentence after a colon ("… from a Docker context: ____."), which only the notes' next
 * line could tell; a placeholder or an ellipsis ("/run/secrets/<name>", "sha256:…"); or one example
 * among others ("such as ____, NET_BIND_SERVICE or SYS_ADMIN", "(____, requirements.txt)").
 */
export function uninferableCloze(c: Card): string | null {
	if (c.kind !== 'cloze') return null;
	const a = c.answer.trim();
	if (a.split(/\s+/).length >= 4) return 'a blank of four words or more';
	if (/:\s*$/.test(c.before) && /^[.\s]*$/.test(c.after) && /\s|=.*[,=]/.test(a))
		return 'a blank that ends a lead-in';
	if (/[<>[\]…]|\.\.\./.test(a)) return 'a placeholder or an ellipsis in the blank';
	if (exampleAmongOthers(c.before, c.after)) return 'one example among others';
	return null;
}

const plain = (s: string) => s.toLowerCase().replace(/[`"]/g, '').replace(/\s+/g, ' ').trim();

/**
 * Why a true/false or cloze card does not stand on its own, or null: a heading pasted in as the subject of
 * the author's full sentence ("Overlay networks and encryption do not attach …" from "Do not attach …"),
 * or a sentence that leans on the line before it in the notes ("Other options …", "from that backup",
 * "Today the same effect …").
 */
export function notStandalone(c: Card): string | null {
	if (c.kind !== 'truefalse' && c.kind !== 'cloze') return null;
	const source = c.source.text.trim();
	const q = plain(c.kind === 'truefalse' ? c.statement : `${c.before}${c.answer}${c.after}`);
	const opening = plain(source).slice(0, 25);
	if (/\.$/.test(source) && opening.length === 25 && q.includes(opening) && !q.startsWith(opening))
		return 'a heading pasted in as the subject';
	if (
		/^(other|today|the same|these|those|this|that|both|they|also)\b/i.test(source) ||
		/\b(from that|the same effect|also gone|superseded both)\b/i.test(source)
	)
		return 'leans on the line before';
	return null;
}

/** Flags a learner cannot guess unless the task asks for what they do, with the words that ask for it. */
const ASKED_FLAGS: { flag: RegExp; name: string; asked: RegExp }[] = [
	{ flag: /^(-d|--detach)$|^-[a-ce-z]*d[a-z]*$/, name: '-d', asked: /background|detach|without waiting/i },
	{ flag: /^--rm$/, name: '--rm', asked: /remov|delet|clean|throw-?away|disposable|one-off/i },
	{ flag: /^-(it|ti)$/, name: '-it', asked: /interactive|shell|terminal|tty/i }
];

/**
 * The flags of a command card's answer that its task does not ask for ("Run nginx named web" whose answer
 * has `-d`): typed as asked, the answer would be marked wrong.
 */
export function unaskedFlags(c: Card): string[] {
	if (c.kind !== 'command-type' && c.kind !== 'command-fill' && c.kind !== 'command-order') return [];
	const command =
		c.kind === 'command-type' ? c.answer : c.kind === 'command-fill' ? c.command : c.tokens.join(' ');
	// Only the docker, podman or compose stage counts: `tar -czf` and `ps -d` are other programs.
	const tokens = command.split(/\s+/);
	const start = tokens.findIndex((t) => t === 'docker' || t === 'podman');
	if (start < 0) return [];
	const stage = tokens.slice(start, tokens.findIndex((t, i) => i > start && /^(\||&&|;|>)$/.test(t)) >>> 0);
	// The flags of the docker command itself, not of the program it runs (`docker run alpine ls -d`).
	return ASKED_FLAGS.filter(
		(f) => stage.slice(0, 8).some((t) => f.flag.test(t)) && !f.asked.test(c.prompt)
	).map((f) => f.name);
}

/** True when an explanation only says where something is written, not why it is so. */
export function locationOnly(text: string): boolean {
	return /\b(says|lists|mentions) (this|it) (under|about)\b|\bthe guide (says|lists)\b/i.test(text);
}

const words = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.split(' ')
		.filter(Boolean);

/**
 * True when a reason only restates the card ("X is Y" because "X is Y"): the generator's fallback
 * "`cmd` does this: <task>", or a why whose every word is already in the card's source fact or its
 * question ("The gelf logging driver sends logs in …" under "Which logging driver sends logs in …?").
 */
export function restates(c: Card): boolean {
	const why = (c.why ?? '').trim();
	if (!why) return false;
	if (/^`[^`]+` does this:/.test(why)) return true;
	const known = new Set([...words(c.source?.text ?? ''), ...words(cardText(c).question)]);
	return words(why).every((w) => known.has(w));
}

/** True when a card carries a reason for its answer (and, for MCQ and DOMC, for every option). */
export function hasReason(c: Card): boolean {
	const why = (c.why ?? (c.kind === 'truefalse' ? c.explanation : '')).trim();
	if (!why || locationOnly(why) || restates(c)) return false;
	if (c.kind === 'mcq') return (c.reasons ?? []).length === c.options.length && c.reasons!.every((r) => !!r);
	if (c.kind === 'domc') return c.options.every((o) => !!o.why && !locationOnly(o.why));
	return true;
}

/** The key of a card's question and answer: two cards with the same key are duplicates. */
export function questionKey(c: Card): string {
	const { question, answer } = cardText(c);
	const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
	return `${c.kind}\u0000${norm(question)}\u0000${norm(answer)}`;
}

export type BlankKind =
	| 'flag'
	| 'flag value'
	| 'subcommand'
	| 'path'
	| 'term'
	| 'number'
	| 'version pin'
	| 'name'
	| 'config line'
	| 'docker';

/** What a blank blanks, by its answer. */
export function blankKind(answer: string, kind: CardKind): BlankKind {
	const a = answer.trim();
	if (kind === 'config-fill')
		return /:\s*\S*\d+\.\d+|:[\w.-]*\d[\w.-]*$|@v\d/.test(a) ? 'version pin' : 'config line';
	if (a === 'docker') return 'docker';
	if (/^--?[a-zA-Z]/.test(a)) return 'flag';
	if (/^\d+(\.\d+)*$/.test(a) || /^v?\d+\.\d+/.test(a))
		return /^\d+(\.\d+)?\s*\w*$/.test(a) ? 'number' : 'version pin';
	if (/:\S*\d/.test(a) && !a.includes('/var')) return 'version pin';
	if (/^[./~]/.test(a) || /\/.+\//.test(a)) return 'path';
	if (kind === 'command-fill') return /^[a-z][a-z-]+$/.test(a) ? 'subcommand' : 'flag value';
	if (/^\d/.test(a)) return 'number';
	return 'term';
}

export interface QualityFigures {
	cards: number;
	byKind: Partial<Record<CardKind, number>>;
	aboutDocument: number;
	withReason: number;
	withReasonPercent: number;
	falseStatements: Record<string, number>;
	duplicates: number;
	blanks: Partial<Record<BlankKind, number>>;
	wordOrderShort: number;
	wordOrderNoDistractor: number;
	/** Questions that paste a category after a term, read a name as "the X", or lower-case a name. */
	clumsyQuestions: number;
	/** Cards with a sentence that starts with a capitalised command or "The LABEL …". */
	capitalisedCode: number;
	/** Clozes whose blank the sentence does not let one infer. */
	uninferableClozes: number;
	/** True/false and cloze cards that do not stand alone (a heading as subject, a sentence leaning on the last). */
	notStandalone: number;
}

/**
 * The figures of one pack. `origins` maps a card id to where its false statement or wrong options came
 * from (the generator reports it); cards it does not name count as "unchecked".
 */
export function measureQuality(pack: Pack, origins: Readonly<Record<string, string>> = {}): QualityFigures {
	const headings = pack.sections.flatMap((s) => [s.title, ...s.subsections]);
	const byKind: QualityFigures['byKind'] = {};
	const blanks: QualityFigures['blanks'] = {};
	const falseStatements: Record<string, number> = {};
	const keys = new Set<string>();
	let about = 0;
	let reason = 0;
	let duplicates = 0;
	let wordOrderShort = 0;
	let wordOrderNoDistractor = 0;
	let clumsy = 0;
	let capitalised = 0;
	let uninferable = 0;
	let leaning = 0;
	for (const c of pack.cards) {
		if (notStandalone(c)) leaning++;
		if (clumsyQuestion(c)) clumsy++;
		if (capitalisedCode(c).length) capitalised++;
		if (uninferableCloze(c)) uninferable++;
		byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
		if (aboutDocument(c, headings)) about++;
		if (hasReason(c)) reason++;
		const key = questionKey(c);
		if (keys.has(key)) duplicates++;
		keys.add(key);
		const falseKey =
			(c.kind === 'truefalse' && !c.answer) ||
			c.kind === 'mcq' ||
			(c.kind === 'domc' && c.options.some((o) => !o.correct));
		if (falseKey) {
			const origin = origins[c.id] ?? 'unchecked';
			falseStatements[origin] = (falseStatements[origin] ?? 0) + 1;
		}
		if (c.kind === 'cloze' || c.kind === 'command-fill' || c.kind === 'config-fill') {
			const b = blankKind(c.answer, c.kind);
			blanks[b] = (blanks[b] ?? 0) + 1;
		}
		if (c.kind === 'command-order') {
			if (c.tokens.length < 5) wordOrderShort++;
			if (c.distractors.length === 0) wordOrderNoDistractor++;
		}
	}
	return {
		cards: pack.cards.length,
		byKind,
		aboutDocument: about,
		withReason: reason,
		withReasonPercent: pack.cards.length ? Math.round((reason / pack.cards.length) * 1000) / 10 : 0,
		falseStatements,
		duplicates,
		blanks,
		wordOrderShort,
		wordOrderNoDistractor,
		clumsyQuestions: clumsy,
		capitalisedCode: capitalised,
		uninferableClozes: uninferable,
		notStandalone: leaning
	};
}
