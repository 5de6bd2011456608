/**
 * The packs that ship with the app. The generated bank is a static asset fetched when it needs installing,
 * so it is never part of the app's JavaScript. Its schema is checked at build time (tests/unit/core/
 * generate/docker-pack.test.ts), so the app only checks the envelope here and keeps valibot out of its bundle.
 * Each pack's figures (`?figures`, scripts/vite/pack-figures.js) are read from the same file at build
 * time, so a first visit shows its counts before the file is fetched.
 */
import packUrl from '../../../questions/docker-guide.pack.json?url';
import packFigures from '../../../questions/docker-guide.pack.json?figures';
import type { PackFigures } from '../core/pack/figures';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack, type PackEnvelope } from '../core/pack/types';

export interface BuiltIn {
	id: string;
	version: number;
	/** Its title and card count per section, from the pack file at build time. */
	figures: PackFigures;
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

function builtIn(url: string, figures: PackFigures): BuiltIn {
	return { id: figures.id, version: figures.version, figures, load: () => loadPack(url) };
}

/** The built-in packs: id, version and figures known up front, the cards fetched only when installing. */
export function builtInPacks(): BuiltIn[] {
	return [builtIn(packUrl, packFigures)];
}
