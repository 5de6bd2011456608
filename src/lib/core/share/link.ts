/**
 * Share links: a small pack compressed into the URL fragment (`/import#pack=1.<base64url>`). The
 * fragment never reaches a server, so the pack goes from one phone to another without any host.
 *
 * Limit: 32 KB of fragment. Chromium and Firefox accept far longer URLs, but chat apps, QR scanners and
 * Safari's share sheet get unreliable past a few tens of kilobytes; 32 KB holds a few hundred cards.
 */
import { fail, ok, type Issue, type Result } from '../result';
import type { Pack, PackEnvelope } from '../pack/types';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from '../pack/types';
import { fromBase64Url, toBase64Url } from './base64url';
import { deflateRaw, inflateRaw } from './deflate';

/** The most characters a share link's fragment may carry. */
export const SHARE_FRAGMENT_LIMIT = 32 * 1024;
/** The most bytes a share link may inflate to (the same cap as a pack file). */
export const SHARE_INFLATED_LIMIT = 20 * 1024 * 1024;
/** Bumped if the link encoding ever changes, so old links still decode. */
export const SHARE_LINK_VERSION = '1';
const KEY = 'pack';

const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;

/** Wraps a pack in the versioned envelope that files and links carry. */
export function envelopeOf(pack: Pack): PackEnvelope {
	return { format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, pack };
}

/** The fragment (without '#') that carries a pack, however long it turns out. */
export async function encodeShareFragment(pack: Pack): Promise<string> {
	const json = JSON.stringify(envelopeOf(pack));
	const packed = await deflateRaw(new TextEncoder().encode(json));
	return `${KEY}=${SHARE_LINK_VERSION}.${toBase64Url(packed)}`;
}

/** The first `count` cards of a pack, with only the sections they use. */
function firstCards(pack: Pack, count: number): Pack {
	const cards = pack.cards.slice(0, count);
	const used = new Set(cards.map((c) => c.sectionId));
	return { ...pack, cards, sections: pack.sections.filter((s) => used.has(s.id)) };
}

export interface ShareLink {
	url: string;
	/** Characters in the fragment, against SHARE_FRAGMENT_LIMIT. */
	fragmentLength: number;
}

/**
 * A share link for a pack at `base` (e.g. "https://example.org/import"), or a plain error that says how
 * many cards and sections to cut when the pack is too large for a link.
 */
export async function createShareLink(pack: Pack, base: string): Promise<Result<ShareLink>> {
	const fragment = await encodeShareFragment(pack);
	if (fragment.length <= SHARE_FRAGMENT_LIMIT) {
		return ok({ url: `${base}#${fragment}`, fragmentLength: fragment.length });
	}
	// Compressed size grows about linearly with the cards, so start from the proportional estimate
	// and step down until the cut pack fits.
	let keep = Math.floor((pack.cards.length * SHARE_FRAGMENT_LIMIT) / fragment.length);
	for (let i = 0; i < 8 && keep > 0; i++) {
		const cut = await encodeShareFragment(firstCards(pack, keep));
		if (cut.length <= SHARE_FRAGMENT_LIMIT) break;
		keep = Math.floor(keep * 0.9);
	}
	const kept = firstCards(pack, keep);
	const cutCards = pack.cards.length - keep;
	const cutSections = pack.sections.length - kept.sections.length;
	const advice =
		keep > 0
			? ` Cut about ${cutCards} of its ${pack.cards.length} cards` +
				(cutSections > 0 ? ` (${cutSections} of its ${pack.sections.length} sections)` : '') +
				', or share it as a file.'
			: ' Share it as a file instead.';
	return fail([
		{
			path: 'link',
			message: `This pack is too large for a link: it needs ${kb(fragment.length)} and a link carries at most ${kb(SHARE_FRAGMENT_LIMIT)}.${advice}`
		}
	]);
}

const issue = (message: string): Result<never> => fail<Issue[]>([{ path: 'link', message }]);

/**
 * The pack JSON text a share link's fragment carries (with or without the leading '#'). Never throws:
 * anything hostile or damaged comes back as a plain error. The text still goes through parsePackFile.
 */
export async function decodeShareFragment(hash: string): Promise<Result<string>> {
	const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
	if (fragment.length > SHARE_FRAGMENT_LIMIT + KEY.length + 16) {
		return issue(`This link is longer than a share link can be (${kb(SHARE_FRAGMENT_LIMIT)}).`);
	}
	let value: string | null = null;
	for (const part of fragment.split('&')) {
		if (part.startsWith(`${KEY}=`)) value = part.slice(KEY.length + 1);
	}
	if (value === null || value === '') return issue('This link does not carry a pack.');
	const dot = value.indexOf('.');
	const version = dot === -1 ? '' : value.slice(0, dot);
	if (version !== SHARE_LINK_VERSION) {
		return issue('This link was made by a different version of Deckhand and cannot be read here.');
	}
	const bytes = fromBase64Url(value.slice(dot + 1));
	if (!bytes || bytes.length === 0) {
		return issue('This link is damaged: part of it may have been cut off when it was copied.');
	}
	const inflated = await inflateRaw(bytes, SHARE_INFLATED_LIMIT);
	if (!inflated.ok) {
		return issue(
			inflated.reason === 'too-large'
				? 'This link unpacks to more than 20 MB, more than a pack may be.'
				: 'This link is damaged: part of it may have been cut off when it was copied.'
		);
	}
	try {
		return ok(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
	} catch {
		return issue('This link is damaged: it does not unpack to text.');
	}
}
