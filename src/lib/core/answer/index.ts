/**
 * The answer checker's public entry points. Compose schema validation is not re-exported here: it is
 * imported on demand from './compose-schema' so ajv stays out of the first load.
 */
import type { Rating } from '../scheduler/types';
import type { Verdict } from './types';

export { checkCommand } from './command';
export { checkConfig, fillBlank, type ComposeValidator, type ConfigKind } from './config';
export { tokenize } from './shell';
export type { CheckResult, Issue, IssueKind, TokenMark, TokenStatus, Verdict } from './types';

/** The grade preselected for a verdict: correct → good, close → hard, incorrect → again. */
export function suggestRating(verdict: Verdict): Rating {
	return verdict === 'correct' ? 'good' : verdict === 'close' ? 'hard' : 'again';
}

/** The whole command with the learner's blank in place, so equivalent forms of the blank pass. */
export function fillCommand(before: string, given: string, after: string): string {
	return `${before}${given.trim()}${after}`;
}

export { buildWordBank } from './word-bank';
