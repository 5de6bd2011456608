/**
 * Installing the built-in packs a device lacks (a first visit) or has in an older version (after an app
 * update). Fetching, parsing and storing a pack of 1,500 cards took the page's main thread for several
 * tasks of 50-250 ms on a phone (Lighthouse's 4x slowdown), so it runs in a worker
 * (builtin.worker.ts) with its own connection to the database: the page stays free to paint and answer
 * taps meanwhile. Where no worker can start (an old browser, a test in Node), the same code runs here.
 */
import type { DeckhandDb } from '../storage/db';
import type { BuiltInJob, WorkerReply } from './builtin-jobs';

export type { BuiltInJob };

/** Runs the install in a worker; null when no worker could start (the caller installs here instead). */
function inWorker(jobs: readonly BuiltInJob[], now: number): Promise<WorkerReply | null> {
	let worker: Worker;
	try {
		worker = new Worker(new URL('./builtin.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return Promise.resolve(null);
	}
	return new Promise((resolve) => {
		worker.onmessage = (e: MessageEvent<WorkerReply>) => {
			worker.terminate();
			resolve(e.data);
		};
		// The worker's script did not load or run (offline before it was cached, a module worker the
		// browser does not support): nothing was written by it, so the page installs the packs itself.
		worker.onerror = (e) => {
			e.preventDefault();
			worker.terminate();
			resolve(null);
		};
		worker.postMessage({ jobs, now });
	});
}

/** Installs the given built-in packs, off the main thread where the browser allows. */
export async function installBuiltIns(db: DeckhandDb, jobs: readonly BuiltInJob[]): Promise<void> {
	if (jobs.length === 0) return;
	const now = Date.now();
	const start = performance.now();
	const reply = typeof Worker === 'undefined' ? null : await inWorker(jobs, now);
	if (reply === null) {
		const { installJobs } = await import('./builtin-jobs');
		await installJobs(db, jobs, now);
	} else if (!reply.ok) throw new Error(reply.message);
	// For the benchmark (bench/import-first-visit.bench.js): where the install ran, and how long it took.
	performance.measure(`deckhand:install-builtins:${reply ? 'worker' : 'page'}`, { start });
}
