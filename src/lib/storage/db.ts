import { Dexie, type Table } from 'dexie';
import type { Card, CardId, Pack, PackId, SectionId } from '../core/pack/types';
import type { CardState, ReviewLog } from '../core/scheduler/types';
import type { HourBlock } from '../core/stats/tally';
import type { PackSource, Subscription } from '../core/catalogue/types';
import type { ExamRecord } from '../core/exam/types';
import { applySchema } from './schema';

/** A pack as stored: everything but its cards, which are one record of their own (PackCardsRecord). */
export interface PackRecord extends Omit<Pack, 'cards'> {
	installedAt: number;
	builtIn: boolean;
}

/**
 * An installed pack's cards, whole: one record per pack (schema version 8), its cards as the pack file
 * has them, in pack order. Cards are kept as opaque records: every field a card carries is stored.
 */
export interface PackCardsRecord {
	packId: PackId;
	version: number;
	cards: Card[];
}

/** A card with its pack and its place in the pack (its index in PackCardsRecord.cards). */
export type CardRecord = Card & { packId: PackId; order: number };

/**
 * A card's state as stored, only once the card has been reviewed (a new card has none). Its section is
 * copied in; `order` sorts it within its section.
 */
export type StateRecord = CardState & { sectionId: SectionId | ''; order: number };

/** A card a pack update removed: kept with its scheduling state so a later version can restore it. */
export type RetiredRecord = CardRecord & { retiredAt: number; state: StateRecord | null };

export interface SettingRecord {
	key: string;
	value: unknown;
	/** When the learner last changed it (sync keeps the newest); absent on records older than sync. */
	updatedAt?: number;
}

/** A study session in progress, kept so a reload or a killed tab resumes it (and its Undo). */
export interface SessionRecord {
	/** The session's scope as a key (see `scopeKey`). */
	id: string;
	startedAt: number;
	/** The start of the study day the session belongs to; a session from an earlier day is stale. */
	dayStart: number;
	/** Review logs written by this session, oldest first. */
	logIds: number[];
}

/** The schedule of every card in one section, packed (see summary.ts). Arrays are in document order. */
export interface SectionSummary {
	packId: PackId;
	sectionId: SectionId | '';
	ids: CardId[];
	/** 0 new, 1 learning, 2 review, 3 relearning. */
	state: Uint8Array;
	due: Float64Array;
	stability: Float64Array;
	/** NaN for a card never reviewed. */
	lastReview: Float64Array;
}

export const DB_NAME = 'deckhand';

export class DeckhandDb extends Dexie {
	packs!: Table<PackRecord, string>;
	packCards!: Table<PackCardsRecord, string>;
	states!: Table<StateRecord, [string, string]>;
	logs!: Table<ReviewLog, number>;
	settings!: Table<SettingRecord, string>;
	sessions!: Table<SessionRecord, string>;
	summaries!: Table<SectionSummary, [string, string]>;
	exams!: Table<ExamRecord, number>;
	/** Review counts per pack and hour, kept with every log write (see storage/stats.ts). */
	reviewBlocks!: Table<HourBlock, [string, number]>;
	retired!: Table<RetiredRecord, [string, string]>;
	/** Sources the learner subscribed to (see storage/subscriptions.ts). */
	subscriptions!: Table<Subscription, string>;
	/** Where each installed pack came from, by pack id. */
	packSources!: Table<PackSource, string>;

	constructor(name = DB_NAME, upTo = Infinity) {
		super(name);
		applySchema(this, upTo);
	}
}

let shared: DeckhandDb | null = null;

/** The app's one database connection. */
export function getDb(): DeckhandDb {
	shared ??= new DeckhandDb();
	return shared;
}
