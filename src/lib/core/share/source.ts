/**
 * Where the import page finds a pack in its own address: a share link's fragment, `?url=`, or what
 * another app shared (`share_target` sends `title`, `text` and `url`; the link is often inside `text`).
 */
export type ImportSource = { kind: 'fragment'; hash: string } | { kind: 'url'; address: string } | null;

const LINK = /https?:\/\/[^\s<>"']+/;

/** The pack source an import page address carries, if any. */
export function importSourceOf(address: URL): ImportSource {
	if (/(^#|&)pack=/.test(address.hash)) return { kind: 'fragment', hash: address.hash };
	const url = address.searchParams.get('url');
	const text = address.searchParams.get('text');
	for (const candidate of [url, text]) {
		const found = candidate ? LINK.exec(candidate)?.[0] : undefined;
		if (!found) continue;
		try {
			const shared = new URL(found);
			if (/(^#|&)pack=/.test(shared.hash)) return { kind: 'fragment', hash: shared.hash };
			return { kind: 'url', address: shared.href };
		} catch {
			continue;
		}
	}
	if (url) return { kind: 'url', address: url };
	return null;
}
