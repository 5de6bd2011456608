/** Reading byte streams with a size limit, for downloads and inflation of untrusted input. */

/**
 * Every byte of a stream, or null as soon as it passes `limit` bytes: the rest is cancelled, not read,
 * so a huge download or a DEFLATE bomb stops at the limit instead of filling memory.
 */
export async function readAtMost(
	stream: ReadableStream<Uint8Array>,
	limit: number
): Promise<Uint8Array | null> {
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > limit) {
			await reader.cancel();
			return null;
		}
		chunks.push(value);
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out;
}
