/** Small text helpers shared by the card builders. */
import { stableHash } from '../hash';

const PROPER =
	/^(Docker|Kubernetes|Swarm|Linux|Git|GitHub|Prometheus|Grafana|Podman|Buildah|OCI|CI|CD|DNS|IP|MAC|YAML|JSON|VXLAN|ELK|AWS|Google|Azure|Jenkins)\b/;

/** Lower-cases the first letter unless the first word is a name or an acronym. */
export function lowerFirst(s: string): string {
	if (PROPER.test(s) || /^[A-Z]{2,}/.test(s)) return s;
	return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Upper-cases the first letter. */
export function upperFirst(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Programs whose name is code: a sentence that starts with one keeps it in lower case, in backticks. */
const CODE_VERB =
	/^(is|are|was|has|have|can|cannot|then|shows?|lists?|prints?|hands|handles|pushes|pulls|deletes|exits|tags|builds|deploys|scales|updates|implements|filters|keeps|runs|reads|writes|removes|returns|starts|stops|needs|does|only|also|never|always|must|gives|sets|makes|creates|deletes|sends|fails|works|accepts|refuses|rolls|replaces|takes|uses|waits|adds)$/;
const PROGRAM =
	/^(docker|dockerd|containerd|containerd-shim|runc|ctr|nerdctl|journalctl|systemctl|kubectl|iptables|nsenter)$/;

/**
 * The start of a sentence: a capital letter, except on code. A program name ("dockerd hands …") or a
 * command ("docker build is …") goes in backticks; a flag, a path or a file name ("--rm removes …",
 * "daemon.json holds …") and code already in backticks keep their case.
 */
export function sentenceStart(s: string, code: readonly string[] = []): string {
	const t = s.trim();
	// A code span of the notes that starts the sentence ("`overlay2` works …", "`--dns` on a container …").
	const lead = code.find(
		(k) =>
			/^[^A-Z\s]+$|^\S*[-./:=_"]\S*$|^(docker|dockerd|registry|-)/.test(k) &&
			t.startsWith(k) &&
			!/^[\w-]/.test(t.slice(k.length))
	);
	if (lead) return `\`${lead}\`${t.slice(lead.length)}`;
	const first = t.split(/\s+/)[0] ?? '';
	if (PROGRAM.test(first)) {
		// "docker build is …": the command runs up to its verb.
		const words = t.split(/\s+/);
		const verb = words.findIndex((w, i) => i > 0 && CODE_VERB.test(w));
		const code = verb > 0 && verb <= 8 ? words.slice(0, verb).join(' ') : first;
		return `\`${code}\`${t.slice(code.length)}`;
	}
	if (/^[-`./$<"']/.test(t) || /^[a-z][\w-]*[._/][\w./-]*/.test(first)) return t;
	return upperFirst(t);
}

const NOUNS = new Set([
	'containers',
	'images',
	'volumes',
	'services',
	'networks',
	'commands',
	'logs',
	'tools',
	'kubernetes',
	'docker',
	'less',
	'this',
	'its',
	'process',
	'access',
	'status',
	'always',
	'tools',
	'tags',
	'apps',
	'pods',
	'jobs',
	'keys',
	'ports',
	'files',
	'users',
	'tests',
	'steps',
	'nodes',
	'hosts',
	'stats',
	'options',
	'components',
	'features',
	'examples',
	'messages'
]);

/** Advice in the imperative ("Do not attach …", "Copy dependency manifests first …"): true, but not a claim. */
export const IMPERATIVE =
	/^(Do|Don't|Never|Always|Avoid|Prefer|Spread|Copy|Combine|Keep|Use|Put|Run|Set|Pin|Give|Make|Choose|Add|Create|Start|Stop|Remove|Check|Mount|Publish|Label|Tag|Push|Pull|Sign|Scan|Restrict|Rotate|Lock|Store|Test|Limit|Drop|Enable|Disable|Install|Upgrade|Plan|Monitor|Let|Leave|Name|Open|Expose|Treat|Protect|Rebuild|Delete|Clean|Prune|Watch|Follow|Pass|Send|Close|Back up|Think|Read|Write)\s(?!(is|are|has|have|was|can)\b)/;

/** True when the text starts with a third-person verb ("Assigns a MAC address ..."). */
export function startsWithVerb(s: string): boolean {
	const first = s.split(/\s+/)[0] ?? '';
	return /^[A-Z][a-z]{2,}s$/.test(first) && !NOUNS.has(first.toLowerCase()) && !/ss$/.test(first);
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** True when `answer` shows up in `prompt` (case- and space-insensitive). */
export function gives(prompt: string, answer: string): boolean {
	const a = norm(answer);
	return a.length > 0 && norm(prompt).includes(a);
}

/** True when `word` appears in `text` as a whole word (case-insensitive). */
export function hasWord(text: string, word: string): boolean {
	const escaped = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(text.toLowerCase());
}

/** A deterministic shuffle: the order depends only on the items and the seed text. */
export function stableShuffle<T>(items: T[], seed: string, key: (t: T) => string): T[] {
	return items
		.map((t) => ({ t, k: stableHash(key(t), seed.length) + stableHash(seed + key(t)) }))
		.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
		.map((x) => x.t);
}

/** Ends a sentence with a full stop unless it already has punctuation. */
export function sentence(s: string): string {
	const t = s.trim();
	return /[.?!:]$/.test(t) ? t : `${t}.`;
}

/** Splits a shell command into tokens, keeping quoted strings and $(...) together. */
export function shellTokens(command: string): string[] {
	const tokens: string[] = [];
	let cur = '';
	let quote: string | null = null;
	let depth = 0;
	for (let i = 0; i < command.length; i++) {
		const ch = command[i]!;
		if (quote) {
			cur += ch;
			if (ch === quote) quote = null;
		} else if (ch === '"' || ch === "'") {
			quote = ch;
			cur += ch;
		} else if (ch === '$' && command[i + 1] === '(') {
			depth++;
			cur += '$(';
			i++;
		} else if (ch === ')' && depth > 0) {
			depth--;
			cur += ch;
		} else if (/\s/.test(ch) && depth === 0) {
			if (cur) tokens.push(cur);
			cur = '';
		} else cur += ch;
	}
	if (cur) tokens.push(cur);
	return tokens;
}

/** Names that keep their capital letter inside a sentence. */
export const NAMES =
	/^(Docker|Dockerfile|Kubernetes|Swarm|Compose|Linux|Git|GitHub|GitOps|Prometheus|Grafana|Podman|Buildah|Containerd|RunC|Raft|Notary|Traefik|Windows|Alpine|Engine|Desktop|Hub)$/;

/** A heading as the subject of a sentence: "Bridge Networks" → "bridge networks", keeping names. */
export function subjectOf(title: string): { text: string; plural: boolean } {
	const words = title.split(/\s+/);
	// A product name ("Docker Bench Security", "Docker Content Trust (DCT)") keeps its capitals.
	const name = title.includes('(') || (words[0] === 'Docker' && words.length >= 3);
	const text = name
		? title
		: words
				.map((w) => (/^[A-Z][a-z]+(?:-[a-z]+)*$/.test(w) && !NAMES.test(w) ? w.toLowerCase() : w))
				.join(' ');
	const head =
		title
			.replace(/\s*\(.*\)\s*$/, '')
			.split(/\s+/)
			.pop() ?? '';
	const plural = / and /.test(title) || (/[^s]s$/.test(head) && !/(us|is|Kubernetes)$/.test(head));
	return { text, plural };
}

/** A third-person verb for a plural subject: "Creates" → "create", "Does" → "do". */
function pluralVerb(verb: string): string {
	const v = verb.toLowerCase();
	if (v === 'does') return 'do';
	if (v === 'has') return 'have';
	if (/(ss|sh|ch|x|z)es$/.test(v)) return v.slice(0, -2);
	return v.slice(0, -1);
}

const ADJECTIVE =
	/^((Essential|Useful|Independent|Available|Ideal|Better|Good|Faster|Simpler|Integrated|Focused|Compatible)\s+(for|of|to|and|with|on|in)\b|(More|Less)\s+[\w-]+\s+and\b)/;
/** Past participles that read as a passive predicate ("Located in ...", "Used by containerd ..."). */
const PARTICIPLE =
	/^(Located|Used|Built|Stored|Based|Designed|Maintained|Managed|Shared|Mounted)\s+(in|by|into|on|for|under|with|across)\b/;
/** A modal verb phrase ("Can build without Dockerfile"). */
const MODAL = /^(Can|Cannot|Must|May|Should|Will)\s+[a-z]/;
/** A noun phrase naming what the subject is ("Comprehensive logging solution", "Drop-in replacement ..."). */
const KIND_NOUN =
	/^(?!(?:a|an|the)\s)(?:[\w-]+\s+){0,2}(script|tool|solution|application|replacement|builder|runtime|platform|orchestrator)\b/i;
/** Bare verbs that say what a subject does ("Volume drivers enable ...", "Namespaces isolate ..."), not advice. */
const CAPABILITY =
	/^(Enable|Visualize|Group|Deploy|Copy|Store|Reuse|Activate|Isolate|Limit|Control|Assign|Provide|Create|Run|Use|Keep|Minimize|Combine|Order|Put|Distribute|Maintain|Prevent|Scan|Monitor|Sign|Load)\b/;
/** Capability verbs safe for a plural subject too ("Multi-stage builds copy artifacts ..."). */
const PLURAL_VERB =
	/^(Enable|Visualize|Group|Deploy|Copy|Store|Reuse|Activate|Isolate|Limit|Control|Assign|Provide)\b/;
/** Capability verbs that still say what a singular subject does ("Network isolation controls ..."). */
const SINGULAR_VERB = /^(Enable|Visualize|Isolate|Limit|Control|Assign|Provide)\b/;
export const FINITE_VERB =
	/\s(is|are|can|cannot|must|may|should|will|has|have|does|do|needs?|appears?|disappears|shares|uses|requires|refer|communicate|supports?|creates|provides|stores?|includes|holds?|keeps?|runs|gives|lets|moves|makes|starts|stops|reads|writes|ignores|validates|merges)\b/i;

/** A bare verb in the third person singular: "Use" → "uses", "Copy" → "copies", "Push" → "pushes". */
export function thirdPerson(verb: string): string {
	const v = verb.toLowerCase();
	if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ies`;
	if (/(s|sh|ch|x|z|o)$/.test(v)) return `${v}es`;
	return `${v}s`;
}

const article = (s: string) => (/^[aeiou]/i.test(s) ? 'an' : 'a');

/**
 * What a fact says of a subject, as a predicate that follows it: "assigns a MAC address to each
 * container", "are the default network type in Docker". Null when the fact is not such a phrase (a
 * sentence with its own subject, a noun phrase, a list).
 */
export function predicate(fact: string, plural: boolean): string | null {
	const f = fact.trim().replace(/[.:]$/, '');
	if (/:/.test(f)) return null;
	const first = f.split(/\s+/)[0] ?? '';
	const rest = f.slice(first.length);
	const be = plural ? 'are' : 'is';
	if (startsWithVerb(f)) return `${plural ? pluralVerb(first) : first.toLowerCase()}${rest}`;
	if (plural ? PLURAL_VERB.test(f) : SINGULAR_VERB.test(f))
		return `${plural ? first.toLowerCase() : thirdPerson(first)}${rest}`;
	if (ADJECTIVE.test(f) || PARTICIPLE.test(f)) return `${be} ${lowerFirst(f)}`;
	if (/^Default\s+[a-z]/.test(f) && !FINITE_VERB.test(f)) return `${be} the ${lowerFirst(f)}`;
	if (MODAL.test(f)) return lowerFirst(f);
	if (!plural && KIND_NOUN.test(f) && !FINITE_VERB.test(f) && !/,/.test(f))
		return `is ${article(f)} ${lowerFirst(f)}`;
	return null;
}

/** True when a fact is a sentence with its own subject ("Data disappears when container stops"). */
const isClause = (f: string) =>
	(FINITE_VERB.test(f) || /^(A|An|The)\s+\S+(\s+\S+)?\s+[a-z]+s\b/.test(f)) &&
	/^[A-Z]/.test(f) &&
	!MODAL.test(f) &&
	!/^[\w-]+,/.test(f);

/**
 * A question asking which of the options a fact is about, as a plain sentence: "Which of these uses
 * digital signatures to verify images?", "Which type of network is essential for Docker Swarm
 * clustering?". `who` is the question's subject ("which of these"). Null when no sentence can be formed.
 */
export function whichQuestion(who: string, fact: string): string | null {
	const f = fact.trim().replace(/[.:]$/, '');
	if (/:/.test(f)) return null;
	const Who = upperFirst(who);
	if (/^(is|are|has|have|can|cannot|does|gives|runs|lets)\b/i.test(f)) return `${Who} ${lowerFirst(f)}?`;
	const first = f.split(/\s+/)[0] ?? '';
	const rest = f.slice(first.length);
	if (startsWithVerb(f)) return `${Who} ${first.toLowerCase()}${rest}?`;
	if (CAPABILITY.test(f)) return `${Who} ${thirdPerson(first)}${rest}?`;
	if (ADJECTIVE.test(f) || PARTICIPLE.test(f)) return `${Who} is ${lowerFirst(f)}?`;
	if (/^Default\s+[a-z]/.test(f) && !FINITE_VERB.test(f)) return `${Who} is the ${lowerFirst(f)}?`;
	if (MODAL.test(f)) return `${Who} ${lowerFirst(f)}?`;
	if (isClause(f)) return `For ${who} is it true that ${lowerFirst(f)}?`;
	return null;
}

/**
 * A plain English sentence that says `fact` of `subject` ("the overlay network driver", "bind mounts"),
 * or null when no sentence can be formed safely: then the fact makes fewer cards, never a quotation.
 */
export function sentenceAbout(subject: string, plural: boolean, fact: string): string | null {
	const f = fact.trim().replace(/[.:;]$/, '');
	if (!f) return null;
	// An author's full sentence (a capital letter, a verb, a closing full stop) stands alone: prefixing its
	// heading ("With raft and the manager quorum, …") would only make it worse.
	if (/^[A-Z]/.test(fact.trim()) && /\.$/.test(fact.trim()) && isClause(f)) return sentence(f);
	const lead = sentenceStart(subject);
	if (/^(is|are|has|have|can|cannot|does|do|needs|must|may|will|gives|runs|lets)\b/i.test(f))
		return sentence(`${lead} ${f.charAt(0).toLowerCase()}${f.slice(1)}`);
	const p = predicate(upperFirst(f), plural);
	if (p) return sentence(`${lead} ${p}`);
	// A heading that is not a noun phrase ("From docker run to a service", "Scaling strategies") cannot
	// lead a sentence as "With …,": such a fact makes fewer cards instead.
	const nounPhrase = !(
		/\s/.test(subject.trim()) &&
		/^(from|to|with|for|in|on|about|how|why|when|what)\b|^[a-z]+ing\b/i.test(subject.trim())
	);
	if (/^No\s+[a-z]/.test(f) && !FINITE_VERB.test(f))
		return nounPhrase ? sentence(`With ${subject}, there is ${lowerFirst(f)}`) : null;
	// A full sentence that names its own subject stands alone; any other clause keeps its subject as context.
	if (isClause(f) && /^(A|An|The|Each|Every|Compose|Docker|Swarm)\s/.test(f)) return sentence(f);
	if (isClause(f) && nounPhrase) return sentence(`With ${subject}, ${lowerFirst(f)}`);
	return null;
}

/**
 * True when a blank between `before` and `after` is one example among others, so that any other example
 * would be just as right: "such as ____, NET_BIND_SERVICE or SYS_ADMIN", "(____, requirements.txt)",
 * "(docker-ce, ____, containerd.io)", "a repository named ____".
 */
export function exampleAmongOthers(before: string, after: string): boolean {
	if (
		/\b(such as|for example|e\.g\.|including|includes|like|named|called)\s+(?:(?![.:]\s)[^;])*$/i.test(before)
	)
		return true;
	// A list inside parentheses whose neighbour of the blank is another single item of the same kind.
	const open = before.lastIndexOf('(');
	if (open <= before.lastIndexOf(')')) return false;
	return /^,\s*[^,\s()]+\s*[,)]/.test(after) || /[(,]\s*[^,\s()]+,\s*$/.test(before);
}
