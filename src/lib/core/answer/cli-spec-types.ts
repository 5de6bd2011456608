/**
 * The shape of the generated Docker CLI model (cli-spec.json, written by `npm run gen:cli-spec`).
 * Flag kinds: b = boolean, s = one value, l = repeatable value, y = byte size (case-insensitive unit).
 */
export type FlagKind = 'b' | 's' | 'l' | 'y';

export interface CliSpec {
	source: string;
	/** Canonical command path ('' is the docker root, 'container run', 'compose up') → long flag → [short, kind]. */
	commands: Record<string, Record<string, [string, FlagKind]>>;
	/** Alias path → canonical path ('run' → 'container run', 'stack up' → 'stack deploy'). */
	aliases: Record<string, string>;
	/** Commands that pass everything after their first positional to the container or service. */
	notInterspersed: string[];
	/** 'path:flag' pairs whose repeated values keep their order. */
	ordered: string[];
	/** Hidden legacy flag names per command → the documented long name. */
	hidden: Record<string, Record<string, string>>;
	/** Canonical command path → long flag → its default value, where it has one ('true' for a boolean on by default). */
	defaults: Record<string, Record<string, string>>;
}
