/**
 * The packs that ship with the app: every questions/<name>.pack.json with its <name>.meta.json (the
 * Docker guide pack and the Docker Certified Associate pack). A generated bank is a static asset fetched
 * when it needs installing (builtin-install.ts), so it is never part of the app's JavaScript. Each pack's figures (`?figures`, scripts/vite/pack-figures.js) are read
 * from the same file at build time, so a first visit shows its counts before the file is fetched.
 */
import type { PackFigures } from '../core/pack/figures';
import type { Pack } from '../core/pack/types';
import { loadBuiltInFile } from './builtin-file';

export interface BuiltIn {
	id: string;
	version: number;
	/** Its title and card count per section, from the pack file at build time. */
	figures: PackFigures;
	/** The address of its file (a static asset, precached by the service worker). */
	url: string;
	load: () => Promise<Pack>;
}

const packUrls = import.meta.glob<string>('../../../questions/*.pack.json', {
	query: '?url',
	import: 'default',
	eager: true
});
const packFigures = import.meta.glob<PackFigures>('../../../questions/*.pack.json', {
	query: '?figures',
	import: 'default',
	eager: true
});
const metas = import.meta.glob<{ id: string; version: number }>('../../../questions/*.meta.json', {
	import: 'default',
	eager: true
});

/** The order built-ins install in (and show in the pack list); others follow by name. */
const ORDER = ['docker-guide', 'dca'];

const nameOf = (path: string) => path.replace(/^.*\//, '').replace(/\.(pack|meta)\.json$/, '');
const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);

/** The built-in packs: id, version and figures known up front, the cards fetched only when installing. */
export function builtInPacks(): BuiltIn[] {
	const byName = <T>(files: Record<string, T>) =>
		new Map(Object.entries(files).map(([path, value]) => [nameOf(path), value]));
	const urls = byName(packUrls);
	const figures = byName(packFigures);
	return [...byName(metas).keys()]
		.filter((name) => urls.has(name) && figures.has(name))
		.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
		.map((name) => {
			const f = figures.get(name)!;
			const url = urls.get(name)!;
			return { id: f.id, version: f.version, figures: f, url, load: () => loadBuiltInFile(url) };
		});
}
