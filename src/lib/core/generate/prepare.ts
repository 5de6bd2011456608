/** Notes with errata applied: every item keeps its original text (for stable ids) and its corrections. */
import type { Correction } from '../pack/types';
import { correct, type Erratum } from './errata';
import type { CodeBlock, CommandLine, Fact, Notes, NotesSection, Subsection } from './notes';

export interface PFact extends Fact {
	original: string;
	corrections: Correction[];
}

export interface PCommand extends CommandLine {
	original: string;
	corrections: Correction[];
}

export interface PCode extends Omit<CodeBlock, 'commands'> {
	original: string;
	corrections: Correction[];
	commands: PCommand[];
}

export interface PSub extends Omit<Subsection, 'facts' | 'code'> {
	facts: PFact[];
	code: PCode[];
}

export interface PSection extends Omit<NotesSection, 'intro' | 'subsections'> {
	intro: PSub;
	subsections: PSub[];
}

export interface Prepared {
	sections: PSection[];
	/** Errata ids that matched somewhere. */
	applied: Set<string>;
}

/** Applies the errata to every fact, command and snippet of the notes. */
export function prepare(notes: Notes, errata: readonly Erratum[]): Prepared {
	const applied = new Set<string>();
	const fix = (text: string, section: string) => {
		const r = correct(text, section, errata);
		r.applied.forEach((id) => applied.add(id));
		return r;
	};
	const prepSub = (sub: Subsection, section: string): PSub => ({
		...sub,
		facts: sub.facts.flatMap((f): PFact[] => {
			const r = fix(f.text, section);
			if (r.dropped) return [];
			const term = f.term ? fix(f.term, section).text : undefined;
			const explanation = f.explanation ? fix(f.explanation, section).text : undefined;
			return [
				{
					...f,
					text: r.text,
					...(term ? { term } : {}),
					...(explanation ? { explanation } : {}),
					keys: f.keys.map((k) => fix(k, section).text),
					original: f.text,
					corrections: r.corrections
				}
			];
		}),
		code: sub.code.map((c): PCode => {
			const r = fix(c.value, section);
			return {
				...c,
				value: r.text,
				original: c.value,
				corrections: r.corrections,
				commands: c.commands.flatMap((cmd): PCommand[] => {
					const rc = fix(cmd.command, section);
					if (rc.dropped) return [];
					const ri = cmd.intent ? fix(cmd.intent, section) : null;
					return [
						{
							...cmd,
							command: rc.text,
							...(ri ? { intent: ri.text } : {}),
							original: cmd.command,
							corrections: [...rc.corrections, ...(ri?.corrections ?? [])]
						}
					];
				})
			};
		})
	});
	return {
		sections: notes.sections.map((s) => ({
			...s,
			intro: prepSub(s.intro, s.title),
			subsections: s.subsections.map((x) => prepSub(x, s.title))
		})),
		applied
	};
}
