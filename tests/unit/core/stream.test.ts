import { describe, expect, it } from 'vitest';
import { readAtMost } from '$lib/core/stream';

function chunked(sizes: number[], onPull?: () => void): ReadableStream<Uint8Array> {
	let i = 0;
	return new ReadableStream<Uint8Array>({
		pull(controller) {
			onPull?.();
			const size = sizes[i++];
			if (size === undefined) controller.close();
			else controller.enqueue(new Uint8Array(size).fill(i));
		}
	});
}

describe('readAtMost', () => {
	it('joins every chunk in order when the stream stays within the limit', async () => {
		const out = await readAtMost(chunked([2, 3, 1]), 6);
		expect(Array.from(out ?? [])).toEqual([1, 1, 2, 2, 2, 3]);
	});

	it('gives up as soon as the stream passes the limit and reads no further', async () => {
		let pulls = 0;
		const out = await readAtMost(
			chunked([4, 4, 4, 4, 4], () => pulls++),
			6
		);
		expect(out).toBeNull();
		expect(pulls).toBeLessThan(5);
	});

	it('reads an empty stream as no bytes', async () => {
		expect((await readAtMost(chunked([]), 0))?.byteLength).toBe(0);
	});
});
