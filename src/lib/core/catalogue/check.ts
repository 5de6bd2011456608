/**
 * The update check's rules, free of the page and the database: when a source is due, what its answer
 * is, which installed packs it has a newer version of, and downloading a pack file the catalogue vouches
 * for (size and SHA-256 checked before the pack is read).
 */
import { MAX_PACK_FILE_BYTES, parsePackFile } from '../pack/file';
import type { Pack } from '../pack/types';
import { fail, ok, type Issue, type Result } from '../result';
import { fileAddress } from './address';
import { entryOf } from './entry';
import { fetchSource, type FetchFn } from './fetch';
import { claimedFormat, MAX_CATALOGUE_BYTES, parseCatalogue, readJsonBytes } from './parse';
import { sha256Hex } from './sha256';
import type { Catalogue, CatalogueEntry, Subscription } from './types';

/** Sources are asked at most this often when the app opens (Check for updates asks at once). */
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/** Whether a subscription is due to be asked when the app opens at `now`. */
export function isDue(sub: Subscription, now: number): boolean {
	return sub.checkedAt === null || now - sub.checkedAt >= CHECK_INTERVAL_MS || now < sub.checkedAt;
}

/** What a source's address holds. */
export type SourceContent =
	{ kind: 'catalogue'; catalogue: Catalogue } | { kind: 'pack'; pack: Pack; entry: CatalogueEntry };

/** Reads a source's bytes: a catalogue (at most 1 MB) or a pack file (at most 20 MB). */
export async function readSource(bytes: Uint8Array, url: string): Promise<Result<SourceContent>> {
	// A pack file may be larger than a catalogue, so the catalogue's limit applies once it says it is one.
	const json = readJsonBytes(bytes, MAX_PACK_FILE_BYTES, 'file');
	if (!json.ok) return json;
	const format = claimedFormat(json.value);
	if (format === 'catalogue') {
		if (bytes.byteLength > MAX_CATALOGUE_BYTES) {
			return fail([
				{
					path: 'file',
					message: `This catalogue is larger than ${MAX_CATALOGUE_BYTES / 1024 / 1024} MB, more than a catalogue may be.`
				}
			]);
		}
		const catalogue = parseCatalogue(json.value);
		return catalogue.ok ? ok({ kind: 'catalogue', catalogue: catalogue.value }) : catalogue;
	}
	if (format === 'pack') {
		const pack = parsePackFile(bytes);
		if (!pack.ok) return pack;
		const file = new URL(url).pathname.split('/').pop() || 'pack.json';
		return ok({ kind: 'pack', pack: pack.value, entry: await entryOf(pack.value, bytes, file) });
	}
	return fail([
		{
			path: 'format',
			message: 'This is neither a Deckhand catalogue nor a Deckhand pack ("format" says neither).'
		}
	]);
}

/** The entries of a source that are newer than the installed packs that came from it. */
export function updatesOf(
	sub: Subscription,
	installed: ReadonlyMap<string, number>,
	sources: ReadonlyMap<string, string>
): CatalogueEntry[] {
	return sub.packs.filter((e) => {
		const version = installed.get(e.id);
		return version !== undefined && sources.get(e.id) === sub.url && e.version > version;
	});
}

/** The packs a catalogue offers that are not installed. */
export function notInstalled(sub: Subscription, installed: ReadonlyMap<string, number>): CatalogueEntry[] {
	return sub.packs.filter((e) => !installed.has(e.id));
}

const issue = (message: string): Issue[] => [{ path: 'file', message }];

/**
 * Downloads the pack file a catalogue entry names, refuses it unless its size and SHA-256 are the ones
 * the catalogue gives, then parses it and checks it is the pack and version the catalogue says.
 */
export async function downloadPack(
	catalogueUrl: string,
	entry: CatalogueEntry,
	fetchFn: FetchFn
): Promise<Result<{ pack: Pack; bytes: Uint8Array }>> {
	const address = fileAddress(catalogueUrl, entry.file);
	if (new URL(address).origin !== new URL(catalogueUrl).origin) {
		return fail(
			issue(
				`The catalogue names a file on another site (${address}); Deckhand only reads files beside the catalogue.`
			)
		);
	}
	const got = await fetchSource(address, { fetch: fetchFn, limit: MAX_PACK_FILE_BYTES, what: 'pack' });
	if (!got.ok) return got;
	if (got.value.status !== 'body') return fail(issue(`${new URL(address).host} sent no pack file.`));
	const { bytes } = got.value;
	const digest = await sha256Hex(bytes);
	if (digest !== entry.sha256 || bytes.byteLength !== entry.size) {
		return fail(
			issue(
				`The file of "${entry.title}" does not match the catalogue's SHA-256 fingerprint: it was changed or damaged after the catalogue was published. Nothing was installed; ask the team lead to publish again.`
			)
		);
	}
	const pack = parsePackFile(bytes);
	if (!pack.ok) return pack;
	if (pack.value.id !== entry.id || pack.value.version !== entry.version) {
		return fail(
			issue(
				`The catalogue lists "${entry.id}" version ${entry.version}, but its file holds "${pack.value.id}" version ${pack.value.version}. Nothing was installed.`
			)
		);
	}
	return ok({ pack: pack.value, bytes });
}

/** What asking a source changed about its subscription. */
export type CheckRecord = Pick<Subscription, 'checkedAt' | 'error'> &
	Partial<Pick<Subscription, 'etag' | 'digest' | 'packs' | 'title' | 'kind'>>;

export interface Answer {
	record: CheckRecord;
	/** A pack source's pack, when its body was read this time. */
	pack?: Pack;
}

/**
 * Asks a source once for what it offers now. A failure is recorded and changes nothing else; an
 * unchanged answer (304, or the same bytes as last time) is not read again.
 */
export async function askSource(
	sub: Subscription,
	fetchFn: FetchFn,
	now: number,
	sendEtag: boolean
): Promise<Answer> {
	const limit = sub.kind === 'catalogue' ? MAX_CATALOGUE_BYTES : MAX_PACK_FILE_BYTES;
	const got = await fetchSource(sub.url, {
		fetch: fetchFn,
		limit,
		what: sub.kind,
		etag: sendEtag ? sub.etag : null
	});
	if (!got.ok) return { record: { checkedAt: now, error: got.errors.map((e) => e.message).join(' ') } };
	if (got.value.status === 'unchanged') return { record: { checkedAt: now, error: null } };
	const { bytes, etag } = got.value;
	const digest = await sha256Hex(bytes);
	if (digest === sub.digest && sub.kind === 'catalogue') {
		return { record: { checkedAt: now, error: null, etag } };
	}
	const content = await readSource(bytes, sub.url);
	if (!content.ok) {
		const first = content.errors[0];
		const where = first?.path && first.path !== 'file' ? `${first.path}: ` : '';
		return {
			record: {
				checkedAt: now,
				error: `What ${new URL(sub.url).host} sends now cannot be used, so nothing was updated (${where}${first?.message ?? 'unreadable'}).`
			}
		};
	}
	const c = content.value;
	return c.kind === 'catalogue'
		? {
				record: {
					checkedAt: now,
					error: null,
					etag,
					digest,
					kind: 'catalogue',
					title: c.catalogue.title,
					packs: c.catalogue.packs
				}
			}
		: {
				record: {
					checkedAt: now,
					error: null,
					etag,
					digest,
					kind: 'pack',
					title: c.pack.title,
					packs: [c.entry]
				},
				pack: c.pack
			};
}
