/**
 * The fact model between the notes' outline and the cards: what the notes say, typed by what can be asked
 * of it. A defined term (with its category), a statement about a subject, a misconception with its
 * correction. Cards ask about the subject in plain English; headings only name the subject.
 */
import { stableHash } from '../hash';
import type { Correction } from '../pack/types';
import type { ExamTags } from './notes';
import type { PFact, PSection, PSub } from './prepare';
import { subjectOf } from './text';

/** Where a false statement or a wrong option comes from: the only three places falseness is known. */
export type FalseOrigin = 'category swap' | 'author' | 'review';

interface FactBase {
	/** Stable key of the fact: every card made from it carries it, so siblings are spread over days. */
	key: string;
	/** What the fact is about, as it reads in a sentence: "the overlay network driver", "bind mounts". */
	subject: string;
	/** True when the subject is plural ("bind mounts are …"). */
	plural: boolean;
	/** The author's why line, if any. */
	why?: string;
	corrections: Correction[];
	tags: ExamTags;
	/** The bullet in the notes, after errata; `original` before. */
	source: PFact;
	sub: PSub;
	section: PSection;
}

/** `**overlay** (network driver): connects containers on different hosts.` */
export interface TermFact extends FactBase {
	kind: 'term';
	/** The term as the notes name it, without the article the author may write before it (`**a task**`). */
	term: string;
	/** The flashcard's question about the term: "What is a task in a swarm?", "What does the `VOLUME` instruction do?". */
	question: string;
	definition: string;
	category?: string;
	also: string[];
}

/** Anything else a bullet states about its subject. */
export interface StatementFact extends FactBase {
	kind: 'statement';
	text: string;
}

/** `- Misconception: …` from the author, or a reviewed false statement: the text is false, `why` corrects it. */
export interface MisconceptionFact extends FactBase {
	kind: 'misconception';
	text: string;
	origin: 'author' | 'review';
}

export type NoteFact = TermFact | StatementFact | MisconceptionFact;

/** A reviewed false statement from the review file, attached to a subsection. */
export interface ReviewedFalse {
	section: string;
	subsection?: string;
	statement: string;
	why: string;
}

/** The stable key of a fact from its original text. */
export const factKey = (original: string) => `f-${stableHash(original).slice(0, 10)}`;

/** The exam tags of a subsection: its own, else its section's (the intro's), else the meta's. */
export function tagsOf(section: PSection, sub: PSub, fallbackDomain?: string): ExamTags {
	const domain = sub.domain ?? section.intro.domain ?? fallbackDomain;
	const objectives = sub.objectives ?? section.intro.objectives;
	return { ...(domain ? { domain } : {}), ...(objectives?.length ? { objectives } : {}) };
}

/** The subject a subsection's plain bullets are about, from its heading: "Bind Mounts" → "bind mounts". */
export function subsectionSubject(sub: PSub, section: PSection): { text: string; plural: boolean } {
	return subjectOf(sub.title || section.title);
}

const pluralTerm = (t: string) => {
	// The head of "X of Y" is X: "Security implications of host networking" is plural.
	const head = t.replace(/\s*\(.*\)$/, '').replace(/\s+(of|in|on|for)\s.*$/, '');
	return (
		/ and /.test(head) ||
		(/[^s]s$/.test(head) && !/(us|is|ss|fs|Kubernetes)$/i.test(head) && !/^docker\s/.test(head))
	);
};

/**
 * Category heads that name a variant of a thing, so that a one-word name reads with its category: "the
 * bridge network driver", "the vip endpoint mode", "the drain availability of a swarm node". Any other
 * head ("swarm object", "Raft concept") is descriptive: the term then reads alone, with the article the
 * author wrote before it (`**a task**`) and the category's context ("object in a swarm" → "in a swarm").
 */
export const KIND_HEAD =
	/^(driver|mode|type|form|network|instruction|option|image|tag|key|namespace|plugin|setting|file|availability|specification|policy)$/;

/** The instructions of a Dockerfile: a term that is one reads as "the `COPY` instruction". */
export const INSTRUCTION =
	/^(FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)$/;

/** How a defined term reads: its name, its subject in a sentence, and its flashcard question. */
export interface TermReading {
	term: string;
	subject: string;
	plural: boolean;
	question: string;
}

