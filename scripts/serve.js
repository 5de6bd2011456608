#!/usr/bin/env node
// Serves the production build (build/) as a static site with an SPA fallback.
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
	single: 'index.html',
	etag: true,
	gzip: false,
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
