/**
 * Asking a source for its bytes: one request, a size limit that stops reading, redirects to another
 * site refused, and every failure in plain words. `fetch` is passed in, so tests pin the network.
 */
import { fail, ok, type Result } from '../result';
import { readAtMost } from '../stream';
import { isAllowedAddress } from './address';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export type Fetched = { status: 'unchanged' } | { status: 'body'; bytes: Uint8Array; etag: string | null };

export interface FetchOptions {
	fetch: FetchFn;
	/** Bytes past which reading stops and the answer is refused. */
	limit: number;
	/** What is asked for, in words ("catalogue", "pack"). */
	what: string;
	/**
	 * The ETag of the last answer, sent as If-None-Match. Only for a source the page may send that header
	 * to without a preflight request (its own origin): for any other host the browser's HTTP cache sends
	 * If-None-Match itself (`cache: 'no-cache'`), which needs nothing of the host but CORS.
	 */
	etag?: string | null;
}

const issue = (message: string): Result<never> => fail([{ path: 'url', message }]);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The bytes at `address`, or `unchanged` on a 304, or a plain error. Never throws. */
export async function fetchSource(address: string, options: FetchOptions): Promise<Result<Fetched>> {
	let url: URL;
	try {
		url = new URL(address);
	} catch {
		return issue(`"${address}" is not a web address.`);
	}
	if (!isAllowedAddress(url)) return issue(`${url.origin} is not served over a secure connection (https).`);
	const headers: Record<string, string> = {};
	if (options.etag) headers['If-None-Match'] = options.etag;
	let res: Response;
	try {
		res = await options.fetch(url.href, {
			cache: 'no-cache',
			credentials: 'omit',
			redirect: 'follow',
			headers
		});
	} catch {
		return issue(
			`Could not reach ${url.host}: the site may be down or the address wrong, or it does not let other sites read its files (it must send Access-Control-Allow-Origin).`
		);
	}
	if (res.redirected && res.url && new URL(res.url).origin !== url.origin) {
		await res.body?.cancel();
		return issue(
			`${url.host} sent Deckhand on to another site (${new URL(res.url).host}), which it does not follow silently. If you trust that site, subscribe to its address instead.`
		);
	}
	if (res.status === 304) return ok({ status: 'unchanged' });
	if (!res.ok) {
		await res.body?.cancel();
		return issue(
			`${url.host} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}: no ${options.what} at ${url.pathname}.`
		);
	}
	const tooLarge = `The ${options.what} at ${url.host} is larger than ${mb(options.limit)}, more than a ${options.what} may be.`;
	if (Number(res.headers.get('content-length') ?? 0) > options.limit) {
		await res.body?.cancel();
		return issue(tooLarge);
	}
	let bytes: Uint8Array | null;
	try {
		bytes = res.body ? await readAtMost(res.body, options.limit) : new Uint8Array(await res.arrayBuffer());
	} catch {
		return issue(`The connection to ${url.host} broke while the ${options.what} was downloading.`);
	}
	if (!bytes || bytes.byteLength > options.limit) return issue(tooLarge);
	return ok({ status: 'body', bytes, etag: res.headers.get('etag') });
}
