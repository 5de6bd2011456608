/**
 * The answer checker's public entry points. `judgeAnswer` is the one place an answer is judged; the
 * config checker and the Compose schema load on demand (`loadConfigChecker`), so that the YAML parser
 * and ajv load only when a config answer is checked.
 */
export {
	fillCommand,
	judgeAnswer,
	loadConfigChecker,
	needsConfigChecker,
	suggestRating,
	type ConfigChecker,
	type Judgement,
	type Response
} from './judge';
export { domcVerdict } from './domc';
export { checkCommand } from './command';
export { checkConfig, fillBlank, type ComposeValidator, type ConfigKind } from './config';
export { tokenize } from './shell';
export type { AnswerIssue, CheckResult, IssueKind, TokenMark, TokenStatus, Verdict } from './types';
export { buildWordBank } from './word-bank';
