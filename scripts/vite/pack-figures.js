// A Vite plugin: `import figures from './x.pack.json?figures'` gives a pack file's figures, derived at
// build time (id, version, title, and each section's card count), so the app can paint a built-in pack's
// counts on a first visit before the pack itself (hundreds of KB) is fetched and installed.
import { readFileSync } from 'node:fs';

const SUFFIX = '?figures';

/**
 * The figures of a pack file (a deckhand-pack envelope), in section order.
 * @param {string} text
 * @returns {import('../../src/lib/core/pack/figures').PackFigures}
 */
export function figuresOfPackFile(text) {
	const env = JSON.parse(text);
	const pack = env?.pack;
	if (!pack || !Array.isArray(pack.cards) || !Array.isArray(pack.sections))
		throw new Error('not a deckhand pack file');
	const perSection = new Map();
	for (const card of pack.cards) perSection.set(card.sectionId, (perSection.get(card.sectionId) ?? 0) + 1);
	const sections = [...pack.sections]
		.sort((a, b) => a.order - b.order)
		.map((s) => ({ id: s.id, title: s.title, order: s.order, cards: perSection.get(s.id) ?? 0 }));
	return { id: pack.id, version: pack.version, title: pack.title, cards: pack.cards.length, sections };
}

/** @returns {import('vite').Plugin} */
export function packFigures() {
	return {
		name: 'deckhand:pack-figures',
		enforce: 'pre',
		async resolveId(source, importer) {
			if (!source.endsWith(SUFFIX)) return null;
			const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
			return resolved ? `\0${resolved.id}${SUFFIX}` : null;
		},
		load(id) {
			if (!id.startsWith('\0') || !id.endsWith(SUFFIX)) return null;
			const file = id.slice(1, -SUFFIX.length);
			this.addWatchFile(file);
			return `export default ${JSON.stringify(figuresOfPackFile(readFileSync(file, 'utf8')))};`;
		}
	};
}
