/**
 * The answer checker's public entry points. The study screens import the modules they need directly
 * (command checking up front; config checking and the Compose schema on demand), so that the YAML
 * parser and ajv load only when a config answer is checked.
 */
export { checkCommand } from './command';
export { checkConfig, fillBlank, type ComposeValidator, type ConfigKind } from './config';
export { fillCommand, suggestRating } from './grade';
export { tokenize } from './shell';
export type { CheckResult, Issue, IssueKind, TokenMark, TokenStatus, Verdict } from './types';
export { buildWordBank } from './word-bank';
