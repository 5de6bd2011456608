/**
 * One sync run over CouchDB's replication protocol: push what this device has not sent yet
 * (`_bulk_docs` with `new_edits: false`, after `_revs_diff` for big batches), then pull what changed
 * since this device's checkpoint (`_changes`). Both directions save their progress after every batch,
 * together with the batch's data, so an interrupted run resumes where it stopped. A `_local` document
 * on the server names this device's checkpoint session: when it is gone (the database was recreated),
 * the device starts over from nothing, which the union merge makes safe.
 */
import { fail, ok, type Result } from '../result';
import { couch, CouchError, type Couch, type SyncFailure } from './couch';
import { parseDoc, type CouchDoc, type Incoming } from './docs';

/** How far this device has synced (sequence numbers are opaque strings in CouchDB 2 and later). */
export interface Checkpoint {
	session: string;
	pullSeq: string | number;
}

/** What the device's store does for a sync run; storage/sync.ts implements it over Dexie. */
export interface SyncStore<Mark> {
	checkpoint(): Promise<Checkpoint>;
	/** Starts over: a new session, nothing pulled, everything to push again. */
	resetCheckpoint(): Promise<Checkpoint>;
	/** Up to `limit` documents not pushed yet, and the mark to record once the server has them. */
	collectPush(limit: number): Promise<{ docs: CouchDoc[]; mark: Mark }>;
	markPushed(mark: Mark): Promise<void>;
	/** Merges a batch of pulled documents and records `lastSeq`, in one transaction; returns how many
	 * changed something here (a document this device already had changes nothing). */
	applyPulled(docs: Incoming[], lastSeq: string | number): Promise<number>;
	/** Work left for after the last batch (rescheduling the cards the pull changed). */
	afterPull(): Promise<void>;
}

export interface SyncReport {
	/** Documents the server did not have. */
	pushed: number;
	/** Pulled documents that were new here. */
	pulled: number;
	/** Documents on the server this app version does not read (or could not parse). */
	skipped: number;
}

export const BATCH = 500;
/** Below this many documents a push goes straight to `_bulk_docs`, which ignores what the server has. */
const DIFF_FROM = 50;

interface ChangesAnswer {
	results: { id: string; doc?: unknown; deleted?: boolean }[];
	last_seq: string | number;
}

/** Runs one sync between `store` and the database `c`, for the device `deviceId`. */
export async function replicate<Mark>(
	c: Couch,
	store: SyncStore<Mark>,
	deviceId: string,
	batch = BATCH
): Promise<Result<SyncReport, SyncFailure>> {
	const report: SyncReport = { pushed: 0, pulled: 0, skipped: 0 };
	try {
		const localId = `_local/deckhand-${encodeURIComponent(deviceId)}`;
		let ck = await store.checkpoint();
		const remote = await couch<{ session?: unknown }>(c, 'GET', localId, undefined, true);
		if (remote?.session !== ck.session) {
			ck = await store.resetCheckpoint();
			await couch(c, 'PUT', localId, {
				session: ck.session,
				...(remote ? { _rev: (remote as { _rev?: string })._rev } : {})
			});
		}

		for (;;) {
			const { docs, mark } = await store.collectPush(batch);
			if (!docs.length) break;
			let send = docs;
			if (docs.length >= DIFF_FROM) {
				const asked = Object.fromEntries(docs.map((d) => [d._id, [d._rev]]));
				const diff =
					(await couch<Record<string, { missing?: string[] }>>(c, 'POST', '_revs_diff', asked)) ?? {};
				send = docs.filter((d) => diff[d._id]?.missing?.includes(d._rev));
			}
			if (send.length) {
				const answer = await couch<{ id: string; error?: string; reason?: string }[]>(
					c,
					'POST',
					'_bulk_docs',
					{
						docs: send,
						new_edits: false
					}
				);
				const bad = answer?.find((r) => r.error);
				if (bad)
					throw new CouchError({
						kind: 'server',
						message: `The server refused ${bad.id}: ${bad.reason ?? bad.error}`
					});
			}
			await store.markPushed(mark);
			report.pushed += send.length;
		}

		for (;;) {
			const since = encodeURIComponent(String(ck.pullSeq));
			const answer = await couch<ChangesAnswer>(
				c,
				'GET',
				`_changes?include_docs=true&limit=${batch}&since=${since}`
			);
			if (!answer) break;
			const incoming: Incoming[] = [];
			for (const r of answer.results) {
				const parsed = parseDoc(r.doc ?? { _id: r.id, _deleted: r.deleted === true });
				if (!parsed || parsed.kind === 'other') report.skipped++;
				else incoming.push(parsed);
			}
			report.pulled += await store.applyPulled(incoming, answer.last_seq);
			ck = { ...ck, pullSeq: answer.last_seq };
			if (answer.results.length < batch) break;
		}
		await store.afterPull();
		return ok(report);
	} catch (e) {
		if (e instanceof CouchError) return fail(e.failure);
		throw e;
	}
}
