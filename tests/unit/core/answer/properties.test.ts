import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCommand, checkConfig, tokenize } from '$lib/core/answer';
import { readCommand, shortOf, isOrdered } from '$lib/core/answer/cli-model';
import { GUIDE_COMMANDS } from '../../../fixtures/guide-commands';

const SAFE = /^[\w@%+=:,./{}-]+$/;

/** One way of typing a word: bare where the shell allows it, single- or double-quoted. */
function quoteWith(word: string, style: number): string {
	const forms: string[] = [];
	if (SAFE.test(word) || (/^[^\s'"\\|&;<>`]+$/.test(word) && word.includes('$'))) forms.push(word);
	if (!word.includes('$') && !word.includes("'")) forms.push(`'${word}'`);
	forms.push(`"${word.replace(/["\\`]/g, (c) => '\\' + c)}"`);
	return forms[style % forms.length]!;
}

const spaces = fc.constantFrom(' ', '  ', '\t', '   ', ' \\\n  ');

/** A command line rebuilt from its stages with chosen spacing and quoting. */
function retype(text: string, gaps: string[], styles: number[]): string {
	const line = tokenize(text);
	let k = 0;
	const parts: string[] = [];
	line.stages.forEach((stage, s) => {
		for (const w of stage) {
			parts.push(quoteWith(w, styles[k % styles.length]!));
			parts.push(gaps[k++ % gaps.length]!.replace(' \\\n  ', s === 0 ? ' \\\n  ' : ' '));
		}
		if (line.ops[s]) parts.push(line.ops[s]!, ' ');
	});
	return parts.join('');
}

const expectedLines = GUIDE_COMMANDS.map((c) => c.expected);
const rejectedCases = GUIDE_COMMANDS.flatMap((c) =>
	c.reject.map(([given, verdict]) => ({ expected: c.expected, given, verdict }))
);

describe('checker properties', () => {
	it('re-spacing and re-quoting a correct answer keeps it correct', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...expectedLines),
				fc.array(spaces, { minLength: 1, maxLength: 6 }),
				fc.array(fc.nat(5), { minLength: 1, maxLength: 6 }),
				(expected, gaps, styles) => {
					expect(checkCommand(expected, retype(expected, gaps, styles)).verdict).toBe('correct');
				}
			),
			{ numRuns: 2000 }
		);
	}, 60_000);

	it('re-spacing and re-quoting a wrong answer keeps its verdict', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...rejectedCases),
				fc.array(spaces, { minLength: 1, maxLength: 6 }),
				fc.array(fc.nat(5), { minLength: 1, maxLength: 6 }),
				(c, gaps, styles) => {
					expect(checkCommand(c.expected, retype(c.given, gaps, styles)).verdict).toBe(c.verdict);
				}
			),
			{ numRuns: 2000 }
		);
	}, 60_000);

	const single = expectedLines.filter((e) => {
		const line = tokenize(e);
		return line.stages.length === 1 && readCommand(line.stages[0]!).program === 'docker';
	});

	it('reordering flags and switching between short, long and = forms keeps a docker answer correct', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...single),
				fc.array(fc.nat(100), { minLength: 12, maxLength: 12 }),
				(expected, seeds) => {
					const cmd = readCommand(tokenize(expected).stages[0]!);
					const order = cmd.flags.map((f, i) => ({
						f,
						key: isOrdered(cmd.path, f.name) ? i * 1000 : seeds[i % seeds.length]!
					}));
					// Flags whose order matters keep theirs relative to each other.
					const ordered = order.filter((o) => isOrdered(cmd.path, o.f.name));
					const free = order.filter((o) => !isOrdered(cmd.path, o.f.name)).sort((a, b) => a.key - b.key);
					const flags = [...free, ...ordered].map(({ f }, i) => {
						const short = shortOf(cmd.path, f.name);
						const style = seeds[(i + 3) % seeds.length]! % 3;
						if (f.kind === 'b')
							return style === 0 && short ? `-${short}` : style === 1 ? `--${f.name}=true` : `--${f.name}`;
						const v = quoteWith(f.value, seeds[(i + 5) % seeds.length]!);
						if (style === 0 && short) return `-${short} ${v}`;
						return style === 1 ? `--${f.name}=${v}` : `--${f.name} ${v}`;
					});
					const env = cmd.env.map((e) => e.value);
					const pathWords = cmd.path.split(' ');
					// Compose's own flags (-f, -p, --profile) stay before the subcommand, where Compose reads them.
					const sub = cmd.pathAt[cmd.pathAt.length - 1]!;
					const outer = [...free, ...ordered].map(({ f }) => f.at[0]! < sub);
					const given = [
						...env,
						'docker',
						...pathWords.slice(0, -1),
						...flags.filter((_, i) => outer[i]),
						...pathWords.slice(-1),
						...flags.filter((_, i) => !outer[i]),
						...cmd.positionals.map((p) => quoteWith(p.value, 2)),
						...cmd.args.map((a) => quoteWith(a.value, 2))
					].join(' ');
					expect(checkCommand(expected, given).verdict).toBe('correct');
				}
			),
			{ numRuns: 2000 }
		);
	}, 60_000);

	it('never throws on arbitrary input (10,000 runs)', () => {
		const shellish = fc.string({
			unit: fc.constantFrom(
				'docker',
				' ',
				'run',
				'-',
				'--',
				'=',
				'"',
				"'",
				'\\',
				'$(',
				')',
				'|',
				';',
				'&&',
				'>',
				'a',
				'v',
				'\n',
				'#',
				'`',
				'{',
				'}',
				'*'
			),
			maxLength: 40
		});
		fc.assert(
			fc.property(
				fc.constantFrom(...expectedLines),
				fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 }), shellish),
				(expected, given) => {
					const r = checkCommand(expected, given);
					expect(['correct', 'close', 'incorrect']).toContain(r.verdict);
					expect(() => checkCommand(given, given)).not.toThrow();
				}
			),
			{ numRuns: 10_000 }
		);
	}, 60_000);

	it('config checks never throw on arbitrary input (10,000 runs)', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string({ maxLength: 60 }),
					fc.string({
						unit: fc.constantFrom(
							'a',
							':',
							' ',
							'\n',
							'-',
							'[',
							']',
							'{',
							'}',
							'&x',
							'*x',
							'<<',
							'"',
							'#',
							'RUN',
							'\\'
						),
						maxLength: 40
					})
				),
				(given) => {
					expect(['correct', 'close', 'incorrect']).toContain(
						checkConfig('services:\n  web:\n    image: nginx\n', given, 'compose').verdict
					);
					expect(['correct', 'close', 'incorrect']).toContain(
						checkConfig('FROM alpine\nRUN echo hi\n', given, 'dockerfile').verdict
					);
				}
			),
			{ numRuns: 10_000 }
		);
	}, 60_000);
});