/**
 * How a term reads, from the term as written (an article before it is the author's: `**a task**`,
 * `**the leader**`) and its category ("object in a swarm", "network driver").
 *
 * - a Dockerfile instruction: "the `VOLUME` instruction"; "What does the `VOLUME` instruction do?"
 * - a term with its article: "a task in a swarm"; "What is a task in a swarm?"
 * - a one-word name of a variant category: "the bridge network driver"; "What is the bridge network driver?"
 * - anything else reads as written: "Raft", "quorum in Raft", "block storage", "user namespace remapping".
 */
export function termReading(written: string, category?: string): TermReading {
	const art = /^(a|an|the)\s+(\S.*)$/i.exec(written.trim());
	const term = art ? art[2]! : written.trim();
	const article = art ? art[1]!.toLowerCase() : undefined;
	const split = category ? /^(.*?)\s+((?:in|of|on|for|from)\s.+)$/.exec(category) : null;
	const head = split ? split[1]! : (category ?? '');
	const context = split ? split[2]! : '';
	// "part of the CNM" → "a sandbox in the CNM"; "download from UCP" → "a client bundle in UCP".
	const within = context ? ` ${context.replace(/^(of|from)\b/, 'in')}` : '';
	const ask = (subject: string, plural: boolean) => `What ${plural ? 'are' : 'is'} ${subject}?`;
	// A command ("docker stats") is code: it does something.
	if (/^(docker|dockerd|kubectl)\s/.test(term) && !category) {
		const subject = `\`${term}\``;
		return { term, subject, plural: false, question: `What does ${subject} do?` };
	}
	if (INSTRUCTION.test(term) && (!category || /\binstruction$/.test(head))) {
		const subject = `the \`${term}\` instruction`;
		return { term, subject, plural: false, question: `What does ${subject} do?` };
	}
	if (article) {
		const plural = article === 'the' && pluralTerm(term);
		const subject = `${article} ${term}${within}`;
		return { term, subject, plural, question: ask(subject, plural) };
	}
	const headWord = head.split(/\s+/).pop() ?? '';
	if (category && /^[\w.-]+$/.test(term) && KIND_HEAD.test(headWord) && !term.endsWith(headWord)) {
		const subject = `the ${term} ${head}${context ? ` ${context}` : ''}`;
		return { term, subject, plural: false, question: ask(subject, false) };
	}
	// No category: a heading-like name reads in lower case ("Cloud registries" → "cloud registries").
	const subject = category ? `${term}${within}` : subjectOf(term).text;
	const plural = pluralTerm(term);
	return { term, subject, plural, question: ask(subject, plural) };
}

/** Reads the typed facts of one subsection. */
export function factsOf(
	section: PSection,
	sub: PSub,
	fallbackDomain?: string,
	reviewed: readonly ReviewedFalse[] = []
): NoteFact[] {
	const tags = tagsOf(section, sub, fallbackDomain);
	const own = subsectionSubject(sub, section);
	const out: NoteFact[] = [];
	for (const f of sub.facts) {
		const common = {
			key: factKey(`${section.title}\u0000${f.original}`),
			corrections: f.corrections,
			tags,
			source: f,
			sub,
			section,
			...(f.why ? { why: f.why } : {})
		};
		if (f.misconception) {
			const subject = f.parent ?? own.text;
			out.push({
				...common,
				kind: 'misconception',
				subject,
				plural: f.parent ? pluralTerm(f.parent) : own.plural,
				text: f.text,
				origin: 'author'
			});
		} else if (f.term && f.explanation) {
			const reading = termReading(f.term, f.category);
			out.push({
				...common,
				kind: 'term',
				subject: reading.subject,
				plural: reading.plural,
				term: reading.term,
				question: reading.question,
				definition: f.explanation,
				...(f.category ? { category: f.category } : {}),
				also: f.also ?? []
			});
		} else if (f.introduces) {
			// "A daemon.json that …:" introduces its snippet: it says nothing true or false by itself.
			continue;
		} else {
			const subject = f.parent ?? own.text;
			out.push({
				...common,
				kind: 'statement',
				subject,
				plural: f.parent ? pluralTerm(f.parent) : own.plural,
				text: f.text
			});
		}
	}
	for (const r of reviewed) {
		if (r.section !== section.title || (r.subsection ?? '') !== sub.title) continue;
		const source: PFact = { text: r.statement, keys: [], line: 0, original: r.statement, corrections: [] };
		out.push({
			key: factKey(`${section.title}\u0000review\u0000${r.statement}`),
			kind: 'misconception',
			subject: own.text,
			plural: own.plural,
			text: r.statement,
			why: r.why,
			origin: 'review',
			corrections: [],
			tags,
			source,
			sub,
			section
		});
	}
	return out;
}
