/**
 * Subscriptions for the UI: subscribing (preview first, nothing written before the learner confirms),
 * the update check (on open at most every few hours, and on Check for updates; never offline), and
 * applying an update with progress kept.
 */
import { sourceAddress } from '../core/catalogue/address';
import {
	askSource,
	downloadPack,
	isDue,
	notInstalled,
	readSource,
	updatesOf,
	type SourceContent
} from '../core/catalogue/check';
import { fetchSource, type FetchFn } from '../core/catalogue/fetch';
import { sha256Hex } from '../core/catalogue/sha256';
import type { CatalogueEntry, Subscription } from '../core/catalogue/types';
import { MAX_PACK_FILE_BYTES } from '../core/pack/file';
import { describePlan, planUpdate, summarizePack } from '../core/pack/merge';
import type { Pack } from '../core/pack/types';
import type { Issue } from '../core/result';
import { NEW_STATES } from '../core/scheduler/new-state';
import { getDb } from '../storage/db';
import { listInstalledPacks, readInstalled } from '../storage/imports';
import {
	installFromSource,
	listPackSources,
	listSubscriptions,
	loadUpdateSettings,
	recordCheck,
	removeSubscription,
	saveUpdateSettings
} from '../storage/subscriptions';
import { ensureBuiltIns } from './app.svelte';
import type { ImportPreview } from './import.svelte';
import { broadcast, listen } from './sync';

const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;
const net: FetchFn = (input, init) => fetch(input, init);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** A source on the page's own origin may be sent If-None-Match without a preflight request. */
const sameOrigin = (url: string) =>
	typeof location !== 'undefined' && new URL(url).origin === location.origin;

/** A newer version a subscription offers for an installed pack. */
export interface AvailableUpdate {
	subscription: Subscription;
	entry: CatalogueEntry;
	installedVersion: number;
	/** The verified pack and what it changes, once downloaded. */
	preview: ImportPreview | null;
	/** Why the newer version was refused (hash, size, format), in plain words. */
	problem: string | null;
}

async function previewOf(pack: Pack): Promise<ImportPreview> {
	const plan = planUpdate(await readInstalled(getDb(), pack.id), pack);
	return { pack, summary: summarizePack(pack), plan, lines: describePlan(plan) };
}

/** Subscriptions, what they offer, and updates: one instance shared by every page. */
class UpdatesState {
	subscriptions = $state.raw<Subscription[]>([]);
	/** Installed pack versions by id. */
	installed = $state.raw<ReadonlyMap<string, number>>(new Map());
	/** Subscription url by installed pack id. */
	sources = $state.raw<ReadonlyMap<string, string>>(new Map());
	#previews = $state.raw<ReadonlyMap<string, { version: number; preview: ImportPreview }>>(new Map());
	#problems = $state.raw<ReadonlyMap<string, { version: number; problem: string }>>(new Map());
	autoApply = $state(false);
	checking = $state(false);
	/** The outcome of the last check or update, for a live region. */
	status = $state('');
	/** The pack being updated, and how much of it is written. */
	applying = $state<string | null>(null);
	percent = $state(0);
	#listening = false;

	/** Every newer version on offer for an installed pack. */
	available = $derived.by((): AvailableUpdate[] =>
		this.subscriptions.flatMap((sub) =>
			updatesOf(sub, this.installed, this.sources).map((entry) => {
				const p = this.#previews.get(entry.id);
				const q = this.#problems.get(entry.id);
				return {
					subscription: sub,
					entry,
					installedVersion: this.installed.get(entry.id) ?? 0,
					preview: p?.version === entry.version ? p.preview : null,
					problem: q?.version === entry.version ? q.problem : null
				};
			})
		)
	);

	/** The update on offer for one pack, if any. */
	updateFor(packId: string): AvailableUpdate | undefined {
		return this.available.find((u) => u.entry.id === packId);
	}

	/** The subscription a pack came from, if any. */
	sourceOf(packId: string): Subscription | undefined {
		const url = this.sources.get(packId);
		return url ? this.subscriptions.find((s) => s.url === url) : undefined;
	}

	/** Packs a subscribed catalogue offers that are not installed. */
	offered(sub: Subscription): CatalogueEntry[] {
		return notInstalled(sub, this.installed);
	}

	async load(): Promise<void> {
		await ensureBuiltIns();
		const db = getDb();
		const [subs, sources, rows, settings] = await Promise.all([
			listSubscriptions(db),
			listPackSources(db),
			listInstalledPacks(db),
			loadUpdateSettings(db)
		]);
		this.subscriptions = subs;
		this.sources = new Map(sources.map((s) => [s.packId, s.url]));
		this.installed = new Map(rows.map((r) => [r.id, r.version]));
		this.autoApply = settings.autoApply;
		if (!this.#listening) {
			// Another tab installed, updated or unsubscribed: what is on offer changes with it.
			this.#listening = true;
			listen((m) => {
				if (m.type === 'replaced' || m.type === 'settings') void this.load();
			});
		}
	}

