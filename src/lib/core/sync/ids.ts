/**
 * Stable ids for what sync shares. A review log's id comes from what it records (pack, card, time,
 * grade), so the same review gets the same id on every device, however it got there: graded, pulled,
 * restored from a backup made before sync existed. Kept apart from the rest of core/sync because the
 * study route stamps every new log with it.
 */
import { stableHash } from '../hash';
import type { ReviewLog } from '../scheduler/types';

type LogKey = Pick<ReviewLog, 'packId' | 'cardId' | 'reviewedAt' | 'rating'>;

/** The stable id of a review: 33 base-36 characters from three seeded 53-bit hashes of its record. */
export function logUid(log: LogKey): string {
	const key = `${log.packId}\u0000${log.cardId}\u0000${log.reviewedAt}\u0000${log.rating}`;
	return stableHash(key, 1) + stableHash(key, 2) + stableHash(key, 3);
}

/**
 * Stamps logs that have no stable id yet (old backups, databases from before version 10), and gives a
 * fresh one to a log whose id an earlier log of the list already has (a hand-edited backup). Two records
 * of the same review on one device (same card, millisecond and grade) stay two reviews: the second gets
 * its place among the twins appended, so nothing is lost to the unique index.
 */
export function withLogUids<T extends LogKey & { uid?: string }>(logs: readonly T[]): T[] {
	const given = new Set<string>();
	for (const l of logs) if (l.uid) given.add(l.uid);
	const used = new Set<string>();
	return logs.map((l) => {
		if (l.uid && !used.has(l.uid)) {
			used.add(l.uid);
			return l;
		}
		const base = logUid(l);
		let uid = base;
		for (let n = 2; used.has(uid) || (given.has(uid) && uid !== l.uid); n++) uid = `${base}-${n}`;
		used.add(uid);
		return { ...l, uid };
	});
}
