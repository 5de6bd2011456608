/** The status line of Settings → Sync, in plain words. */
export interface SyncLine {
	lastSyncedAt: number | null;
	error: string | null;
	running: boolean;
	offline: boolean;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
	['day', 86_400_000],
	['hour', 3_600_000],
	['minute', 60_000]
];

/** "just now", "2 minutes ago", "yesterday": how long ago `then` was at `now`. */
export function timeAgo(then: number, now: number): string {
	const ms = Math.max(0, now - then);
	const fmt = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
	for (const [unit, size] of UNITS) if (ms >= size) return fmt.format(-Math.floor(ms / size), unit);
	return 'just now';
}

/** The sentence the status line shows. */
export function describeSync(s: SyncLine, now: number): string {
	if (s.running) return 'Syncing…';
	if (s.offline) return 'Offline: sync waits until you are back online.';
	if (s.error) return s.error;
	if (s.lastSyncedAt === null) return 'Not synced yet.';
	return `Last synced ${timeAgo(s.lastSyncedAt, now)}.`;
}