	/** When the app opens: asks the sources not asked for a few hours; nothing at all offline. */
	async checkOnOpen(now = Date.now()): Promise<void> {
		if (!online()) return;
		await this.load();
		const due = this.subscriptions.filter((s) => isDue(s, now));
		if (due.length) await this.#check(due, now);
	}

	/** Check for updates: asks every source now. */
	async checkNow(): Promise<void> {
		if (!online()) {
			this.status = 'You are offline, so nothing was checked. Your packs are unchanged.';
			return;
		}
		await this.load();
		await this.#check(this.subscriptions, Date.now());
	}

	async #check(subs: Subscription[], now: number): Promise<void> {
		if (this.checking) return;
		this.checking = true;
		this.status = 'Checking for updates…';
		const db = getDb();
		// Plain working copies, published to the raw state in one assignment when the check is done.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const previews = new Map(this.#previews);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const problems = new Map(this.#problems);
		try {
			for (const sub of subs) {
				// One request per source per check: the pack file a catalogue names is its own source.
				const answer = await askSource(sub, net, now, sameOrigin(sub.url));
				await recordCheck(db, sub.url, answer.record);
				const fresh = { ...sub, ...answer.record };
				for (const entry of updatesOf(fresh, this.installed, this.sources)) {
					if (previews.get(entry.id)?.version === entry.version) continue;
					const got =
						fresh.kind === 'pack'
							? answer.pack
								? { ok: true as const, value: { pack: answer.pack } }
								: null
							: await downloadPack(fresh.url, entry, net);
					if (!got) continue;
					if (!got.ok) {
						problems.set(entry.id, {
							version: entry.version,
							problem: got.errors.map((e) => e.message).join(' ')
						});
						continue;
					}
					problems.delete(entry.id);
					previews.set(entry.id, { version: entry.version, preview: await previewOf(got.value.pack) });
				}
			}
			this.#previews = previews;
			this.#problems = problems;
			await this.load();
			const ready = this.available.filter((u) => u.preview);
			if (this.autoApply) {
				for (const u of ready) await this.apply(u.entry.id);
			}
			const left = this.available.filter((u) => !u.problem).length;
			const refused = this.available.length - left;
			const failed = this.subscriptions.filter((s) => s.error).length;
			this.status =
				this.autoApply && ready.length
					? this.status
					: left
						? `${left === 1 ? 'An update is' : `${left} updates are`} available.`
						: refused
							? 'A newer version was refused; the pack says why. Your packs are unchanged.'
							: failed
								? 'Some sources could not be checked; see Subscriptions. Your packs are unchanged.'
								: 'Your subscribed packs are up to date.';
		} catch (e) {
			this.status = `The check stopped: ${message(e)}. Your packs are unchanged.`;
		} finally {
			this.checking = false;
		}
	}

	/** Applies a newer version with progress kept (downloaded and verified first if need be). */
	async apply(packId: string): Promise<boolean> {
		const u = this.updateFor(packId);
		if (!u || this.applying) return false;
		this.applying = packId;
		this.percent = 0;
		try {
			let preview = u.preview;
			if (!preview) {
				const got =
					u.subscription.kind === 'catalogue'
						? await downloadPack(u.subscription.url, u.entry, net)
						: await this.#packAt(u.subscription.url);
				if (!got.ok) {
					this.status = `${u.entry.title} was not updated: ${got.errors.map((e) => e.message).join(' ')}`;
					return false;
				}
				preview = await previewOf(got.value.pack);
			}
			const r = await installFromSource(getDb(), u.subscription, preview.pack, NEW_STATES, Date.now(), {
				onProgress: (written, total) => (this.percent = Math.floor((written / total) * 10) * 10)
			});
			if (!r.ok) {
				this.status = `${u.entry.title} was not updated: ${r.errors.map((e) => e.message).join(' ')}`;
				return false;
			}
			this.status = `Updated ${preview.summary.title} to version ${preview.summary.version}. ${describePlan(r.value).slice(1).join(' ')}`;
			broadcast({ type: 'replaced' });
			await this.load();
			return true;
		} finally {
			this.applying = null;
		}
	}

	async #packAt(url: string) {
		const got = await fetchSource(url, { fetch: net, limit: MAX_PACK_FILE_BYTES, what: 'pack' });
		if (!got.ok) return got;
		if (got.value.status !== 'body')
			return { ok: false as const, errors: [{ path: 'url', message: 'no pack was sent' }] };
		const content = await readSource(got.value.bytes, url);
		if (!content.ok) return content;
		if (content.value.kind !== 'pack') {
			return { ok: false as const, errors: [{ path: 'url', message: 'the address no longer holds a pack' }] };
		}
		return { ok: true as const, value: { pack: content.value.pack } };
	}

	/** Removes a subscription; its packs stay (with progress) unless `removePacks`. */
	async remove(sub: Subscription, removePacks: boolean): Promise<void> {
		const r = await removeSubscription(getDb(), sub.url, removePacks);
		if (!r.ok) {
			this.status = r.errors.map((e) => e.message).join(' ');
			return;
		}
		const n = r.value.length;
		this.status = removePacks
			? `Unsubscribed from ${sub.title} and removed its ${n === 1 ? 'pack' : `${n} packs`}.`
			: `Unsubscribed from ${sub.title}. Its packs stay installed with your progress; they no longer update.`;
		broadcast({ type: 'replaced' });
		await this.load();
	}

	/** Turns applying updates without asking on or off. */
	async setAutoApply(on: boolean): Promise<void> {
		await saveUpdateSettings(getDb(), { autoApply: on });
		this.autoApply = on;
		broadcast({ type: 'settings' });
	}
}

