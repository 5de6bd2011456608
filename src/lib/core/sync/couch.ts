/**
 * The few CouchDB endpoints sync needs, over a `fetch` passed in (the browser's, with the session cookie;
 * a test's, with a cookie jar of its own). Failures come back as values with a message in plain words.
 */
import { fail, ok, type Result } from '../result';

/** What went wrong, as the learner can act on it. */
export type SyncFailureKind =
	'bad-url' | 'unreachable' | 'wrong-password' | 'signed-out' | 'forbidden' | 'no-database' | 'server';

export interface SyncFailure {
	kind: SyncFailureKind;
	message: string;
}

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** A CouchDB database: its URL, its server's root, and how to reach them. */
export interface Couch {
	db: string;
	root: string;
	fetch: Fetch;
}

export const MESSAGES: Record<SyncFailureKind | 'insecure', string> = {
	'bad-url': 'The Server URL should be a CouchDB database address, like https://couch.example.org/deckhand.',
	insecure:
		'The Server URL must start with https:// (plain http:// only works for a server on this computer), so your password and reviews travel encrypted.',
	unreachable: 'Could not reach the server. Sync will try again when you are online; check the Server URL.',
	'wrong-password': 'Wrong user name or password.',
	'signed-out': 'Signed out of the sync server: enter your password and press Sync now.',
	forbidden: 'This user may not read or write that database: check the user name and the Server URL.',
	'no-database': 'There is no such database on the server: check the Server URL.',
	server: 'The sync server reported a problem.'
};

export class CouchError extends Error {
	constructor(readonly failure: SyncFailure) {
		super(failure.message);
	}
}

const failure = (kind: SyncFailureKind, detail?: string): SyncFailure => ({
	kind,
	message: detail ? `${MESSAGES[kind]} (${detail})` : MESSAGES[kind]
});

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Reads a Server URL typed by the learner: http(s), with a database name as its last path segment. */
export function parseServerUrl(input: string): Result<{ db: string; root: string }, SyncFailure> {
	let u: URL;
	try {
		u = new URL(input.trim());
	} catch {
		return fail(failure('bad-url'));
	}
	const path = u.pathname.replace(/\/+$/, '');
	const name = path.slice(path.lastIndexOf('/') + 1);
	if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !name || u.username || u.password || u.search)
		return fail(failure('bad-url'));
	// The app's content security policy allows plain http to this computer only (svelte.config.js).
	if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname))
		return fail({ kind: 'bad-url', message: MESSAGES.insecure });
	return ok({ db: `${u.origin}${path}`, root: `${u.origin}${path.slice(0, path.length - name.length)}` });
}

async function send(c: Pick<Couch, 'fetch'>, method: string, url: string, body?: unknown): Promise<Response> {
	try {
		return await c.fetch(url, {
			method,
			headers: {
				accept: 'application/json',
				...(body === undefined ? {} : { 'content-type': 'application/json' })
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch (e) {
		throw new CouchError(failure('unreachable', e instanceof Error ? e.message : undefined));
	}
}

async function reason(res: Response): Promise<string> {
	try {
		const j = (await res.json()) as { reason?: unknown; error?: unknown };
		return String(j.reason ?? j.error ?? res.status);
	} catch {
		return String(res.status);
	}
}

/** Signs in with CouchDB's cookie authentication: the server's session cookie is all that is kept. */
export async function logIn(
	c: Pick<Couch, 'root' | 'fetch'>,
	name: string,
	password: string
): Promise<Result<void, SyncFailure>> {
	try {
		const res = await send(c, 'POST', `${c.root}_session`, { name, password });
		if (res.ok) return ok(undefined);
		if (res.status === 401) return fail(failure('wrong-password'));
		return fail(failure(res.status === 404 ? 'bad-url' : 'server', await reason(res)));
	} catch (e) {
		if (e instanceof CouchError) return fail(e.failure);
		throw e;
	}
}

/** One request to the database; a 404 is `null` where `missingOk`, every other failure throws. */
export async function couch<T>(
	c: Couch,
	method: string,
	path: string,
	body?: unknown,
	missingOk = false
): Promise<T | null> {
	const res = await send(c, method, `${c.db}/${path}`, body);
	if (res.ok) return (await res.json()) as T;
	const why = await reason(res);
	if (res.status === 401) throw new CouchError(failure('signed-out'));
	if (res.status === 403) throw new CouchError(failure('forbidden'));
	if (res.status === 404) {
		if (missingOk && why !== 'no_db_file' && why !== 'Database does not exist.') return null;
		throw new CouchError(failure('no-database'));
	}
	throw new CouchError(failure('server', `${res.status} ${why}`));
}
