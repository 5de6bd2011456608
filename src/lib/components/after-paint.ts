/**
 * Runs `start` in a task of its own, after the one that hydrates the page: a prerendered page is already
 * painted, and hydrating it and starting its data work (loading the storage code, opening the database,
 * installing the built-in packs) in one long task would block the main thread for the sum of both.
 * For an `$effect`: returns the cleanup, which cancels `start` if it has not run, or runs what it
 * returned.
 */
export function afterPaint(start: () => void | (() => void)): () => void {
	let stop: void | (() => void);
	const id = setTimeout(() => {
		stop = start();
	}, 0);
	return () => {
		clearTimeout(id);
		stop?.();
	};
}
