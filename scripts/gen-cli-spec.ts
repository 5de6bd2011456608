/**
 * `npm run gen:cli-spec`: derives Deckhand's Docker CLI model from the CLI reference pages in
 * ../shared/reference (docker-cli/ and compose-cli/) and writes src/lib/core/answer/cli-spec.json.
 * Only the facts the checker needs are kept (command paths, aliases, flag names, value kinds); the
 * pages themselves are never copied.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliSpec, FlagKind } from '../src/lib/core/answer/cli-spec-types';

const REF = join(process.cwd(), '..', 'shared', 'reference');
const OUT = join(process.cwd(), 'src', 'lib', 'core', 'answer', 'cli-spec.json');

/** Commands that stop reading their own flags at the first positional (pflag SetInterspersed(false)). */
const NOT_INTERSPERSED = [
	'container run',
	'container create',
	'container exec',
	'service create',
	'compose run',
	'compose exec'
];
/** Repeated flags whose order carries meaning (later files override earlier ones). */
const ORDERED = ['compose:file', 'compose:env-file', 'stack deploy:compose-file', 'image build:file'];
/** Hidden legacy aliases the real CLI accepts but the reference tables omit (MarkHidden in docker/cli). */
const HIDDEN: Record<string, Record<string, string>> = {
	'container run': { net: 'network', 'net-alias': 'network-alias', 'dns-opt': 'dns-option' },
	'container create': { net: 'network', 'net-alias': 'network-alias', 'dns-opt': 'dns-option' }
};

/**
 * Plugin commands the reference pages do not cover but the guide and its errata use: docker trust
 * (a plugin since v29), docker scout (the successor of docker scan) and buildx build.
 */
const PLUGINS: Record<string, Record<string, [string, FlagKind]>> = {
	'trust sign': { local: ['', 'b'] },
	'trust inspect': { pretty: ['', 'b'] },
	'trust revoke': { yes: ['y', 'b'] },
	'scout cves': { format: ['', 's'], 'only-severity': ['', 's'], output: ['o', 's'] },
	'scout quickview': {},
	'scout recommendations': {}
};

function kindOf(type: string): FlagKind {
	switch (type) {
		case 'bool':
			return 'b';
		case 'list':
		case 'stringArray':
		case 'stringSlice':
		case 'filter':
		case 'map':
		case 'ulimit':
		case 'mount':
		case 'network':
		case 'port':
		case 'secret':
		case 'config':
		case 'pref':
			return 'l';
		case 'bytes':
			return 'y';
		default:
			return 's';
	}
}

interface Page {
	path: string;
	aliases: string[];
	flags: Record<string, [string, FlagKind]>;
	defaults: Record<string, string>;
}

/** A flag's default as the reference table gives it, or null when it means "not set" (empty, [], map[], false, 0, 0s, -1, <nil>). */
function defaultOf(cell: string, kind: FlagKind): string | null {
	const value = /`([^`]*)`/.exec(cell)?.[1]?.trim() ?? '';
	if (['', '[]', 'map[]', '""', 'false', '0', '0s', '-1', '<nil>'].includes(value)) return null;
	if (kind === 'b' && value !== 'true') return null;
	return value.replace(/^"(.*)"$/, '$1');
}

function readPage(file: string, prefix: string): Page {
	const text = readFileSync(file, 'utf8');
	const base = file.split('/').pop()!.replace(/\.md$/, '');
	const path = base === 'docker' ? '' : base.replace(/_/g, ' ');
	const aliases: string[] = [];
	const aliasBlock = /### Aliases\s+([^\n]+)/.exec(text);
	if (aliasBlock) {
		for (const m of aliasBlock[1]!.matchAll(/`docker ([^`]+)`/g)) aliases.push(m[1]!.trim());
	}
	const flags: Record<string, [string, FlagKind]> = {};
	const defaults: Record<string, string> = {};
	const options = text.split('### Options')[1]?.split('<!---MARKER_GEN_END-->')[0] ?? '';
	for (const line of options.split('\n')) {
		const cells = line.split('|').map((c) => c.trim());
		if (cells.length < 4) continue;
		const names = [...(cells[1] ?? '').matchAll(/`(--?[A-Za-z0-9][\w.-]*)`/g)].map((m) => m[1]!);
		const type = /`([^`]+)`/.exec(cells[2] ?? '')?.[1] ?? 'bool';
		const long = names.find((n) => n.startsWith('--'));
		if (!long) continue;
		const short = names.find((n) => !n.startsWith('--'))?.slice(1) ?? '';
		flags[long.slice(2)] = [short, kindOf(type)];
		const value = defaultOf(cells[3] ?? '', kindOf(type));
		if (value !== null) defaults[long.slice(2)] = value;
	}
	return { path: prefix + path, aliases, flags, defaults };
}

/** The CLI model, derived from the reference pages. */
export function build(): CliSpec {
	const spec: CliSpec = {
		source: 'docker/cli v29.7.2 and docker/compose v5.5.0 reference pages',
		commands: {},
		aliases: {},
		notInterspersed: NOT_INTERSPERSED,
		ordered: ORDERED,
		hidden: HIDDEN,
		defaults: {}
	};
	const dockerDir = join(REF, 'docker-cli');
	const composeDir = join(REF, 'compose-cli');
	const pages = [
		...readdirSync(dockerDir)
			.sort()
			.map((f) => readPage(join(dockerDir, f), '')),
		...readdirSync(composeDir)
			.sort()
			.map((f) => readPage(join(composeDir, f), ''))
	];
	for (const page of pages) {
		// compose pages are named compose_up.md; the docker root page is docker.md (path '').
		const canonical = page.aliases[0] ?? page.path;
		const existing = spec.commands[canonical];
		spec.commands[canonical] = { ...existing, ...page.flags };
		if (Object.keys(page.defaults).length)
			spec.defaults[canonical] = { ...spec.defaults[canonical], ...page.defaults };
		for (const alias of [page.path, ...page.aliases]) {
			if (alias !== canonical) spec.aliases[alias] = canonical;
		}
	}
	// Alias pages (run.md) and their canonical pages (container_run.md) both map to one command.
	for (const [alias, target] of Object.entries(spec.aliases)) {
		if (spec.commands[alias] && alias !== target) delete spec.commands[alias];
		if (spec.defaults[alias] && alias !== target) delete spec.defaults[alias];
	}
	for (const [path, flags] of Object.entries(PLUGINS)) spec.commands[path] = flags;
	// `docker build` runs `docker buildx build` (BuildKit, the default builder since Engine 23): one command.
	spec.commands['image build'] = { ...spec.commands['image build'], provenance: ['', 's'], sbom: ['', 's'] };
	spec.aliases['buildx build'] = 'image build';
	spec.aliases['buildx b'] = 'image build';
	return spec;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const spec = build();
	const json = JSON.stringify(spec);
	writeFileSync(OUT, json + '\n');
	console.log(
		`wrote ${OUT}: ${Object.keys(spec.commands).length} commands, ${Object.keys(spec.aliases).length} aliases, ` +
			`${Object.values(spec.commands).reduce((n, f) => n + Object.keys(f).length, 0)} flags, ${(json.length / 1024).toFixed(1)} KB`
	);
}
