/**
 * Installs the packs a subscription synced from another device brought with it. The learner chose
 * those packs there, after a preview; here they arrive the way the reviews of them do, in the
 * background after a sync, so the reviews have their cards. Each file is checked against the
 * catalogue's SHA-256 as any install from a source is. What cannot be installed now (offline, the
 * source down) is tried again after the next sync; a pack the source no longer offers is let go.
 */
import { askSource, downloadPack } from '../core/catalogue/check';
import type { FetchFn } from '../core/catalogue/fetch';
import type { Scheduler, StudySettings } from '../core/scheduler';
import { NEW_STATES } from '../core/scheduler/new-state';
import type { DeckhandDb } from '../storage/db';
import { installFromSource, recordCheck } from '../storage/subscriptions';
import { pendingSubscriptionInstalls, replayPack, settlePendingInstalls } from '../storage/sync';

export interface SyncedInstalls {
	/** Titles of the packs installed. */
	installed: string[];
	/** What stopped an install, in plain words (tried again after the next sync). */
	problems: string[];
}

/** Installs every pack a synced subscription asks for that this device does not have yet. */
export async function installSyncedPacks(
	db: DeckhandDb,
	fetchFn: FetchFn,
	makeScheduler: (s: StudySettings) => Scheduler,
	now: number
): Promise<SyncedInstalls> {
	const out: SyncedInstalls = { installed: [], problems: [] };
	for (const { subscription, packs } of await pendingSubscriptionInstalls(db)) {
		const answer = await askSource(subscription, fetchFn, now, false);
		await recordCheck(db, subscription.url, answer.record);
		if (answer.record.error) {
			out.problems.push(answer.record.error);
			continue;
		}
		const source = { ...subscription, ...answer.record };
		const settled: string[] = [];
		for (const id of packs) {
			const entry = source.packs.find((e) => e.id === id);
			if (!entry) {
				settled.push(id);
				continue;
			}
			const got =
				source.kind === 'pack' && answer.pack
					? { ok: true as const, value: { pack: answer.pack } }
					: await downloadPack(source.url, entry, fetchFn);
			if (!got.ok) {
				out.problems.push(got.errors.map((e) => e.message).join(' '));
				continue;
			}
			const r = await installFromSource(db, source, got.value.pack, NEW_STATES, now, {}, false);
			if (!r.ok) {
				out.problems.push(r.errors.map((e) => e.message).join(' '));
				continue;
			}
			// Reviews of this pack pulled before it was here now schedule its cards.
			await replayPack(db, id, makeScheduler, now);
			settled.push(id);
			out.installed.push(entry.title);
		}
		if (settled.length) await settlePendingInstalls(db, subscription.url, settled);
	}
	return out;
}
