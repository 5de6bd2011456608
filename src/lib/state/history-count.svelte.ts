/**
 * The once-only count of the review history into per-hour blocks (storage/review-blocks.ts), run after
 * the first paint, one slice per task so the page stays responsive, with its progress for the screen.
 */
import type { BlocksProgress } from '../storage/review-blocks';

class HistoryCount {
	/** Logs counted so far and in all, while the count runs; null otherwise. */
	progress = $state.raw<BlocksProgress | null>(null);
	error = $state<string | null>(null);
	#running: Promise<void> | null = null;

	/** Runs the count if one is pending (once per page load; later calls wait for the same run). */
	run(): Promise<void> {
		this.#running ??= (async () => {
			try {
				const [{ getDb }, { blocksPending, countBlocksSlice }] = await Promise.all([
					import('../storage/db'),
					import('../storage/review-blocks')
				]);
				const db = getDb();
				const pending = await blocksPending(db);
				if (!pending) return;
				this.progress = { done: pending.done, total: pending.total };
				for (;;) {
					const next = await countBlocksSlice(db);
					if (!next) break;
					this.progress = next;
					// Yield to the page between slices: input and painting go first.
					await new Promise((r) => setTimeout(r, 0));
				}
			} catch (e) {
				this.error = e instanceof Error ? e.message : String(e);
			} finally {
				this.progress = null;
			}
		})();
		return this.#running;
	}
}

export const historyCount = new HistoryCount();
