/** The coverage table: questions per subsection, exercises per command line and per config snippet. */
import type { Pack } from '../pack/types';
import type { Prepared } from './prepare';

export interface CoverageRow {
	section: string;
	subsection: string;
	facts: number;
	questions: number;
	commands: number;
	commandsCovered: number;
	snippets: number;
	snippetsCovered: number;
	/**
	 * True when the row meets the targets: a question where there are facts, every command and snippet
	 * covered. Facts that make no safe question are listed by `deckhand lint`, not forced into weak cards.
	 */
	ok: boolean;
}

export interface CoverageReport {
	rows: CoverageRow[];
	totals: Omit<CoverageRow, 'section' | 'subsection' | 'ok'> & { sections: number; subsections: number };
	ok: boolean;
}

const COMMAND_KINDS = new Set(['command-fill', 'command-type', 'command-order']);

/** Computes the coverage of prepared notes by a generated pack. */
export function coverage(prepared: Prepared, pack: Pack): CoverageReport {
	const rows: CoverageRow[] = [];
	for (const s of prepared.sections) {
		for (const sub of [s.intro, ...s.subsections]) {
			const cards = pack.cards.filter(
				(c) => c.source.section === s.title && (c.source.subsection ?? '') === sub.title
			);
			if (!sub.title && sub.facts.length === 0 && sub.code.length === 0) continue;
			const commands = sub.code.flatMap((c) => c.commands);
			// A one-line `FROM image` snippet makes no config card (naming the image gives the answer away).
			const snippets = sub.code.filter(
				(c) => (c.kind === 'yaml' || c.kind === 'dockerfile') && !/^FROM\s+\S+\s*$/.test(c.value.trim())
			);
			const commandsCovered = commands.filter((cmd) =>
				cards.some((c) => COMMAND_KINDS.has(c.kind) && c.source.text === cmd.command)
			).length;
			const snippetsCovered = snippets.filter((code) =>
				cards.some((c) => c.kind === 'config-fill' && c.source.text === code.value)
			).length;
			const row = {
				section: s.title,
				subsection: sub.title,
				facts: sub.facts.length,
				questions: cards.length,
				commands: commands.length,
				commandsCovered,
				snippets: snippets.length,
				snippetsCovered
			};
			rows.push({
				...row,
				ok:
					(row.facts === 0
						? row.questions > 0 || (row.commands === 0 && row.snippets === 0)
						: row.questions >= 1) &&
					commandsCovered === row.commands &&
					snippetsCovered === row.snippets
			});
		}
	}
	const sum = (k: 'facts' | 'questions' | 'commands' | 'commandsCovered' | 'snippets' | 'snippetsCovered') =>
		rows.reduce((a, r) => a + r[k], 0);
	return {
		rows,
		totals: {
			sections: prepared.sections.length,
			subsections: prepared.sections.reduce((a, s) => a + s.subsections.length, 0),
			facts: sum('facts'),
			questions: pack.cards.length,
			commands: sum('commands'),
			commandsCovered: sum('commandsCovered'),
			snippets: sum('snippets'),
			snippetsCovered: sum('snippetsCovered')
		},
		ok: rows.every((r) => r.ok)
	};
}
