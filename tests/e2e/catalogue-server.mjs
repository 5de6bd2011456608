#!/usr/bin/env node
// A static host for a published catalogue, as GitHub Pages is one: files from a folder, ETags, and
// Access-Control-Allow-Origin on every answer. Started by the subscription test on a free port; it prints
// `listening <port>`, then one JSON line per request (method, path, If-None-Match, status).
// Usage: node tests/e2e/catalogue-server.mjs --dir <folder>
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

const { values } = parseArgs({
	options: { dir: { type: 'string' }, port: { type: 'string', default: '0' } }
});
// dev: read the folder on every request, so a catalogue published again is served at once.
const files = sirv(values.dir, { dev: true, etag: true });

const server = createServer((req, res) => {
	res.setHeader('Access-Control-Allow-Origin', '*');
	res.on('finish', () => {
		const line = {
			method: req.method,
			path: req.url,
			ifNoneMatch: req.headers['if-none-match'] ?? null,
			status: res.statusCode
		};
		process.stdout.write(`${JSON.stringify(line)}\n`);
	});
	files(req, res, () => {
		res.statusCode = 404;
		res.end('not found');
	});
});
server.listen(Number(values.port), '127.0.0.1', () => {
	const address = server.address();
	process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
