/** Downloading a hosted pack for `/import?url=…`, with every network failure put in plain words. */
import { MAX_PACK_FILE_BYTES } from '../core/pack/file';
import { fail, ok, type Result } from '../core/result';
import { readAtMost } from '../core/stream';

const issue = (message: string): Result<never> => fail([{ path: 'url', message }]);

/** The bytes at a pack URL, at most 20 MB, or a plain error. */
export async function fetchPackBytes(address: string, base: string): Promise<Result<Uint8Array>> {
	let url: URL;
	try {
		url = new URL(address, base);
	} catch {
		return issue(`"${address}" is not a web address.`);
	}
	const sameOrigin = url.origin === new URL(base).origin;
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && sameOrigin)) {
		// The page's content security policy allows connections to this origin and to https: only.
		return issue(
			'Only https:// addresses can be imported (the pack must be served over a secure connection).'
		);
	}
	if (typeof navigator !== 'undefined' && navigator.onLine === false) {
		return issue('You are offline, so the pack cannot be downloaded. Connect and try again.');
	}
	let res: Response;
	try {
		res = await fetch(url, { credentials: 'omit', redirect: 'follow' });
	} catch {
		return issue(
			!sameOrigin
				? `Could not download the pack from ${url.host}. Either the network failed, or that site does not let other sites read its files (it needs to send CORS headers). Download the file yourself and import it with Import pack.`
				: 'Could not download the pack: the network failed. Check your connection and try again.'
		);
	}
	if (!res.ok)
		return issue(`The server at ${url.host} answered ${res.status} ${res.statusText}: no pack there.`);
	const declared = Number(res.headers.get('content-length') ?? 0);
	if (declared > MAX_PACK_FILE_BYTES) {
		return issue(`The pack at ${url.host} is larger than 20 MB, more than a pack may be.`);
	}
	if (!res.body) return ok(new Uint8Array(await res.arrayBuffer()));
	// Stop reading as soon as the body passes 20 MB, whatever size the server declared.
	const out = await readAtMost(res.body, MAX_PACK_FILE_BYTES);
	if (!out) return issue(`The pack at ${url.host} is larger than 20 MB, more than a pack may be.`);
	return ok(out);
}
