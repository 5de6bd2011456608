/** What the answer checker returns: a verdict, what is wrong in plain words, and each given token marked. */
export type Verdict = 'correct' | 'close' | 'incorrect';

export type IssueKind =
	'missing' | 'extra' | 'wrong-value' | 'misplaced' | 'unknown' | 'wrong-command' | 'syntax';

/** One thing wrong with an answer (not a parse `Issue` from core/result.ts). */
export interface AnswerIssue {
	kind: IssueKind;
	/** One plain-English sentence for the learner. */
	message: string;
	/** A likely intended form ("--network"), when there is one. */
	suggestion?: string;
	/** True when this issue alone still makes the answer close (a typo, not a misunderstanding). */
	minor?: boolean;
}

export type TokenStatus = 'ok' | 'extra' | 'wrong-value' | 'misplaced' | 'unknown' | 'wrong-command' | 'op';

export interface TokenMark {
	text: string;
	status: TokenStatus;
}

export interface CheckResult {
	verdict: Verdict;
	issues: AnswerIssue[];
	/** The learner's answer, token by token (lines for config), each marked. */
	tokens: TokenMark[];
	/** Remarks that do not change the verdict (e.g. docker-compose is Compose v1). */
	notes: string[];
}

/** The verdict from a list of issues: none is correct, one minor issue is close, anything else is incorrect. */
export function verdictOf(issues: AnswerIssue[]): Verdict {
	if (issues.length === 0) return 'correct';
	if (issues.length === 1 && issues[0]!.minor) return 'close';
	return 'incorrect';
}
