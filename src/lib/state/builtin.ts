/**
 * The packs that ship with the app. The generated bank is loaded with a dynamic import, so it is a separate
 * chunk fetched on first install and never part of the first route's JavaScript.
 */
import { parsePack } from '../core/pack/parse';
import type { Pack } from '../core/pack/types';

/** The built-in packs, generated from the Markdown under questions/ (see questions/README.md). */
export async function builtInPacks(): Promise<Pack[]> {
	const { default: json } = await import('../../../questions/docker-guide.pack.json');
	const parsed = parsePack(json);
	if (!parsed.ok) throw new Error(`The built-in pack is damaged: ${parsed.errors[0]?.path} ${parsed.errors[0]?.message}`);
	return [parsed.value];
}
