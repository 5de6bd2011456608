/**
 * The layers' boundaries: core <- storage <- state <- components <- routes, the CLI on core alone.
 * ESLint enforces the forbidden arrows (eslint.config.js); this test proves each rule fires, and that
 * no file imports itself round a cycle (type-only imports included).
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

describe('every forbidden arrow is an ESLint error', () => {
	const eslint = new ESLint({ cwd: ROOT });
	const cases: [string, string, string, boolean][] = [
		[
			'a component reads the database',
			'src/lib/components/X.ts',
			"import { getDb } from '$lib/storage/db';",
			false
		],
		[
			'a component imports a storage type',
			'src/lib/components/X.ts',
			"import type { PackRecord } from '../storage/db';",
			false
		],
		[
			'a component judges',
			'src/lib/components/kinds/X.ts',
			"import { judgeAnswer } from '$lib/core/answer/judge';",
			false
		],
		[
			'a component checks a command',
			'src/lib/components/kinds/X.ts',
			"import { checkCommand } from '$lib/core/answer';",
			false
		],
		[
			'a component takes judgement types',
			'src/lib/components/kinds/X.ts',
			"import type { Judgement } from '$lib/core/answer/judge';",
			true
		],
		[
			'a component builds a word bank',
			'src/lib/components/kinds/X.ts',
			"import { buildWordBank } from '$lib/core/answer/word-bank';",
			true
		],
		[
			'a component uses state',
			'src/lib/components/X.ts',
			"import { settings } from '$lib/state/settings.svelte';",
			true
		],
		[
			'a route reads the database',
			'src/routes/x/+page.ts',
			"import { getDb } from '$lib/storage/db';",
			false
		],
		[
			'storage imports state',
			'src/lib/storage/x.ts',
			"import { settings } from '../state/settings.svelte';",
			false
		],
		[
			'storage imports a component',
			'src/lib/storage/x.ts',
			"import type { QuestionProps } from '$lib/components/kinds/types';",
			false
		],
		[
			'storage imports a route',
			'src/lib/storage/x.ts',
			"import { load } from '../../routes/exam/result/[id]/+page';",
			false
		],
		['storage imports core', 'src/lib/storage/x.ts', "import { cardKey } from '../core/pack/keys';", true],
		[
			'the CLI imports storage',
			'scripts/cli/x.ts',
			"import { getDb } from '../../src/lib/storage/db';",
			false
		],
		[
			'the CLI imports state',
			'scripts/cli/commands/x.ts',
			"import { settings } from '../../../src/lib/state/settings.svelte';",
			false
		],
		[
			'the CLI imports core',
			'scripts/cli/x.ts',
			"import { checkCommand } from '../../src/lib/core/answer';",
			true
		],
		['core imports storage', 'src/lib/core/x.ts', "import { getDb } from '../storage/db';", false],
		['state imports ts-fsrs', 'src/lib/state/x.ts', "import { fsrs } from 'ts-fsrs';", false]
	];
	it.each(cases)('%s', { timeout: 60_000 }, async (_name, filePath, code, allowed) => {
		const [result] = await eslint.lintText(`${code}\nexport const used = 1;\n`, {
			filePath: join(ROOT, filePath)
		});
		const restricted = result!.messages.filter((m) => /no-restricted-imports/.test(m.ruleId ?? ''));
		expect(restricted.length === 0).toBe(allowed);
	});
});

/** Every source file of the app and the CLI. */
function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return /\.(ts|js|svelte)$/.test(name) && !name.endsWith('.gen.js') ? [path] : [];
	});
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g;

function resolveImport(from: string, spec: string): string | null {
	const bare = spec.replace(/\?.*$/, '');
	let base: string;
	if (bare.startsWith('$lib/')) base = join(ROOT, 'src/lib', bare.slice(5));
	else if (bare.startsWith('.')) base = resolve(dirname(from), bare);
	else return null;
	for (const ext of ['', '.ts', '.js', '.svelte', '/index.ts', '/index.js']) {
		const p = base + ext;
		if (existsSync(p) && statSync(p).isFile()) return p;
	}
	return null;
}

/** The strongly connected components of more than one file (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
	let index = 0;
	const idx = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const on = new Set<string>();
	const found: string[][] = [];
	const visit = (v: string) => {
		idx.set(v, index);
		low.set(v, index++);
		stack.push(v);
		on.add(v);
		for (const w of graph.get(v) ?? []) {
			if (!idx.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
		}
		if (low.get(v) === idx.get(v)) {
			const scc: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				on.delete(w);
				scc.push(w);
			} while (w !== v);
			if (scc.length > 1 || graph.get(v)?.includes(v)) found.push(scc.map((f) => relative(ROOT, f)).sort());
		}
	};
	for (const v of graph.keys()) if (!idx.has(v)) visit(v);
	return found;
}

describe('imports', () => {
	const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'scripts'))];
	const graph = new Map<string, string[]>();
	for (const f of files) {
		const text = readFileSync(f, 'utf8');
		const deps = [...text.matchAll(IMPORT)]
			.map((m) => resolveImport(f, m[1]!))
			.filter((p): p is string => p !== null && /\.(ts|js|svelte)$/.test(p));
		graph.set(f, deps);
	}

	it('reads the import graph (a sanity check on the parser)', () => {
		const study = graph.get(join(ROOT, 'src/lib/state/study.svelte.ts'))!;
		expect(study.map((p) => relative(ROOT, p))).toContain('src/lib/core/answer/judge.ts');
		expect(study.map((p) => relative(ROOT, p))).toContain('src/lib/core/scheduler/index.ts');
	});

	it('has no cycle between files, type-only imports included', () => {
		expect(cycles(graph)).toEqual([]);
	});
});
