/**
 * Cards from typed facts: flashcards, multiple choice, true/false, cloze and DOMC. Every card asks about
 * the subject, carries a reason, and keys a statement false only where falseness is known: a swap between
 * defined terms of one category that no fact supports, an author's misconception, or a reviewed entry.
 */
import type {
	Card,
	ClozeCard,
	Correction,
	DomcCard,
	FlashcardCard,
	McqCard,
	SectionId,
	TrueFalseCard
} from '../pack/types';
import { cardId } from './cards';
import { mergeCorrections, type Overlap } from './errata';
import type { FalseOrigin, MisconceptionFact, NoteFact, StatementFact, TermFact } from './facts';
import {
	exampleAmongOthers,
	gives,
	hasWord,
	IMPERATIVE,
	lowerFirst,
	FINITE_VERB,
	sentence,
	sentenceAbout,
	sentenceStart,
	stableShuffle,
	upperFirst,
	whichQuestion
} from './text';

/** What the fact builders need besides the facts: section ids and reviewed overlaps. */
export interface FactCtx {
	sectionId: (f: NoteFact) => SectionId;
	overlaps: readonly Overlap[];
	/** Card id → where its false key came from; filled in as cards are made. */
	origins: Record<string, FalseOrigin>;
}

type Draft = Omit<Card, 'id'>;

/** True and false keys so far, and the definitions already lent to a false statement. */
interface Balance {
	trues: number;
	falses: number;
	swapped: Set<string>;
}

const FILLER = new Set([
	'the',
	'a',
	'an',
	'is',
	'are',
	'of',
	'to',
	'and',
	'or',
	'for',
	'with',
	'in',
	'on',
	'by'
]);

/** The content words of a text, for comparing what two facts mean. */
function words(text: string): Set<string> {
	return new Set(
		text
			.toLowerCase()
			.replace(/[^a-z0-9.-]+/g, ' ')
			.split(' ')
			.map((w) => w.replace(/^[.-]+|[.-]+$/g, '').replace(/s$/, ''))
			.filter((w) => w.length > 0 && !FILLER.has(w))
	);
}

/** True when two facts say the same thing: equal content words or nearly so (Jaccard ≥ 0.6). */
export function sameMeaning(a: string, b: string): boolean {
	const x = words(a);
	const y = words(b);
	if (x.size === 0 || y.size === 0) return false;
	const common = [...x].filter((w) => y.has(w)).length;
	return common / (x.size + y.size - common) >= 0.6;
}

function common(f: NoteFact, ctx: FactCtx, text: string, why: string, extra: Correction[] = []) {
	const correction = mergeCorrections([...f.corrections, ...extra]);
	return {
		sectionId: ctx.sectionId(f),
		source: {
			section: f.section.title,
			...(f.sub.title ? { subsection: f.sub.title } : {}),
			text
		},
		...(correction ? { correction } : {}),
		why,
		...(f.tags.domain ? { domain: f.tags.domain } : {}),
		...(f.tags.objectives ? { objectives: f.tags.objectives } : {}),
		fact: f.key
	};
}

const make = (draft: Draft, f: NoteFact, disc: string): Card =>
	({ id: cardId(draft.kind, f.source.original, disc), ...draft }) as Card;

/** The reason a fact gives: the author's why line, else the correction's, else null. */
function reasonOf(f: NoteFact): string | null {
	if (f.why) return sentence(sentenceStart(f.why));
	const c = f.corrections.find((x) => x.why);
	return c ? c.why : null;
}

/**
 * A definition said of its term: "The overlay network driver connects …", "A task in a swarm is one
 * scheduling slot …" (a definition that is a noun phrase), else "The replicated service mode: the default; …".
 */
