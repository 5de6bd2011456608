/**
 * Fetching a built-in pack's file. Its schema is checked at build time (tests/unit/core/generate/*-pack
 * tests), so only the envelope is checked here, which keeps valibot out of the code that installs it.
 */
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack, type PackEnvelope } from '../core/pack/types';

/** The pack in a built-in pack file, or an error in plain words. */
export async function loadBuiltInFile(url: string): Promise<Pack> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`Could not load the built-in pack (${res.status}).`);
	const env = (await res.json()) as PackEnvelope;
	if (env?.format !== PACK_FORMAT || env.formatVersion !== PACK_FORMAT_VERSION || !env.pack)
		throw new Error('The built-in pack file is damaged.');
	return env.pack;
}
