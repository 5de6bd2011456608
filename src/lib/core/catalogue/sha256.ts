/** SHA-256 of bytes as lowercase hex, with the Web Crypto API (in browsers and in Node 20 alike). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	let out = '';
	for (const b of new Uint8Array(digest)) out += b.toString(16).padStart(2, '0');
	return out;
}