function defined(t: TermFact): string {
	const said = sentenceAbout(t.subject, t.plural, t.definition);
	if (said) return said;
	// A noun phrase ("one scheduling slot of a service; …") is what the term is; "the default; keeps …" is not one.
	if (nounPhrase(t.definition))
		return sentence(`${upperFirst(t.subject)} ${t.plural ? 'are' : 'is'} ${t.definition}`);
	const lead = literalName(t.subject) ? t.subject : upperFirst(t.subject);
	return `${lead}: ${sentence(t.definition)}`;
}

/**
 * True when a definition is a noun phrase ("a group of users inside one organization, …"), not a clause
 * with its own subject ("the node runs no tasks; …", "a file from a lower layer is copied up …") nor a
 * label ("the default; …"): only a noun phrase can follow "X is".
 */
function nounPhrase(definition: string): boolean {
	if (!/^(a|an|the|one)\s/i.test(definition) || /^the default\b/i.test(definition)) return false;
	const head = (definition.split(/[;,(:]/)[0] ?? '').replace(/\s(that|which|who|where|when)\s.*$/, '');
	// "the node accepts new tasks" has its own subject and verb.
	return !FINITE_VERB.test(head) && !/^(a|an|the|one)\s+[\w-]+\s+[a-z]+s\s/i.test(head);
}

/** Why a rival is not the answer: what it is ("the replicated service mode — the default; keeps …"). */
function rivalReason(x: TermFact): string {
	const said = sentenceAbout(x.subject, x.plural, x.definition);
	return said ? lowerFirst(said) : `${x.subject} — ${sentence(x.definition)}`;
}

/** Words of a term that are not its category's own ("pid" of the pid namespace, "volume" of a volume plugin). */
function namesItself(t: TermFact): boolean {
	const generic = new Set((t.category ?? '').toLowerCase().split(/[\s-]+/));
	const words = t.term
		.toLowerCase()
		.split(/[\s-]+/)
		.filter((w) => w.length >= 3 && !generic.has(w) && !/^(the|and|for|with)$/.test(w));
	const clue = t.definition.toLowerCase();
	return words.some((w) => clue.includes(w));
}

/** A name written as Docker spells it (json-file, node.role, 127.0.0.11): never capitalised. */
function literalName(term: string): boolean {
	return /^[a-z][^\s]*[-_./:0-9]/.test(term);
}

/**
 * True when something in the notes says `claim` of the term `t` after all: its own definition, a
 * statement about it, or a reviewed overlap. Such a swap is not known to be false.
 */
function supported(t: TermFact, claim: string, all: readonly NoteFact[], ctx: FactCtx): boolean {
	if (sameMeaning(t.definition, claim)) return true;
	const about = all.filter(
		(x) => x.kind === 'statement' && (x.subject === t.term || x.subject === t.subject)
	) as StatementFact[];
	if (about.some((x) => sameMeaning(x.text, claim))) return true;
	if (hasWord(claim, t.term)) return true;
	return ctx.overlaps.some(
		(o) => claim.includes(o.fact) && (o.alsoTrueOf.includes(t.term) || o.alsoTrueOf.includes(t.sub.title))
	);
}

/** Other terms of the same explicit category whose definitions are known to be false of `t`. */
function rivals(t: TermFact, pool: readonly TermFact[], all: readonly NoteFact[], ctx: FactCtx): TermFact[] {
	return pool.filter(
		(o) =>
			o !== t &&
			o.term.toLowerCase() !== t.term.toLowerCase() &&
			!supported(t, o.definition, all, ctx) &&
			!gives(o.definition, t.term)
	);
}

function termCards(
	t: TermFact,
	pool: readonly TermFact[],
	all: readonly NoteFact[],
	ctx: FactCtx,
	balance: Balance
): Card[] {
	const out: Card[] = [];
	const reason = reasonOf(t);
	const def = defined(t);
	const why = reason ?? def;
	// Forward: the definition of the term.
	const front = t.question;
	if (!gives(front, t.definition))
		out.push(
			make(
				{
					kind: 'flashcard',
					front,
					// The definition said of its term; where it cannot be ("With …,", "X: the default; …"), the
					// definition as written answers the question on its own.
					back:
						/^With /.test(def) ||
						def.startsWith(`${literalName(t.subject) ? t.subject : upperFirst(t.subject)}: `)
							? sentence(sentenceStart(t.definition, t.source.keys))
							: def,
					...common(t, ctx, t.source.text, why)
				} as Omit<FlashcardCard, 'id'>,
				t,
				'term'
			)
		);
	if (!t.category) return out;
	const cat = t.category;
	// "For which … is it true that …" reads as a test of the wording, not of the thing: not asked.
	const asked = whichQuestion(`which ${cat}`, t.definition);
	const askOk = asked !== null && !/^For /.test(asked);
	const ask = askOk ? asked : `Which ${cat} ${lowerFirst(t.definition)}?`;
	const wrong = rivals(t, pool, all, ctx);
	// A clue that names its own answer ("… set up with dockerd-rootless-setuptool.sh" for rootless mode,
	// "… its first process is PID 1" for the pid namespace) asks nothing: no reverse card, no multiple choice.
	const clueNamesTerm = namesItself(t);
	let mcqMade = false;
	// Multiple choice: which term of the category fits; every distractor is a term of the same category.
	if (askOk && !clueNamesTerm && wrong.length >= 3 && !gives(ask, t.term)) {
		const picked = stableShuffle(wrong, t.source.original, (x) => x.term)
			.filter((x) => !hasWord(ask, x.term))
			.slice(0, 3);
		if (picked.length === 3) {
			const opts = stableShuffle([t, ...picked], `${t.source.original}#opts`, (x) => x.term);
			const draft: Omit<McqCard, 'id'> = {
				kind: 'mcq',
				stem: ask,
				options: opts.map((x) => x.term),
				answer: opts.indexOf(t),
				reasons: opts.map((x) => (x === t ? `Yes: ${why}` : `No: ${rivalReason(x)}`)),
				...common(t, ctx, t.source.text, why)
			};
			const card = make(draft as Draft, t, 'mcq-term');
			ctx.origins[card.id] = 'category swap';
			out.push(card);
			mcqMade = true;
		}
	}
	// Reverse: the term from its definition (a sibling of the forward card: same fact).
	// The multiple choice asks the same question with options: a flashcard of its stem would repeat it.
	if (t.term.split(/\s+/).length <= 4 && !clueNamesTerm && !mcqMade) {
		const reverse = askOk ? ask : `Name the ${cat}: ${lowerFirst(sentence(t.definition))}`;
		if (!gives(reverse, t.term))
			out.push(
				make(
					{
						kind: 'flashcard',
						front: reverse,
						// Accepted alternatives (an "Also:" line) are shown with the answer.
						back: t.also.length ? `${t.term} (also: ${t.also.join(', ')})` : t.term,
						...common(t, ctx, t.source.text, why)
					} as Omit<FlashcardCard, 'id'>,
					t,
					'reverse'
				)
			);
	}
	// True/false: a swap with a rival's definition when falses are behind, else the true definition with its reason.
	// Each rival's definition is lent to one false statement at most, so "definition of another term"
	// is not one recognisable shape repeated over a category.
	const swap = stableShuffle(wrong, `${t.source.original}#tf`, (x) => x.term).find(
		(x) => !balance.swapped.has(x.definition)
	);
	const falseStatement = swap ? sentenceAbout(t.subject, t.plural, swap.definition) : null;
	if (falseStatement && swap && balance.falses <= balance.trues) {
		const draft: Omit<TrueFalseCard, 'id'> = {
			kind: 'truefalse',
			statement: falseStatement,
			answer: false,
			explanation: `${swap.plural ? 'Those are' : 'That is'} ${swap.subject}. ${def}`,
			...common(t, ctx, t.source.text, `${def}${reason ? ` ${reason}` : ''}`)
		};
		const card = make(draft as Draft, t, 'tf');
		ctx.origins[card.id] = 'category swap';
		balance.falses++;
		balance.swapped.add(swap.definition);
		out.push(card);
	}
	// No true/false that only repeats the definition: the flashcard, the reverse card, the multiple choice
	// and the DOMC already ask it, and true keys would outnumber false ones.
	// DOMC: one stem about the term, its definition and rivals' definitions shown one at a time.
	if (wrong.length >= 2 && sentenceAbout(t.subject, t.plural, t.definition)) {
		const others = stableShuffle(wrong, `${t.source.original}#domc`, (x) => x.term).slice(0, 3);
		const options = stableShuffle(
			[
				{ text: sentence(sentenceStart(t.definition)), correct: true, why: `Yes: ${why}` },
				...others.map((o) => ({
					text: sentence(sentenceStart(o.definition)),
					correct: false,
					why: `No: ${o.plural ? 'those are' : 'that is'} ${o.subject}.`
				}))
			],
			`${t.source.original}#domc-opts`,
			(o) => o.text
		);
		const draft: Omit<DomcCard, 'id'> = {
			kind: 'domc',
			stem: `Is this true of ${t.subject}? Answer each option yes or no.`,
			options,
			...common(t, ctx, t.source.text, why)
		};
		const card = make(draft as Draft, t, 'domc-term');
		ctx.origins[card.id] = 'category swap';
		out.push(card);
	}
	const c = clozeOf(t, def, why, ctx);
	if (c) out.push(c);
	return out;
}

function statementCards(s: StatementFact, ctx: FactCtx, balance: Balance): Card[] {
	const out: Card[] = [];
	const about = sentenceAbout(s.subject, s.plural, s.text);
	if (!about) return out;
	// The author's full sentence stands alone: its heading is never pasted in as the subject ("Overlay
	// networks and encryption do not attach …", "Secrets and access to services secret suit …").
	const said =
		/\.$/.test(s.text.trim()) && s.text.split(/\s+/).length >= 4
			? sentence(sentenceStart(s.text, s.source.keys))
			: about;
	// A true statement needs the author's reason: a correction note says what changed, not why it is so.
	const reason = s.why ? sentence(sentenceStart(s.why)) : null;
	// Advice ("Do not attach application services to `ingress`") is not a claim to judge true or false.
	if (reason && !IMPERATIVE.test(said)) {
		out.push(
			make(
				{
					kind: 'truefalse',
					statement: said,
					answer: true,
					explanation: reason,
					...common(s, ctx, s.source.text, reason)
				} as Omit<TrueFalseCard, 'id'>,
				s,
				'tf'
			)
		);
		balance.trues++;
	}
	const c = clozeOf(s, said, reasonOf(s) ?? said, ctx);
	if (c) out.push(c);
	return out;
}

function misconceptionCards(m: MisconceptionFact, ctx: FactCtx, balance: Balance): Card[] {
	if (!m.why) return [];
	// The author's misconception is a whole claim, used as written; only a fragment takes its subject.
	const statement =
		/^[A-Z]/.test(m.text) && /\s/.test(m.text)
			? sentence(m.text)
			: /\.$/.test(m.text.trim()) && m.text.split(/\s+/).length >= 4
				? sentence(sentenceStart(m.text, m.source.keys))
				: sentenceAbout(m.subject, m.plural, m.text);
	if (!statement) return [];
	const reason = sentence(sentenceStart(m.why));
	const card = make(
		{
			kind: 'truefalse',
			statement,
			answer: false,
			explanation: reason,
			...common(m, ctx, m.source.text, reason)
		} as Omit<TrueFalseCard, 'id'>,
		m,
		'tf'
	);
	ctx.origins[card.id] = m.origin;
	balance.falses++;
	return [card];
}

// ---- cloze ------------------------------------------------------------------------------------

/** A flag, path, file or lower-case name: `-p`, `/var/lib/docker/volumes/`, `.env`, `json-file`. */
const technical = (t: string) => /[-./_$]/.test(t) || /^[a-z][a-z0-9]+$/.test(t) || /^[A-Z]{2,}$/.test(t);

/** Blanks that teach nothing or cannot be inferred: a version pin, the word docker, a bare number. */
function unteachable(t: string): boolean {
	return (
		/^docker$/i.test(t) ||
		/:\S*\d/.test(t) ||
		/@v?\d/.test(t) ||
		/^v?\d+(\.\d+)+$/.test(t) ||
		/^\d+$/.test(t) ||
		t.length < 2
	);
}

/** The term a cloze blanks in a sentence: an inline-code or bold key that carries the knowledge. */
export function clozeTarget(f: NoteFact, said: string): string | null {
	const term = f.kind === 'term' ? f.term : '';
	const keys = f.source.keys.filter((k) => k.replace(/^(a|an|the)\s+/i, '') !== term);
	for (const k of [
		...keys.filter(technical),
		...keys.filter((x) => !technical(x) && x.split(/\s+/).length < 3)
	]) {
		// A JSON key in quotes is blanked inside them: `"____"`, answer `userns-remap`.
		const t = k.trim().replace(/^"([^"\s]+)"$/, '$1');
		if (unteachable(t)) continue;
		// A whole command or value of four words is not inferred from one sentence: blank a part of it or nothing.
		if (t.split(/\s+/).length >= 4) continue;
		// A placeholder, an ellipsis or a grammar ("/run/secrets/<name>", "sha256:…") cannot be typed as keyed.
		if (/[<>[\]…]|\.\.\./.test(t)) continue;
		// The term itself in its own definition ("The host publish mode: ____ publishes …" → mode=host).
		if (f.kind === 'term' && hasWord(t, f.term)) continue;
		const at = said.indexOf(t);
		if (at < 0) continue;
		// One example among others ("such as ____, NET_BIND_SERVICE or SYS_ADMIN", "(____, requirements.txt)",
		// "a repository named ____"): any other example would be just as right.
		if (exampleAmongOthers(said.slice(0, at), said.slice(at + t.length))) continue;
		// "… the long --publish syntax: ____." asks for what only the next line of the notes could tell.
		if (/:\s*$/.test(said.slice(0, at)) && /^[.\s]*$/.test(said.slice(at + t.length)) && /\s|=.*[,=]/.test(t))
			continue;
		const rest = said.slice(0, at) + said.slice(at + t.length);
		if (gives(rest, t)) continue;
		if (rest.replace(/[^a-z]/gi, '').length < 12) continue;
		return t;
	}
	return null;
}

