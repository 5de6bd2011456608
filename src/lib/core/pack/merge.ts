/**
 * Updating an installed pack: which cards keep their progress, which are new, which retire. Cards are
 * matched by their stable id only, so an update can never duplicate a card.
 */
import type { Card, CardId, CardKind, Pack } from './types';

/** What the device already holds of a pack. */
export interface InstalledPack {
	version: number;
	/** Cards in study. */
	cards: readonly Card[];
	/** Cards retired by an earlier update, kept with their history. */
	retired: readonly Card[];
}

/**
 * install: not on this device. update: a newer version. same: the same version. older: an older
 * version. `same` and `older` ask before replacing.
 */
export type UpdateKind = 'install' | 'update' | 'same' | 'older';

export interface UpdatePlan {
	kind: UpdateKind;
	fromVersion: number | null;
	toVersion: number;
	/** Same id and same content: progress kept. */
	unchanged: CardId[];
	/** Same id, content edited by the author: progress kept, text replaced. */
	changed: CardId[];
	/** New ids: start as new cards. */
	added: CardId[];
	/** Retired earlier and back in this version: progress restored. */
	restored: CardId[];
	/** In study now and missing from this version: retired with their history. */
	retired: CardId[];
	/** True when importing needs the learner's go-ahead first. */
	needsConfirmation: boolean;
	/** True when nothing at all would change. */
	identical: boolean;
}

const STORAGE_FIELDS = new Set(['packId', 'order', 'retiredAt']);

/** A card's content as a canonical string (sorted keys, storage fields left out) for comparing. */
export function cardContentKey(card: Card): string {
	const canon = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(canon);
		if (value && typeof value === 'object') {
			const out: Record<string, unknown> = {};
			for (const key of Object.keys(value).sort()) {
				if (STORAGE_FIELDS.has(key)) continue;
				out[key] = canon((value as Record<string, unknown>)[key]);
			}
			return out;
		}
		return value;
	};
	return JSON.stringify(canon(card));
}

const hasStorageFields = (card: Card) => 'packId' in card || 'order' in card || 'retiredAt' in card;

/** Whether two cards say the same; the fast path skips sorting keys when both were built alike. */
function sameContent(a: Card, b: Card): boolean {
	// Cards as a pack file has them (stored packs keep them so): compared as they are, without copies.
	if (!hasStorageFields(a) && !hasStorageFields(b))
		return JSON.stringify(a) === JSON.stringify(b) || cardContentKey(a) === cardContentKey(b);
	const { packId: _a, order: _b, retiredAt: _c, ...x } = a as Card & Record<string, unknown>;
	const { packId: _d, order: _e, retiredAt: _f, ...y } = b as Card & Record<string, unknown>;
	return JSON.stringify(x) === JSON.stringify(y) || cardContentKey(a) === cardContentKey(b);
}

/** Plans importing `incoming` over what is installed (or a fresh install when nothing is). */
export function planUpdate(installed: InstalledPack | null, incoming: Pack): UpdatePlan {
	const plan: UpdatePlan = {
		kind: 'install',
		fromVersion: installed?.version ?? null,
		toVersion: incoming.version,
		unchanged: [],
		changed: [],
		added: [],
		restored: [],
		retired: [],
		needsConfirmation: false,
		identical: false
	};
	if (!installed) {
		plan.added = incoming.cards.map((c) => c.id);
		return plan;
	}
	plan.kind =
		incoming.version > installed.version
			? 'update'
			: incoming.version === installed.version
				? 'same'
				: 'older';
	plan.needsConfirmation = plan.kind !== 'update';
	const active = new Map(installed.cards.map((c) => [c.id as string, c]));
	const retired = new Set(installed.retired.map((c) => c.id as string));
	const seen = new Set<string>();
	for (const card of incoming.cards) {
		if (seen.has(card.id)) continue;
		seen.add(card.id);
		const old = active.get(card.id);
		if (old) {
			(sameContent(old, card) ? plan.unchanged : plan.changed).push(card.id);
		} else if (retired.has(card.id)) {
			plan.restored.push(card.id);
		} else {
			plan.added.push(card.id);
		}
	}
	plan.retired = installed.cards.filter((c) => !seen.has(c.id)).map((c) => c.id);
	plan.identical =
		plan.kind === 'same' &&
		plan.changed.length + plan.added.length + plan.restored.length + plan.retired.length === 0;
	return plan;
}

export interface PackSummary {
	id: string;
	title: string;
	author: string;
	version: number;
	description: string;
	license: string;
	totalCards: number;
	sections: { title: string; cards: number }[];
	/** Card counts by kind, only the kinds present, most first. */
	byKind: { kind: CardKind; count: number }[];
}

/** What the import preview shows about a pack before anything is written. */
export function summarizePack(pack: Pack): PackSummary {
	const perSection = new Map<string, number>();
	const perKind = new Map<CardKind, number>();
	for (const card of pack.cards) {
		perSection.set(card.sectionId, (perSection.get(card.sectionId) ?? 0) + 1);
		perKind.set(card.kind, (perKind.get(card.kind) ?? 0) + 1);
	}
	return {
		id: pack.id,
		title: pack.title,
		author: pack.author,
		version: pack.version,
		description: pack.description,
		license: pack.license,
		totalCards: pack.cards.length,
		sections: [...pack.sections]
			.sort((a, b) => a.order - b.order)
			.map((s) => ({ title: s.title, cards: perSection.get(s.id) ?? 0 })),
		byKind: [...perKind].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count)
	};
}

const cards = (n: number) => `${n} ${n === 1 ? 'card' : 'cards'}`;

/** The plan in plain sentences, for the preview. */
export function describePlan(plan: UpdatePlan): string[] {
	if (plan.kind === 'install') return [`${cards(plan.added.length)} will be added as new.`];
	if (plan.identical) return [`Version ${plan.toVersion} is already installed with the same cards.`];
	const lines: string[] = [];
	if (plan.kind === 'update') lines.push(`Updates version ${plan.fromVersion} to version ${plan.toVersion}.`);
	if (plan.kind === 'same') lines.push(`Version ${plan.toVersion} is already installed; this replaces it.`);
	if (plan.kind === 'older') {
		lines.push(`This is version ${plan.toVersion}, older than the installed version ${plan.fromVersion}.`);
	}
	if (plan.unchanged.length) lines.push(`${cards(plan.unchanged.length)} unchanged, progress kept.`);
	if (plan.changed.length) lines.push(`${cards(plan.changed.length)} edited, progress kept.`);
	if (plan.added.length) lines.push(`${cards(plan.added.length)} added as new.`);
	if (plan.restored.length) lines.push(`${cards(plan.restored.length)} restored with their progress.`);
	if (plan.retired.length) {
		lines.push(
			`${cards(plan.retired.length)} retired; their history is kept and they come back if restored.`
		);
	}
	return lines;
}
