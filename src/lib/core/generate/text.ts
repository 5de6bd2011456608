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
	'status'
]);

/** True when the text starts with a third-person verb ("Assigns a MAC address ..."). */
export function startsWithVerb(s: string): boolean {
	const first = s.split(/\s+/)[0] ?? '';
	return /^[A-Z][a-z]{3,}s$/.test(first) && !NOUNS.has(first.toLowerCase()) && !/ss$/.test(first);
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
