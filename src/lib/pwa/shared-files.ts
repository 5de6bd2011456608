/**
 * The page's half of the share target: the files the service worker kept from a share to the installed
 * app (static/share-target.js), taken once and deleted. Cache Storage, not IndexedDB: they are not
 * study data and nothing is written before the learner confirms the import.
 */
export const SHARE_CACHE = 'deckhand-shared-files';
/** The form field the manifest's share_target names for files. */
export const SHARE_FILES_PARAM = 'pack';

function nameOf(res: Response, i: number): string {
	try {
		return decodeURIComponent(res.headers.get('x-file-name') ?? '') || `shared file ${i + 1}`;
	} catch {
		return `shared file ${i + 1}`;
	}
}

/** The shared files, in the order they were shared, removed from the device as they are taken. */
export async function takeSharedFiles(): Promise<File[]> {
	if (typeof caches === 'undefined') return [];
	if (!(await caches.has(SHARE_CACHE))) return [];
	const cache = await caches.open(SHARE_CACHE);
	const keys = [...(await cache.keys())].sort((a, b) =>
		a.url.localeCompare(b.url, undefined, { numeric: true })
	);
	const files: File[] = [];
	for (const [i, key] of keys.entries()) {
		const res = await cache.match(key);
		if (!res) continue;
		const blob = await res.blob();
		files.push(new File([blob], nameOf(res, i), { type: blob.type }));
	}
	await caches.delete(SHARE_CACHE);
	return files;
}
