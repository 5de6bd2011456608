/**
 * `deckhand check '<expected>' '<given>'`: grades an answer the way the study screens do, so a team
 * lead can try answers while writing a pack. `--config yaml|compose|dockerfile` checks a snippet
 * instead of a command; `--json` prints the full result.
 */
import { readFileSync } from 'node:fs';
import {
	checkCommand,
	checkConfig,
	type CheckResult,
	type ConfigKind
} from '../../../src/lib/core/answer/index';
import { loadComposeValidator } from '../../../src/lib/core/answer/compose-schema';

export const summary = 'Grade an answer against the expected command or config snippet';

const USAGE = `Usage: deckhand check [--json] [--config yaml|compose|dockerfile] <expected> <given>

Prints the verdict (correct, close, incorrect) and what differs. Exit code 0 when correct,
1 when close or incorrect, 2 on bad usage. An argument of the form @file reads the text from a file.`;

const KINDS: ConfigKind[] = ['yaml', 'compose', 'dockerfile'];

function readArg(arg: string): string {
	return arg.startsWith('@') ? readFileSync(arg.slice(1), 'utf8') : arg;
}

function printHuman(result: CheckResult): void {
	console.log(`verdict: ${result.verdict}`);
	for (const issue of result.issues) console.log(`  - ${issue.message}`);
	for (const note of result.notes) console.log(`  note: ${note}`);
	const marked = result.tokens.filter((t) => t.status !== 'ok' && t.status !== 'op');
	if (marked.length) console.log(`  marked: ${marked.map((t) => `${t.text} (${t.status})`).join(', ')}`);
}

export async function run(args: string[]): Promise<number> {
	if (args.includes('--help') || args.includes('-h')) {
		console.log(USAGE);
		return 0;
	}
	let json = false;
	let kind: ConfigKind | null = null;
	const rest: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if (a === '--json') json = true;
		else if (a === '--config' || a.startsWith('--config=')) {
			const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
			if (!v || !KINDS.includes(v as ConfigKind)) {
				console.error(`deckhand check: --config takes one of ${KINDS.join(', ')}.`);
				return 2;
			}
			kind = v as ConfigKind;
		} else rest.push(a);
	}
	if (rest.length !== 2) {
		console.error(
			`deckhand check: expected two arguments, the expected answer and the given one.\n\n${USAGE}`
		);
		return 2;
	}
	let expected: string;
	let given: string;
	try {
		expected = readArg(rest[0]!);
		given = readArg(rest[1]!);
	} catch (e) {
		console.error(`deckhand check: cannot read ${e instanceof Error ? e.message : String(e)}`);
		return 2;
	}
	let result: CheckResult;
	try {
		result =
			kind === null
				? checkCommand(expected, given)
				: checkConfig(
						expected,
						given,
						kind,
						kind === 'compose' ? { validateCompose: await loadComposeValidator() } : {}
					);
	} catch (e) {
		console.error(`deckhand check: ${e instanceof Error ? e.message : String(e)}`);
		return 2;
	}
	if (json) console.log(JSON.stringify(result, null, 2));
	else printHuman(result);
	return result.verdict === 'correct' ? 0 : 1;
}
