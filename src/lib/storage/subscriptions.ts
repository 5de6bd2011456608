/**
 * Subscriptions and where installed packs came from. Installing or updating from a source goes through
 * `importPack` (the one import path), inside a transaction that also records the source, so a pack is
 * never installed without its source or the other way round.
 */
import type { CheckRecord } from '../core/catalogue/check';
import type { PackSource, Subscription } from '../core/catalogue/types';
import type { UpdatePlan } from '../core/pack/merge';
import type { Pack } from '../core/pack/types';
import { fail, ok, type Issue, type Result } from '../core/result';
import type { NewStates } from '../core/scheduler/new-state';
import type { DeckhandDb } from './db';
import { importPack, removePack, type ImportOptions } from './imports';
import { noteSubscriptionChange } from './sync';

/** Every subscription, oldest first. */
export async function listSubscriptions(db: DeckhandDb): Promise<Subscription[]> {
	return (await db.subscriptions.toArray()).sort((a, b) => a.addedAt - b.addedAt);
}

/**
 * Where every installed pack that came from a subscription came from. The source of a pack removed
 * since (Remove on the Packs page) is forgotten here, so a later import of the same id by hand is not
 * taken over by the old subscription.
 */
export async function listPackSources(db: DeckhandDb): Promise<PackSource[]> {
	return db.transaction('rw', db.packSources, db.packs, async () => {
		const sources = await db.packSources.toArray();
		const installed = new Set(await db.packs.toCollection().primaryKeys());
		const gone = sources.filter((s) => !installed.has(s.packId)).map((s) => s.packId);
		if (gone.length) await db.packSources.bulkDelete(gone);
		return sources.filter((s) => installed.has(s.packId));
	});
}

/** Stores the outcome of asking a source; nothing happens when the subscription was removed meanwhile. */
export async function recordCheck(db: DeckhandDb, url: string, check: CheckRecord): Promise<void> {
	await db.subscriptions.update(url, check);
}

/** Thrown inside the transaction to undo it when the import refused the pack. */
class Refused extends Error {
	constructor(readonly issues: Issue[]) {
		super('refused');
	}
}

/**
 * Installs or updates a pack from a source, in one transaction: the subscription (added if new, its
 * fields otherwise kept), the pack's source, and the import itself with progress kept.
 */
export async function installFromSource(
	db: DeckhandDb,
	subscription: Subscription,
	pack: Pack,
	scheduler: NewStates,
	now: number,
	options: ImportOptions = {},
	/** False for an install sync makes itself (the change came from another device, which sent it). */
	noteForSync = true
): Promise<Result<UpdatePlan>> {
	try {
		// Every table: importPack opens its own transaction inside this one, over tables that may change.
		return await db.transaction('rw', db.tables, async () => {
			const known = await db.subscriptions.get(subscription.url);
			if (!known) await db.subscriptions.put(subscription);
			const before = await db.packSources.get(pack.id);
			await db.packSources.put({ packId: pack.id, url: subscription.url });
			const r = await importPack(db, pack, scheduler, now, options);
			if (!r.ok) throw new Refused(r.errors);
			// A new subscription, or another pack from it: a change other devices sync (an update is not).
			if (noteForSync && (!known || before?.url !== subscription.url))
				await noteSubscriptionChange(db, known ?? subscription, true, now);
			return r;
		});
	} catch (e) {
		if (e instanceof Refused) return fail(e.issues);
		return fail([
			{
				path: 'import',
				message: `The pack could not be saved, and nothing was changed (${e instanceof Error ? e.message : String(e)}).`
			}
		]);
	}
}

/**
 * Removes a subscription. Its packs stay installed with their progress (they just stop updating) unless
 * `removePacks`, which removes them and everything learned on them, all in one transaction.
 */
export async function removeSubscription(
	db: DeckhandDb,
	url: string,
	removePacks: boolean
): Promise<Result<string[]>> {
	try {
		return await db.transaction('rw', db.tables, async () => {
			const sources = await db.packSources.where('url').equals(url).toArray();
			const ids = sources.map((s) => s.packId);
			const sub = await db.subscriptions.get(url);
			await db.packSources.bulkDelete(ids);
			await db.subscriptions.delete(url);
			if (sub) await noteSubscriptionChange(db, sub, false, Date.now());
			if (removePacks) for (const id of ids) await removePack(db, id);
			return ok(ids);
		});
	} catch (e) {
		return fail([
			{ path: 'subscription', message: `Nothing was changed: ${e instanceof Error ? e.message : String(e)}` }
		]);
	}
}

const SETTINGS_KEY = 'updates';

/** How updates from subscriptions are applied. */
export interface UpdateSettings {
	/** Apply a newer version from a subscription without asking (progress is kept either way). */
	autoApply: boolean;
}

/** The learner's update settings; off unless they turned it on. */
export async function loadUpdateSettings(db: DeckhandDb): Promise<UpdateSettings> {
	const value = (await db.settings.get(SETTINGS_KEY))?.value as { autoApply?: unknown } | undefined;
	return { autoApply: value?.autoApply === true };
}

/** Stores the update settings under their own key, beside (never inside) the study settings. */
export async function saveUpdateSettings(db: DeckhandDb, value: UpdateSettings): Promise<void> {
	await db.settings.put({ key: SETTINGS_KEY, value: { autoApply: value.autoApply === true } });
}
