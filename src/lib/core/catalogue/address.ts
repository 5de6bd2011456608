/** Which addresses the app may subscribe to, and how a typed address becomes the one asked at a check. */
import { fail, ok, type Result } from '../result';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * https anywhere; plain http only on this device's loopback address (a team lead trying a catalogue
 * on their own machine, and the tests). The page's content security policy allows the same.
 */
export function isAllowedAddress(url: URL): boolean {
	return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

/**
 * The address to subscribe to for what the learner typed: a catalogue's index.json, a pack file, or a
 * folder (which means its index.json). Credentials and fragments are dropped.
 */
export function sourceAddress(input: string, base?: string): Result<string> {
	const text = input.trim();
	if (text === '') return fail([{ path: 'url', message: 'Enter the address of a catalogue or a pack.' }]);
	let url: URL;
	try {
		url = new URL(text, base);
	} catch {
		return fail([{ path: 'url', message: `"${text}" is not a web address.` }]);
	}
	if (!isAllowedAddress(url)) {
		return fail([
			{
				path: 'url',
				message:
					'Only https:// addresses can be subscribed to (the catalogue must be served over a secure connection).'
			}
		]);
	}
	url.hash = '';
	url.username = '';
	url.password = '';
	if (!url.pathname.toLowerCase().endsWith('.json')) {
		url.pathname = `${url.pathname.replace(/\/?$/, '/')}index.json`;
	}
	return ok(url.href);
}

/** The address of a file a catalogue names, beside the catalogue. */
export function fileAddress(catalogueUrl: string, file: string): string {
	return new URL(file, catalogueUrl).href;
}
