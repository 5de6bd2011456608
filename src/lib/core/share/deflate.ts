/**
 * Raw DEFLATE through the web platform's CompressionStream, which browsers and Node 20 both provide,
 * so share links need no compression library in the bundle.
 */
import { readAtMost } from '../stream';

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
	return new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(bytes);
			controller.close();
		}
	});
}

/** Compresses bytes with raw DEFLATE. */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
	const out = await readAtMost(
		streamOf(bytes).pipeThrough(
			new CompressionStream('deflate-raw') as ReadableWritablePair<Uint8Array, Uint8Array>
		),
		Number.POSITIVE_INFINITY
	);
	return out ?? new Uint8Array(0);
}

export type InflateOutcome = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'corrupt' };

/** Inflates raw DEFLATE, giving up once the output passes `limit` bytes. */
export async function inflateRaw(bytes: Uint8Array, limit: number): Promise<InflateOutcome> {
	try {
		const out = await readAtMost(
			streamOf(bytes).pipeThrough(
				new DecompressionStream('deflate-raw') as ReadableWritablePair<Uint8Array, Uint8Array>
			),
			limit
		);
		return out ? { ok: true, bytes: out } : { ok: false, reason: 'too-large' };
	} catch {
		return { ok: false, reason: 'corrupt' };
	}
}
