/**
 * One sync run over CouchDB's replication protocol. Pull first: `_changes` since this device's
 * checkpoint, and the bodies of only the documents this device lacks (`_revs_diff` decided here, from
 * the ids and revisions: a document's revision follows from its id, see docs.ts), fetched with
 * `_all_docs?include_docs=true`. Then push what this device has not sent yet, minus what the pull just
 * showed the server holds, in large `_bulk_docs` batches with `new_edits: false`. Both directions save
 * their progress after every batch, together with the batch's data, so an interrupted run resumes where
 * it stopped. A `_local` document on the server names this device's checkpoint session (asked in
 * parallel with the first `_changes`): when it is gone (the database was recreated), the device starts
 * over from nothing, which the union merge makes safe.
 *
 * What a device pushed comes back in its next pull (CouchDB's feed has no "not mine"): those changes
 * are read as ids only and cost no bodies. When the device pushed nothing since its checkpoint, every
 * change is another device's, and the feed is read with its documents in one round trip.
 */
import { fail, ok, type Result } from '../result';
import { couch, CouchError, type Couch, type SyncFailure } from './couch';
import { parseDoc, type CouchDoc, type Incoming } from './docs';

/** How far this device has synced (sequence numbers are opaque strings in CouchDB 2 and later). */
export interface Checkpoint {
	session: string;
	pullSeq: string | number;
	/** Documents pushed after `pullSeq` (their echo is in the next pull), or that the server may hold
	 * already (a device with data starting over): the next pull reads ids first. */
	echo: number;
}

/** One entry of the changes feed. */
export interface Change {
	id: string;
	rev: string;
	deleted: boolean;
}

/** What the device's store does for a sync run; storage/sync.ts implements it over Dexie. */
export interface SyncStore<Mark> {
	checkpoint(): Promise<Checkpoint>;
	/** Starts over: a new session, nothing pulled, everything to push again. */
	resetCheckpoint(): Promise<Checkpoint>;
	/** The ids among `changes` whose documents this device lacks (the `_revs_diff` of a pull). */
	missing(changes: readonly Change[]): Promise<string[]>;
	/** Up to `limit` documents not pushed yet, and the mark to record once the server has them. */
	collectPush(limit: number): Promise<{ docs: CouchDoc[]; mark: Mark }>;
	/** Records a confirmed push of `mark`, of which `sent` documents went over the wire. */
	markPushed(mark: Mark, sent: number): Promise<void>;
	/** Merges a batch of pulled documents and records `lastSeq`, in one transaction; returns how many
	 * changed something here (a document this device already had changes nothing). */
	applyPulled(docs: Incoming[], lastSeq: string | number): Promise<number>;
	/** Work left once the pull has caught up (rescheduling the cards it changed). */
	afterPull(): Promise<void>;
}

export interface SyncReport {
	/** Documents sent to the server. */
	pushed: number;
	/** Pulled documents that were new here. */
	pulled: number;
	/** Documents on the server this app version does not read (or could not parse). */
	skipped: number;
	/** HTTP requests made. */
	requests: number;
}

/** Documents per request: 2,000 compact review logs are about half a megabyte. */
export const BATCH = 2000;
/** Above this many documents pushed, the run reads their echo itself (see the end of `replicate`). */
const ECHO_NOW = 200;

interface ChangesAnswer {
	results: { id: string; doc?: unknown; deleted?: boolean; changes?: { rev: string }[] }[];
	last_seq: string | number;
}

interface AllDocsAnswer {
	rows: { key: string; doc?: unknown; error?: string }[];
}