function clozeOf(f: NoteFact, said: string, why: string, ctx: FactCtx): Card | null {
	const t = clozeTarget(f, said);
	if (!t) return null;
	const at = said.indexOf(t);
	const draft: Omit<ClozeCard, 'id'> = {
		kind: 'cloze',
		before: said.slice(0, at),
		after: said.slice(at + t.length),
		answer: t,
		...common(f, ctx, f.source.text, why)
	};
	return make(draft as Draft, f, `cloze:${t}`);
}

/** Cards from every fact of the notes; categories are pooled over the whole notes. */
export function factCards(all: readonly NoteFact[], ctx: FactCtx): Card[] {
	const pools = new Map<string, TermFact[]>();
	for (const f of all)
		if (f.kind === 'term' && f.category) {
			const key = f.category.toLowerCase();
			pools.set(key, [...(pools.get(key) ?? []), f]);
		}
	const balance: Balance = { trues: 0, falses: 0, swapped: new Set() };
	const out: Card[] = [];
	for (const f of all) {
		if (f.kind === 'term')
			out.push(...termCards(f, pools.get(f.category?.toLowerCase() ?? '') ?? [], all, ctx, balance));
		else if (f.kind === 'statement') out.push(...statementCards(f, ctx, balance));
		else out.push(...misconceptionCards(f, ctx, balance));
	}
	return out;
}
