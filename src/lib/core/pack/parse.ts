/**
 * PLACEHOLDER until the format's valibot schema lands from the question-bank work: checks the envelope
 * fields the app relies on. Replaced wholesale by that module (same export, same signature).
 */
import { fail, ok, type Result } from '../result';
import type { Pack } from './types';

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const KINDS = new Set([
	'flashcard',
	'mcq',
	'truefalse',
	'cloze',
	'domc',
	'command-fill',
	'command-type',
	'command-order',
	'config-fill'
]);

/** Parses an envelope's pack, or errors naming the field. */
export function parsePack(input: unknown): Result<Pack> {
	const pack = isRecord(input) ? input.pack : undefined;
	if (!isRecord(pack)) return fail([{ path: 'pack', message: '"pack" must be an object.' }]);
	for (const key of ['id', 'title', 'description', 'author', 'license', 'createdAt']) {
		if (typeof pack[key] !== 'string')
			return fail([{ path: `pack.${key}`, message: `"${key}" must be text.` }]);
	}
	if (typeof pack.version !== 'number' || !Number.isSafeInteger(pack.version) || pack.version < 1) {
		return fail([{ path: 'pack.version', message: '"version" must be a whole number from 1.' }]);
	}
	if (!Array.isArray(pack.sections))
		return fail([{ path: 'pack.sections', message: '"sections" must be a list.' }]);
	if (!Array.isArray(pack.cards)) return fail([{ path: 'pack.cards', message: '"cards" must be a list.' }]);
	for (const [i, s] of pack.sections.entries()) {
		if (!isRecord(s) || typeof s.id !== 'string' || typeof s.title !== 'string') {
			return fail([{ path: `pack.sections[${i}]`, message: 'A section needs an id and a title.' }]);
		}
	}
	for (const [i, c] of pack.cards.entries()) {
		if (
			!isRecord(c) ||
			typeof c.id !== 'string' ||
			typeof c.sectionId !== 'string' ||
			!KINDS.has(c.kind as string)
		) {
			return fail([{ path: `pack.cards[${i}]`, message: 'A card needs an id, a section and a known kind.' }]);
		}
		if (c.kind === 'flashcard' && (typeof c.front !== 'string' || typeof c.back !== 'string')) {
			return fail([{ path: `pack.cards[${i}].front`, message: 'A flashcard needs a front and a back.' }]);
		}
	}
	return ok(pack as unknown as Pack);
}