/** Runs one sync between `store` and the database `c`, for the device `deviceId`. */
export async function replicate<Mark>(
	c: Couch,
	store: SyncStore<Mark>,
	deviceId: string,
	batch = BATCH
): Promise<Result<SyncReport, SyncFailure>> {
	const report: SyncReport = { pushed: 0, pulled: 0, skipped: 0, requests: 0 };
	const ask = <T>(method: string, path: string, body?: unknown, missingOk = false) => {
		report.requests++;
		return couch<T>(c, method, path, body, missingOk);
	};
	const changes = (ck: Checkpoint) =>
		ask<ChangesAnswer>(
			'GET',
			`_changes?style=main_only&limit=${batch}&since=${encodeURIComponent(String(ck.pullSeq))}` +
				(ck.echo > 0 ? '' : '&include_docs=true')
		);
	try {
		const localId = `_local/deckhand-${encodeURIComponent(deviceId)}`;
		let ck = await store.checkpoint();
		// The session check and the first page of changes in one round trip.
		let first: Promise<ChangesAnswer | null> | null = changes(ck);
		first.catch(() => {});
		const remote = await ask<{ session?: unknown; _rev?: string }>('GET', localId, undefined, true);
		if (remote?.session !== ck.session) {
			const was = ck;
			ck = await store.resetCheckpoint();
			// A new device asks the same first page again: keep the one already on its way.
			if (ck.echo !== was.echo || String(ck.pullSeq) !== String(was.pullSeq)) {
				await first.catch(() => null);
				first = null;
			}
			await ask('PUT', localId, { session: ck.session, ...(remote?._rev ? { _rev: remote._rev } : {}) });
		}

		// What the server holds, as seen in this run's pulls: not pushed back to it.
		const onServer = new Set<string>();
		/** Pulls every change since the checkpoint; `sent` are documents this run pushed (not fetched). */
		const pull = async (sent: ReadonlySet<string>) => {
			for (;;) {
				const answer = await (first ?? changes(ck));
				first = null;
				if (!answer) break;
				const incoming: Incoming[] = [];
				const take = (doc: unknown) => {
					const parsed = parseDoc(doc);
					if (!parsed || parsed.kind === 'other') report.skipped++;
					else incoming.push(parsed);
				};
				const listed: Change[] = answer.results.map((r) => ({
					id: r.id,
					rev: r.changes?.[0]?.rev ?? '',
					deleted: r.deleted === true
				}));
				for (const ch of listed) onServer.add(`${ch.id} ${ch.rev}`);
				if (ck.echo === 0) {
					for (const r of answer.results) take(r.doc ?? { _id: r.id, _deleted: r.deleted === true });
				} else {
					// Deletions need no body; for the rest, fetch only what this device lacks.
					const others = listed.filter((ch) => !sent.has(`${ch.id} ${ch.rev}`));
					for (const ch of others) if (ch.deleted) take({ _id: ch.id, _deleted: true });
					const need = await store.missing(others.filter((ch) => !ch.deleted));
					if (need.length) {
						const got = await ask<AllDocsAnswer>('POST', '_all_docs?include_docs=true', { keys: need });
						for (const row of got?.rows ?? []) if (row.doc) take(row.doc);
					}
				}
				report.pulled += await store.applyPulled(incoming, answer.last_seq);
				ck = { ...ck, pullSeq: answer.last_seq };
				if (answer.results.length < batch) break;
			}
			await store.afterPull();
		};
		await pull(new Set());

		const sent = new Set<string>();
		for (;;) {
			const { docs, mark } = await store.collectPush(batch);
			if (!docs.length) break;
			const send = docs.filter((d) => !onServer.has(`${d._id} ${d._rev}`));
			if (send.length) {
				const answer = await ask<{ id: string; error?: string; reason?: string }[]>('POST', '_bulk_docs', {
					docs: send,
					new_edits: false
				});
				const bad = answer?.find((r) => r.error);
				if (bad)
					throw new CouchError({
						kind: 'server',
						message: `The server refused ${bad.id}: ${bad.reason ?? bad.error}`
					});
			}
			await store.markPushed(mark, send.length);
			for (const d of send) sent.add(`${d._id} ${d._rev}`);
			report.pushed += send.length;
		}
		// A big push reads its echo now, told apart from other devices' changes by what it just sent, so
		// the next run does not check thousands of its own reviews against the database one by one. A
		// small one leaves its echo to the next run's one request for changes.
		if (sent.size > ECHO_NOW) {
			ck = { ...ck, echo: sent.size };
			await pull(sent);
		}
		return ok(report);
	} catch (e) {
		if (e instanceof CouchError) return fail(e.failure);
		throw e;
	}
}
