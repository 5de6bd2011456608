#!/usr/bin/env node
/**
 * A local CouchDB-protocol server for development and tests (`npm run sync-server`): pouchdb-server in
 * memory on 127.0.0.1, CORS open to the app, with one database `deckhand` that the user `learner`
 * (password `learner`) may read and write and nobody else may. It prints the Server URL to paste into
 * Settings → Sync and stops cleanly on SIGTERM or Ctrl-C.
 *
 * pouchdb-server crashes when a request that is not an admin's creates a database (express-pouchdb calls
 * `info()` on the promise its security layer returns), so: an admin is configured first (which ends
 * CouchDB's "admin party"), the user, the database and its `_security` object are created as that admin
 * before the URL is printed, and pouchdb-server listens on a private port behind a small proxy that
 * answers a non-admin's database creation or deletion with CouchDB's own 401 instead of passing it on.
 *
 * Environment: SYNC_PORT (default 5984), SYNC_ADMIN_PASSWORD (default: random, never printed; tests set it
 * to create databases of their own).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HOST = '127.0.0.1';
const PORT = Number(process.env.SYNC_PORT ?? 5984);
const DB = 'deckhand';
const USER = 'learner';
const PASSWORD = 'learner';
const ADMIN = 'admin';
const ADMIN_PASSWORD = process.env.SYNC_ADMIN_PASSWORD || randomBytes(18).toString('base64url');
const ORIGIN = `http://${HOST}:${PORT}`;
const INNER_PORT = await freePort();
const INNER = `http://${HOST}:${INNER_PORT}`;

const require = createRequire(import.meta.url);
const bin = require.resolve('pouchdb-server/bin/pouchdb-server');
// pouchdb-server writes its config and log files into its working directory: keep them out of the repo.
const dir = mkdtempSync(join(tmpdir(), 'deckhand-sync-'));

const child = spawn(
	process.execPath,
	[
		bin,
		'--in-memory',
		'--port',
		String(INNER_PORT),
		'--host',
		HOST,
		'--no-stdout-logs',
		'--config',
		join(dir, 'config.json')
	],
	{ cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] }
);
let stopping = false;
let stderr = '';
child.stderr.on('data', (d) => (stderr += d));
child.on('exit', (code, signal) => {
	rmSync(dir, { recursive: true, force: true });
	if (stopping) process.exit(0);
	console.error(`The sync server stopped unexpectedly (${signal ?? `exit code ${code}`}).\n${stderr.trim()}`);
	process.exit(1);
});

const adminAuth = 'Basic ' + Buffer.from(`${ADMIN}:${ADMIN_PASSWORD}`).toString('base64');

/** The public port: passes every request through, except a non-admin's PUT or DELETE of a database. */
const proxy = createServer((req, res) => {
	// `/name` or `/_name` (a database), but not `/_session` (DELETE is how a client signs out).
	const dbLevel = /^\/[^/?]+\/?(\?.*)?$/.test(req.url ?? '') && !/^\/_session\b/.test(req.url ?? '');
	if (
		dbLevel &&
		(req.method === 'PUT' || req.method === 'DELETE') &&
		req.headers.authorization !== adminAuth
	) {
		res.writeHead(401, {
			'content-type': 'application/json',
			'access-control-allow-origin': req.headers.origin ?? '*'
		});
		res.end(
			JSON.stringify({ error: 'unauthorized', reason: 'Only an admin may create or delete a database.' })
		);
		req.resume();
		return;
	}
	const inner = request(INNER + req.url, { method: req.method, headers: req.headers }, (r) => {
		res.writeHead(r.statusCode ?? 502, r.headers);
		r.pipe(res);
	});
	inner.on('error', (e) => {
		if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ error: 'bad_gateway', reason: e.message }));
	});
	req.pipe(inner);
});

function freePort() {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.on('error', reject);
		s.listen(0, HOST, () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
			s.close(() => resolve(port));
		});
	});
}

function stop() {
	if (stopping) return;
	stopping = true;
	proxy.close();
	proxy.closeAllConnections();
	child.kill('SIGTERM');
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

async function call(method, path, body, auth = adminAuth) {
	const res = await fetch(INNER + path, {
		method,
		headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await res.text();
	if (!res.ok && res.status !== 412) throw new Error(`${method} ${path}: ${res.status} ${text}`);
	return text;
}

async function waitUntilUp() {
	const until = Date.now() + 30_000;
	while (Date.now() < until) {
		try {
			if ((await fetch(INNER + '/')).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`pouchdb-server did not answer on ${INNER} within 30 seconds.\n${stderr.trim()}`);
}

async function setUp() {
	await waitUntilUp();
	// The first admin needs no credentials (the admin party); from here on every request needs them.
	await call('PUT', `/_config/admins/${ADMIN}`, ADMIN_PASSWORD, null);
	const config = {
		// The app sends JSON with the session cookie, so preflights must allow content-type and credentials.
		'cors/headers': 'accept, authorization, content-type, origin, referer',
		'cors/credentials': 'true',
		'cors/origins': '*',
		'cors/methods': 'GET, HEAD, POST, PUT, DELETE, COPY',
		// A session cookie lasts a month rather than ten minutes, so sync on open still finds it.
		'couch_httpd_auth/timeout': String(30 * 86_400)
	};
	for (const [key, value] of Object.entries(config)) await call('PUT', `/_config/${key}`, value);
	await call('PUT', `/_users/org.couchdb.user:${USER}`, {
		name: USER,
		password: PASSWORD,
		roles: [],
		type: 'user'
	});
	await createDatabase(DB);
}

/** Creates a database only `learner` (and the admin) may read and write. */
async function createDatabase(name) {
	await call('PUT', `/${name}`);
	await call('PUT', `/${name}/_security`, {
		admins: { names: [], roles: [] },
		members: { names: [USER], roles: [] }
	});
}

try {
	await setUp();
	await new Promise((resolve, reject) => {
		proxy.on('error', reject);
		proxy.listen(PORT, HOST, () => resolve(undefined));
	});
	console.log(`Deckhand sync server (in memory) is running.`);
	console.log(`Server URL: ${ORIGIN}/${DB}`);
	console.log(`User name: ${USER}  Password: ${PASSWORD}`);
	console.log('Stop it with Ctrl-C.');
} catch (e) {
	console.error(e instanceof Error ? e.message : String(e));
	stop();
	process.exitCode = 1;
}
