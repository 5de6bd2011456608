/**
 * The state of a card nobody has studied yet, without the FSRS library. It is the plain record ts-fsrs's
 * `createEmptyCard(now)` gives, mapped to our CardState (a unit test holds the two equal), so installing
 * a pack or resetting progress needs no ts-fsrs: the home page installs the built-in pack on a first
 * visit and keeps the library out of its JavaScript. Import it from this file, not from `./index`.
 */
import type { CardId, PackId } from '../pack/types';
import type { CardState } from './types';

export function newCardState(cardId: CardId, packId: PackId, now: number): CardState {
	return {
		cardId,
		packId,
		state: 'new',
		due: now,
		stability: 0,
		difficulty: 0,
		scheduledDays: 0,
		learningSteps: 0,
		reps: 0,
		lapses: 0,
		lastReview: null
	};
}

/** What creating new cards needs of a scheduler; a full `Scheduler` is one too. */
export interface NewStates {
	newState(cardId: CardId, packId: PackId, now: number): CardState;
}

/** New-card states without loading the scheduler. */
export const NEW_STATES: NewStates = { newState: newCardState };
