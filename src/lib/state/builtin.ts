/**
 * The packs that ship with the app. The generated bank is a static asset fetched when it needs installing,
 * so it is never part of the app's JavaScript. Its schema is checked at build time (tests/unit/core/
 * generate/docker-pack.test.ts), so the app only checks the envelope here and keeps valibot out of its bundle.
 */
import packUrl from '../../../questions/docker-guide.pack.json?url';
import meta from '../../../questions/docker-guide.meta.json';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack, type PackEnvelope } from '../core/pack/types';

export interface BuiltIn {
	id: string;
	version: number;
	load: () => Promise<Pack>;
}

async function loadPack(url: string): Promise<Pack> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`Could not load the built-in pack (${res.status}).`);
	const env = (await res.json()) as PackEnvelope;
	if (env?.format !== PACK_FORMAT || env.formatVersion !== PACK_FORMAT_VERSION || !env.pack)
		throw new Error('The built-in pack file is damaged.');
	return env.pack;
}

/** The built-in packs: id and version known up front, the cards fetched only when installing. */
export function builtInPacks(): BuiltIn[] {
	return [{ id: meta.id, version: meta.version, load: () => loadPack(packUrl) }];
}
