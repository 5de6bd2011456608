#!/usr/bin/env node
// Serves the production build (build/) as a static site: prerendered pages, the client-only shell
// (fallback.html) for any other path, and the build's .br/.gz copies with Content-Encoding.
// Usage: node scripts/serve.js [--port 4173] [--host 127.0.0.1] [--dir build]
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: process.env.PORT ?? '4173' },
		host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
		dir: { type: 'string', default: 'build' }
	}
});

if (!existsSync(values.dir)) {
	console.error(`No ${values.dir}/ folder: run "npm run build" first.`);
	process.exit(1);
}

const assets = sirv(values.dir, {
	single: 'fallback.html',
	etag: true,
	// The adapter writes a brotli and a gzip copy of every text file (svelte.config.js precompress);
	// sirv picks the one the request accepts, sets Content-Encoding and Vary: Accept-Encoding.
	brotli: true,
	gzip: true,
	setHeaders(res, pathname) {
		// The service worker and the shell must be revalidated so updates reach learners.
		if (pathname === '/sw.js' || pathname.endsWith('.html') || pathname.endsWith('.webmanifest')) {
			res.setHeader('Cache-Control', 'no-cache');
		} else if (pathname.startsWith('/_app/immutable/')) {
			res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
		}
	}
});

const server = createServer((req, res) => assets(req, res));
server.listen(Number(values.port), values.host, () => {
	console.log(`Deckhand is being served at http://${values.host}:${values.port}`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
