/**
 * Where the import page finds a pack in its own address: a share link's fragment, `?url=`, or what
 * another app shared (`share_target` sends `title`, `text` and `url`; the link is often inside `text`).
 * A shared file is kept by the service worker, which sends the page to `?shared=files` (or
 * `?shared=failed` when the share could not be read).
 */
export type ImportSource =
	| { kind: 'fragment'; hash: string }
	| { kind: 'url'; address: string }
	| { kind: 'shared-files'; failed: boolean }
	| null;

const LINK = /https?:\/\/[^\s<>"']+/;

/** The pack source an import page address carries, if any. */
export function importSourceOf(address: URL): ImportSource {
	const shared = address.searchParams.get('shared');
	if (shared === 'files' || shared === 'failed') return { kind: 'shared-files', failed: shared === 'failed' };
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
