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
	term: string;
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

const pluralTerm = (t: string) =>
	/ and /.test(t) || (/[^s]s$/.test(t.replace(/\s*\(.*\)$/, '')) && !/(us|is|ss|Kubernetes)$/i.test(t));

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
			// A one-word name reads with its category ("the overlay network driver"); a noun phrase reads alone.
			const named = f.category && /^[a-z0-9][\w.-]*$/.test(f.term);
			const own = subjectOf(f.term);
			// A singular noun phrase of a category reads with its article ("the OCI runtime specification").
			const subject = named
				? `the ${f.term} ${f.category}`
				: f.category && !own.plural
					? `the ${own.text}`
					: own.text;
			out.push({
				...common,
				kind: 'term',
				subject,
				plural: named ? false : pluralTerm(f.term),
				term: f.term,
				definition: f.explanation,
				...(f.category ? { category: f.category } : {}),
				also: f.also ?? []
			});
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