export const updates = new UpdatesState();

export type SubscribeStage = 'idle' | 'reading' | 'catalogue' | 'preview' | 'writing' | 'error';

/** One subscribe screen: read the address, list what it offers, preview a pack, install it. */
export class SubscribeState {
	stage = $state<SubscribeStage>('idle');
	errors = $state.raw<Issue[]>([]);
	/** The source as it will be stored once the learner installs a pack from it. */
	source = $state.raw<Subscription | null>(null);
	/** The pack a subscribe link pointed at, offered first. */
	wanted = $state<string | null>(null);
	preview = $state.raw<ImportPreview | null>(null);
	percent = $state(0);
	/** What was just installed, for a live region. */
	done = $state('');
	#pack: Pack | null = null;

	/** Reads a catalogue or pack address; nothing is written. */
	async open(address: string, base: string, wanted: string | null = null): Promise<void> {
		this.stage = 'reading';
		this.errors = [];
		this.done = '';
		this.preview = null;
		this.source = null;
		this.wanted = wanted;
		const url = sourceAddress(address, base);
		if (!url.ok) return this.#fail(url.errors);
		if (!online()) {
			return this.#fail([
				{ path: 'url', message: 'You are offline, so nothing can be read. Connect and try again.' }
			]);
		}
		const got = await fetchSource(url.value, { fetch: net, limit: MAX_PACK_FILE_BYTES, what: 'file' });
		if (!got.ok) return this.#fail(got.errors);
		if (got.value.status !== 'body') return this.#fail([{ path: 'url', message: 'Nothing was sent.' }]);
		const content = await readSource(got.value.bytes, url.value);
		if (!content.ok) return this.#fail(content.errors);
		this.source = await this.#subscription(url.value, content.value, got.value.bytes, got.value.etag);
		await updates.load();
		if (content.value.kind === 'pack') await this.#preview(content.value.pack);
		else this.stage = 'catalogue';
	}

	/** The catalogue's packs, the one a link pointed at first. */
	get entries(): CatalogueEntry[] {
		const packs = this.source?.packs ?? [];
		return [...packs].sort((a, b) => Number(b.id === this.wanted) - Number(a.id === this.wanted));
	}

	/** Downloads and verifies one pack of the catalogue, then previews it. */
	async install(entry: CatalogueEntry): Promise<void> {
		if (!this.source) return;
		this.stage = 'reading';
		this.errors = [];
		this.done = '';
		const got = await downloadPack(this.source.url, entry, net);
		if (!got.ok) return this.#fail(got.errors);
		await this.#preview(got.value.pack);
	}

	/** Installs the previewed pack and records the subscription, in one transaction. */
	async confirm(): Promise<boolean> {
		const pack = this.#pack;
		const source = this.source;
		if (!pack || !source || this.stage !== 'preview') return false;
		this.stage = 'writing';
		this.percent = 0;
		const r = await installFromSource(
			getDb(),
			{ ...source, addedAt: Date.now() },
			pack,
			NEW_STATES,
			Date.now(),
			{
				confirmed: true,
				onProgress: (written, total) => (this.percent = Math.floor((written / total) * 10) * 10)
			}
		);
		if (!r.ok) {
			this.#fail(r.errors);
			return false;
		}
		this.done = `Subscribed: ${pack.title} (version ${pack.version}) is installed and will update by itself.`;
		this.preview = null;
		this.#pack = null;
		broadcast({ type: 'replaced' });
		await updates.load();
		this.stage = source.kind === 'catalogue' ? 'catalogue' : 'idle';
		return true;
	}

	/** Leaves the preview; a catalogue's list stays open. */
	cancel(): void {
		this.preview = null;
		this.#pack = null;
		this.stage = this.source?.kind === 'catalogue' ? 'catalogue' : 'idle';
	}

	async #preview(pack: Pack): Promise<void> {
		try {
			this.#pack = pack;
			this.preview = await previewOf(pack);
			this.stage = 'preview';
		} catch (e) {
			this.#fail([{ path: 'database', message: `Could not open your study data (${message(e)}).` }]);
		}
	}

	async #subscription(
		url: string,
		c: SourceContent,
		bytes: Uint8Array,
		etag: string | null
	): Promise<Subscription> {
		return {
			url,
			kind: c.kind,
			title: c.kind === 'catalogue' ? c.catalogue.title : c.pack.title,
			addedAt: Date.now(),
			checkedAt: Date.now(),
			etag,
			digest: await sha256Hex(bytes),
			packs: c.kind === 'catalogue' ? c.catalogue.packs : [c.entry],
			error: null
		};
	}

	#fail(errors: Issue[]): void {
		this.errors = errors;
		this.stage = 'error';
	}
}
