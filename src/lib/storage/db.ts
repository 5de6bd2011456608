import { Dexie, type Table } from 'dexie';
import type { Card, Pack, PackId } from '../core/pack/types';
import type { CardState, ReviewLog } from '../core/scheduler/types';
import { applySchema } from './schema';

/** A pack as stored: everything but its cards, which live in their own table. */
export interface PackRecord extends Omit<Pack, 'cards'> {
	installedAt: number;
	builtIn: boolean;
}

/** A card as stored, with its pack and its place in the pack. */
export type CardRecord = Card & { packId: PackId; order: number };

/** A card a pack update removed: kept with its scheduling state so a later version can restore it. */
export type RetiredRecord = CardRecord & { retiredAt: number; state: CardState | null };

export interface SettingRecord {
	key: string;
	value: unknown;
}

export const DB_NAME = 'deckhand';

export class DeckhandDb extends Dexie {
	packs!: Table<PackRecord, string>;
	cards!: Table<CardRecord, [string, string]>;
	states!: Table<CardState, [string, string]>;
	logs!: Table<ReviewLog, number>;
	settings!: Table<SettingRecord, string>;
	retired!: Table<RetiredRecord, [string, string]>;

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
