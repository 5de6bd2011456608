/** The quality rules of QUESTION_QUALITY.md that a program can check, as a list of violations. */
import { cardText } from '$lib/core/pack/browse';
import type { Card, Pack } from '$lib/core/pack/types';

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const contains = (hay: string, needle: string) => norm(needle).length > 0 && norm(hay).includes(norm(needle));

/** Every rule a card breaks, as "id: rule". */
export function qualityViolations(pack: Pack): string[] {
	const out: string[] = [];
	const bad = (c: Card, rule: string) => out.push(`${c.id}: ${rule}`);
	const sectionOf = new Map(pack.sections.map((s) => [s.id, s]));
	const ids = new Set<string>();
	const contents = new Set<string>();
	for (const c of pack.cards) {
		if (ids.has(c.id)) bad(c, 'duplicate id');
		ids.add(c.id);
		const content = JSON.stringify({ ...c, id: undefined, source: undefined, correction: undefined });
		if (contents.has(content)) bad(c, 'duplicate card');
		contents.add(content);
		if (!sectionOf.has(c.sectionId)) bad(c, 'unknown section');
		switch (c.kind) {
			case 'flashcard':
				if (contains(c.front, c.back)) bad(c, 'answer in prompt');
				break;
			case 'mcq': {
				const answer = c.options[c.answer]!;
				if (contains(c.stem, answer)) bad(c, 'answer in prompt');
				if (new Set(c.options).size !== c.options.length) bad(c, 'repeated option');
				if (c.options.length < 4) bad(c, 'fewer than three distractors');
				const sec = sectionOf.get(c.sectionId);
				const sameSection = c.options.every(
					(o) =>
						sec?.subsections.includes(o) ||
						pack.cards.some(
							(x) =>
								// A term's line may begin with the author's article ("a DaemonSet (object in Kubernetes): …").
								[x.source.text, x.source.text.replace(/^(a|an|the) /i, '')].some(
									(t) => t.startsWith(`${o}:`) || t.startsWith(`${o} (`)
								) ||
								// A command or flag that leads a bullet of the notes ("docker swarm init turns …").
								(/^(docker|dockerd|kubectl|-)/.test(o) && x.source.text.startsWith(`${o} `)) ||
								// A statement the pack asks as true or false ("Which of the following is true?").
								(x.kind === 'truefalse' && x.statement === o)
						)
				);
				if (!sameSection) bad(c, 'an option that is not a term of the notes');
				if (!c.stem.endsWith('?')) bad(c, 'stem is not a question');
				break;
			}
			case 'cloze':
				if (contains(c.before + c.after, c.answer)) bad(c, 'answer in prompt');
				break;
			case 'command-type':
				if (contains(c.prompt, c.answer)) bad(c, 'answer in prompt');
				break;
			case 'command-fill':
				if (`${c.before} ${c.after}`.split(/[\s=]+/).includes(c.answer)) bad(c, 'answer in prompt');
				if (c.before + c.answer + c.after !== c.command) bad(c, 'blank does not rebuild the command');
				break;
			case 'command-order':
				if (c.distractors.some((d) => c.tokens.includes(d))) bad(c, 'distractor is a token of the answer');
				break;
			case 'config-fill':
				if (contains(c.before + '\n' + c.after, c.answer.trim())) bad(c, 'answer in prompt');
				break;
			case 'domc':
				if (!c.options.some((o) => o.correct)) bad(c, 'no correct option');
				if (new Set(c.options.map((o) => o.text)).size !== c.options.length) bad(c, 'repeated option');
				break;
			case 'truefalse':
				break;
		}
		const { question } = cardText(c);
		// A sentence may start with a command as Docker spells it ("docker stop on a container waits …").
		if (
			/^[a-z]/.test(question.trim()) &&
			c.kind !== 'cloze' &&
			!/^(docker|curl|dockerd|kubectl)\s/.test(question.trim())
		)
			bad(c, 'prompt starts with a small letter');
	}
	return out;
}
