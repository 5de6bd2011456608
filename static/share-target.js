// The share target's half in the service worker, imported by /sw.js (workbox `importScripts`). It holds
// no app logic and touches no study data. A file shared to the installed app from another app (Android)
// arrives as a multipart POST to /import, which a static app has no server to receive: this handler
// keeps the shared files in a cache of their own and answers 303 to /import?shared=files. The page reads
// them from there, shows the usual preview before anything is written, and deletes them. A shared link
// (title, text, url) goes on to /import as query parameters, as a GET share target would send it.
// Kept equal to the manifest (scripts/pwa-config.js) and the page (src/lib/pwa/shared-files.ts) by a
// unit test.
const SHARE_ACTION = '/import';
const SHARE_FILES_PARAM = 'pack';
const SHARE_CACHE = 'deckhand-shared-files';

self.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'POST') return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin || url.pathname !== SHARE_ACTION) return;
	event.respondWith(receiveShare(request));
});

/** @param {Request} request */
async function receiveShare(request) {
	const target = new URL(SHARE_ACTION, self.location.origin);
	try {
		const form = await request.formData();
		for (const key of ['title', 'text', 'url']) {
			const value = form.get(key);
			if (typeof value === 'string' && value !== '') target.searchParams.set(key, value);
		}
		const files = form.getAll(SHARE_FILES_PARAM).filter((f) => typeof f !== 'string');
		if (files.length > 0) {
			// One share at a time: what an earlier share left behind is replaced.
			await caches.delete(SHARE_CACHE);
			const cache = await caches.open(SHARE_CACHE);
			await Promise.all(
				files.map((file, i) =>
					cache.put(
						new URL(`/shared-files/${i}`, self.location.origin).href,
						new Response(file, {
							headers: {
								'content-type': file.type || 'application/octet-stream',
								'x-file-name': encodeURIComponent(file.name)
							}
						})
					)
				)
			);
			target.searchParams.set('shared', 'files');
		}
	} catch {
		target.searchParams.set('shared', 'failed');
	}
	return Response.redirect(target.href, 303);
}
