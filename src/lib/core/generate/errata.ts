/**
 * Errata: reviewed corrections the generator applies to notes before it builds cards, so that no card
 * teaches a removed command or a wrong claim. Each applied erratum leaves a note on the card.
 */
import * as v from 'valibot';
import { fail, ok, type Result } from '../result';
import type { Correction } from '../pack/types';

export interface Erratum {
	id: string;
	/** Only apply within this section title (optional). */
	section?: string;
	/** Exact text to find in a fact, command, comment or config snippet. */
	match: string;
	/** The replacement; omit it together with drop to attach only the note. */
	replace?: string;
	/** Drop the fact or command entirely instead of correcting it. */
	drop?: boolean;
	guide: string;
	current: string;
	why: string;
}

const ErratumSchema = v.object({
	id: v.pipe(v.string(), v.minLength(1)),
	section: v.optional(v.string()),
	match: v.pipe(v.string(), v.minLength(1)),
	replace: v.optional(v.string()),
	drop: v.optional(v.boolean()),
	guide: v.string(),
	current: v.string(),
	why: v.string()
});

/**
 * A reviewed semantic overlap: a fact the guide states under one subsection that is just as true of
 * sibling subsections ("No port mapping needed" holds for host and for macvlan networks). Such a fact is
 * never asked as "which one", never declared false for those siblings, never a wrong DOMC option for them.
 */
export interface Overlap {
	section?: string;
	/** Text found in the fact (after errata). */
	fact: string;
	/** Sibling subsection titles the fact is also true of. */
	alsoTrueOf: string[];
	why?: string;
}

const OverlapSchema = v.object({
	section: v.optional(v.string()),
	fact: v.pipe(v.string(), v.minLength(1)),
	alsoTrueOf: v.array(v.string()),
	why: v.optional(v.string())
});

const MisconceptionSchema = v.object({
	section: v.string(),
	subsection: v.optional(v.string()),
	statement: v.pipe(v.string(), v.minLength(1)),
	why: v.pipe(v.string(), v.minLength(1))
});

/** An erratum of the reference review that is handled by hand (in the notes or by a note elsewhere). */
const NotedSchema = v.object({ id: v.string(), note: v.string() });

const ReviewSchema = v.object({
	errata: v.array(ErratumSchema),
	intents: v.optional(v.record(v.string(), v.string()), {}),
	overlaps: v.optional(v.array(OverlapSchema), []),
	misconceptions: v.optional(v.array(MisconceptionSchema), []),
	noted: v.optional(v.array(NotedSchema), [])
});

/** A reviewed file: errata, instructions for command exercises (keyed by the original command line) and overlaps. */
export interface Review {
	errata: Erratum[];
	intents: Record<string, string>;
	overlaps: Overlap[];
	/** Reviewed false statements with their correction. */
	misconceptions: { section: string; subsection?: string; statement: string; why: string }[];
	/** Errata of the reference handled by hand, each with how. */
	noted: { id: string; note: string }[];
}

/** Parses a review file's JSON value (errata, intents and overlaps). */
export function parseReview(input: unknown): Result<Review> {
	const r = v.safeParse(ReviewSchema, input);
	if (r.success) return ok(r.output);
	return fail(r.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message })));
}

export interface Corrected {
	text: string;
	dropped: boolean;
	corrections: Correction[];
	applied: string[];
}

/** Applies every matching erratum to one piece of source text. */
export function correct(text: string, section: string, errata: readonly Erratum[]): Corrected {
	let out = text;
	let dropped = false;
	const corrections: Correction[] = [];
	const applied: string[] = [];
	for (const e of errata) {
		if (e.section && e.section !== section) continue;
		if (!out.includes(e.match)) continue;
		applied.push(e.id);
		corrections.push({ guide: e.guide, current: e.current, why: e.why });
		if (e.drop) dropped = true;
		else if (e.replace !== undefined) out = out.split(e.match).join(e.replace);
	}
	return { text: out, dropped, corrections, applied };
}

/** Joins several corrections into the one note a card carries. */
export function mergeCorrections(list: Correction[]): Correction | undefined {
	const unique = list.filter((c, i) => list.findIndex((d) => d.why === c.why) === i);
	if (unique.length === 0) return undefined;
	if (unique.length === 1) return unique[0];
	return {
		guide: unique.map((c) => c.guide).join(' · '),
		current: unique.map((c) => c.current).join(' · '),
		why: unique.map((c) => c.why).join(' ')
	};
}
