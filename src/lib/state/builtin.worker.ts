/**
 * The worker that installs the built-in packs (see builtin-install.ts): it fetches each pack's file,
 * parses it and stores it with its own connection to the database, and answers once, when done.
 */
import { getDb } from '../storage/db';
import { installJobs, type BuiltInJob, type WorkerReply } from './builtin-jobs';

const scope = self as unknown as {
	onmessage: ((e: MessageEvent<{ jobs: BuiltInJob[]; now: number }>) => void) | null;
	postMessage: (reply: WorkerReply) => void;
};

scope.onmessage = async (e) => {
	let reply: WorkerReply;
	try {
		await installJobs(getDb(), e.data.jobs, e.data.now);
		reply = { ok: true };
	} catch (err) {
		reply = { ok: false, message: err instanceof Error ? err.message : String(err) };
	}
	getDb().close();
	scope.postMessage(reply);
};
