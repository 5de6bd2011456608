/**
 * Frozen with schema version 6: how that version counted the existing logs into review blocks (per pack,
 * 1024 hours a block). The upgrade to version 6 calls this copy, never the live tally code
 * (core/stats/tally.ts, storage/stats.ts), which may change; a later block format gets its own version
 * and upgrade. Do not edit.
 */

interface V6Log {
	id?: number;
	packId: string;
	reviewedAt: number;
	state: string;
	rating: string;
}

interface V6Block {
	packId: string;
	block: number;
	reviews: Uint32Array;
	reviewState: Uint32Array;
	passed: Uint32Array;
}

const HOUR_MS = 3_600_000;
const BLOCK_HOURS = 1024;

function tally(logs: readonly V6Log[], blocks: Map<string, V6Block>): void {
	for (const log of logs) {
		const hour = Math.floor(log.reviewedAt / HOUR_MS);
		const block = Math.floor(hour / BLOCK_HOURS);
		const key = `${log.packId}\u0000${block}`;
		let b = blocks.get(key);
		if (!b) {
			b = {
				packId: log.packId,
				block,
				reviews: new Uint32Array(BLOCK_HOURS),
				reviewState: new Uint32Array(BLOCK_HOURS),
				passed: new Uint32Array(BLOCK_HOURS)
			};
			blocks.set(key, b);
		}
		const i = hour - block * BLOCK_HOURS;
		b.reviews[i] = b.reviews[i]! + 1;
		if (log.state === 'review') {
			b.reviewState[i] = b.reviewState[i]! + 1;
			if (log.rating !== 'again') b.passed[i] = b.passed[i]! + 1;
		}
	}
}

/** The review blocks of every log, read a page at a time so memory stays flat at 200,000 logs. */
export async function blocksFromLogsV6(
	readPage: (afterId: number, limit: number) => Promise<V6Log[]>
): Promise<V6Block[]> {
	const blocks = new Map<string, V6Block>();
	let after = 0;
	for (;;) {
		const page = await readPage(after, 5000);
		if (page.length === 0) break;
		tally(page, blocks);
		after = page.at(-1)!.id ?? Infinity;
		if (!Number.isFinite(after)) break;
	}
	return [...blocks.values()];
}
