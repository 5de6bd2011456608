/**
 * Writing a catalogue: `index.json` and one small HTML page per pack with its subscribe link and QR
 * code. Everything is a pure function of its input, so publishing the same packs twice writes the same
 * bytes (CI can diff, hosts can keep their ETags).
 */
import { CATALOGUE_FORMAT, CATALOGUE_FORMAT_VERSION, type Catalogue, type CatalogueEntry } from './types';

/** A catalogue of the given entries, in pack id order. */
export function buildCatalogue(title: string, entries: readonly CatalogueEntry[]): Catalogue {
	return {
		format: CATALOGUE_FORMAT,
		formatVersion: CATALOGUE_FORMAT_VERSION,
		title,
		packs: [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
	};
}

/** The catalogue's file text: tab-indented JSON with a final newline. */
export function serializeCatalogue(catalogue: Catalogue): string {
	return `${JSON.stringify(catalogue, null, '\t')}\n`;
}

/** The link that opens Deckhand's subscribe screen for a catalogue (and one of its packs). */
export function subscribeLink(app: string, catalogueUrl: string, packId?: string): string {
	const url = new URL('subscribe', app.endsWith('/') ? app : `${app}/`);
	url.searchParams.set('url', catalogueUrl);
	if (packId) url.searchParams.set('pack', packId);
	return url.href;
}

/** The subscribe screen's query: the source address and, from a pack's page, the pack to offer. */
export function readSubscribeQuery(search: URLSearchParams): { url: string; pack: string | null } | null {
	const url = search.get('url');
	return url ? { url, pack: search.get('pack') } : null;
}

const escape = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An SVG document of a QR code drawn by `core/share/qr.ts`. */
export function qrSvg(qr: { size: number; path: string }): string {
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${qr.size} ${qr.size}" width="${qr.size * 6}" height="${qr.size * 6}" shape-rendering="crispEdges"><rect width="${qr.size}" height="${qr.size}" fill="#fff"/><path d="${qr.path}" fill="#000"/></svg>\n`;
}

const STYLE =
	'body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}a.button{display:inline-block;padding:.5rem 1rem;background:#1d4ed8;color:#fff;border-radius:.4rem;text-decoration:none}img{max-width:100%;height:auto}@media print{a.button{color:#000;background:none;border:1px solid #000}}';

function page(title: string, body: string): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

const cardsLine = (e: CatalogueEntry) =>
	`Version ${e.version} · ${e.cards} ${e.cards === 1 ? 'card' : 'cards'} · ${(e.size / 1024).toFixed(0)} KB`;

/** A pack's page: what it is, its subscribe link and the QR code of that link, to print or post. */
export function packPage(catalogue: Catalogue, entry: CatalogueEntry, link: string, qrFile: string): string {
	return page(
		`${entry.title} · Deckhand`,
		`<h1>${escape(entry.title)}</h1>
<p>${escape(cardsLine(entry))}</p>
${entry.description ? `<p>${escape(entry.description)}</p>\n` : ''}<p>From the catalogue <a href="index.html">${escape(catalogue.title)}</a>. Subscribe once and Deckhand keeps this pack up to date, with your progress kept.</p>
<p><a class="button" href="${escape(link)}">Subscribe in Deckhand</a></p>
<p><img src="${escape(qrFile)}" alt="QR code of the subscribe link for ${escape(entry.title)}" width="240" height="240"></p>
<p>Or open this link on your phone: <code>${escape(link)}</code></p>
<p>The pack file: <a href="${escape(entry.file)}">${escape(entry.file)}</a> (SHA-256 <code>${entry.sha256}</code>).</p>`
	);
}

/** The catalogue's front page: every pack with a link to its page, and the catalogue's subscribe link. */
export function indexPage(catalogue: Catalogue, link: string, pageOf: (e: CatalogueEntry) => string): string {
	const items = catalogue.packs
		.map((e) => `<li><a href="${escape(pageOf(e))}">${escape(e.title)}</a>: ${escape(cardsLine(e))}</li>`)
		.join('\n');
	return page(
		`${catalogue.title} · Deckhand`,
		`<h1>${escape(catalogue.title)}</h1>
<p><a class="button" href="${escape(link)}">Subscribe to every pack in Deckhand</a></p>
<ul>
${items}
</ul>
<p>Machine-readable: <a href="index.json">index.json</a>.</p>`
	);
}
