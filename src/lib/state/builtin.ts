/**
 * The packs that ship with the app: every questions/<name>.pack.json with its <name>.meta.json (the
 * Docker guide pack, and the Docker Certified Associate pack once its notes are in questions/sources).
 * A generated bank is a static asset fetched when it needs installing, so it is never part of the app's
 * JavaScript. Its schema is checked at build time (tests/unit/core/generate/*-pack.test.ts), so the app
 * only checks the envelope here and keeps valibot out of its bundle.
 */
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack, type PackEnvelope } from '../core/pack/types';

export interface BuiltIn {
	id: string;
	version: number;
	load: () => Promise<Pack>;
}

const packUrls = import.meta.glob<string>('../../../questions/*.pack.json', {
	query: '?url',
	import: 'default',
	eager: true
});
const metas = import.meta.glob<{ id: string; version: number }>('../../../questions/*.meta.json', {
	import: 'default',
	eager: true
});

/** The order built-ins install in (and show in the pack list); others follow by name. */
const ORDER = ['docker-guide', 'dca'];

async function loadPack(url: string): Promise<Pack> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`Could not load the built-in pack (${res.status}).`);
	const env = (await res.json()) as PackEnvelope;
	if (env?.format !== PACK_FORMAT || env.formatVersion !== PACK_FORMAT_VERSION || !env.pack)
		throw new Error('The built-in pack file is damaged.');
	return env.pack;
}

const nameOf = (path: string) => path.replace(/^.*\//, '').replace(/\.(pack|meta)\.json$/, '');
const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);

/** The built-in packs: id and version known up front, the cards fetched only when installing. */
export function builtInPacks(): BuiltIn[] {
	const urls = new Map(Object.entries(packUrls).map(([path, url]) => [nameOf(path), url]));
	return Object.entries(metas)
		.map(([path, meta]) => ({ name: nameOf(path), meta, url: urls.get(nameOf(path)) }))
		.filter((b): b is typeof b & { url: string } => b.url !== undefined)
		.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name))
		.map(({ meta, url }) => ({ id: meta.id, version: meta.version, load: () => loadPack(url) }));
}
