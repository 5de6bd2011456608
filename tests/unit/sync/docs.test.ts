import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Scheduler, type ReviewLog } from '$lib/core/scheduler';
import {
	deletedLogDoc,
	describeSync,
	examDoc,
	firstRev,
	logDoc,
	logUid,
	parseDoc,
	parseServerUrl,
	replayCard,
	settingsDoc,
	subscriptionDoc,
	timeAgo
} from '$lib/core/sync';
import type { CardId, PackId } from '$lib/core/pack/types';

const T0 = Date.UTC(2026, 0, 1, 9);
const scheduler = new Scheduler();

function graded(
	ratings: ReviewLog['rating'][],
	gaps: number[]
): { logs: ReviewLog[]; final: ReturnType<Scheduler['newState']> } {
	let s = scheduler.newState('c' as CardId, 'p' as PackId, T0 - 86_400_000);
	let t = T0;
	const logs: ReviewLog[] = [];
	ratings.forEach((r, i) => {
		t += gaps[i] ?? 0;
		const out = scheduler.grade(s, r, t);
		logs.push({ ...out.log, uid: logUid(out.log) });
		s = out.state;
	});
	return { logs, final: s };
}

describe('sync documents', () => {
	it('a review log round-trips through its document with a revision fixed by its id', () => {
		const { logs } = graded(['good'], [0]);
		const doc = logDoc({ ...logs[0]!, id: 7, uid: logs[0]!.uid! });
		expect(doc._id).toBe(`log:${logs[0]!.uid}`);
		expect(doc._rev).toBe(firstRev(doc._id));
		expect(doc._rev).toMatch(/^1-[0-9a-f]{32}$/);
		expect(JSON.stringify(doc)).not.toContain('"id":7');
		const back = parseDoc(JSON.parse(JSON.stringify(doc)));
		expect(back).toEqual({ kind: 'log', log: { ...logs[0], id: undefined } });
	});

	it('a review log document is compact: its fields in one array, about half the bytes of named fields', () => {
		const { logs } = graded(['good', 'again'], [0, 60_000]);
		const log = { ...logs[1]!, uid: logs[1]!.uid!, durationMs: 4200 };
		const doc = logDoc(log);
		expect(Object.keys(doc)).toEqual(['_id', '_rev', 'l']);
		const named = JSON.stringify({ ...doc, l: undefined, log: { ...log, uid: undefined } });
		expect(JSON.stringify(doc).length).toBeLessThan(named.length * 0.6);
		expect(parseDoc(JSON.parse(JSON.stringify(doc)))).toEqual({ kind: 'log', log });
		// The object form the first sync release wrote is still read.
		const { uid: _uid, ...rest } = log;
		expect(parseDoc({ _id: doc._id, _rev: doc._rev, log: rest })).toEqual({ kind: 'log', log });
		expect(parseDoc({ _id: doc._id, l: (doc.l as unknown[]).slice(1) })).toBeNull();
	});

	it('a subscription snapshot round-trips; its id names the source and the time of the change', () => {
		const sub = {
			url: 'https://packs.example.org/index.json',
			kind: 'catalogue' as const,
			title: 'Team packs',
			subscribed: true,
			packs: ['a', 'b'],
			changedAt: 42
		};
		const doc = subscriptionDoc(sub);
		expect(doc._id).toMatch(/^sub:[0-9a-f]{32}:42$/);
		expect(subscriptionDoc({ ...sub, subscribed: false, packs: [] })._id).toBe(doc._id);
		expect(subscriptionDoc({ ...sub, changedAt: 43 })._id).not.toBe(doc._id);
		expect(parseDoc(JSON.parse(JSON.stringify(doc)))).toEqual({ kind: 'subscription', subscription: sub });
		expect(parseDoc({ ...doc, sub: { ...sub, kind: 'feed' } })).toBeNull();
	});

	it('a deletion is a second revision descending from the first', () => {
		const d = deletedLogDoc('abc');
		expect(d._revisions).toEqual({ start: 2, ids: [d._rev.slice(2), firstRev('log:abc').slice(2)] });
		expect(parseDoc(d)).toEqual({ kind: 'log-deleted', uid: 'abc' });
	});

	it('reads settings and exams, passes unknown documents as other, and rejects malformed ones of ours', () => {
		expect(parseDoc(settingsDoc({ newPerDay: 3 }, 42))).toEqual({
			kind: 'settings',
			value: { newPerDay: 3 },
			updatedAt: 42
		});
		const exam = {
			startedAt: 1,
			finishedAt: 2,
			endedBy: 'submitted' as const,
			config: { length: 1, timeLimitMs: 60_000, passMark: 0.7, countAsReviews: false },
			seed: 9,
			correct: 1,
			total: 1,
			score: 100,
			passed: true,
			byDomain: [],
			missed: []
		};
		expect(examDoc({ ...exam, id: 3 })._id).toBe('exam:1-9');
		expect(parseDoc(examDoc({ ...exam, id: 3 }))).toMatchObject({ kind: 'exam', exam: { seed: 9 } });
		expect(parseDoc({ _id: 'deck:x', _rev: '1-a' })).toEqual({ kind: 'other', id: 'deck:x' });
		expect(parseDoc({ _id: 'sub:x', _rev: '1-a' })).toBeNull();
		expect(parseDoc({ _id: 'log:x', log: { cardId: 'c' } })).toBeNull();
		expect(parseDoc({ _id: 'settings:study:x' })).toBeNull();
		expect(parseDoc('nonsense')).toBeNull();
	});

	it('reads any input without throwing: a known kind or null (property)', () => {
		const kinds = [null, 'log', 'log-deleted', 'settings', 'exam', 'subscription', 'other'];
		fc.assert(
			fc.property(
				fc.anything(),
				fc.constantFrom('log:u', 'settings:study:1', 'exam:1-2', 'sub:h:1', 'x'),
				(x, id) => {
					expect(kinds).toContain(parseDoc(x)?.kind ?? null);
					expect(kinds).toContain(parseDoc({ _id: id, log: x, exam: x, updatedAt: x, sub: x })?.kind ?? null);
					expect(kinds).toContain(parseDoc({ _id: id, l: x })?.kind ?? null);
				}
			)
		);
	});
});

describe('replay', () => {
	it('gives the state the grades gave, in any order the logs arrive (golden, fuzz on)', () => {
		const { logs, final } = graded(
			['good', 'good', 'again', 'good', 'easy'],
			[0, 600_000, 3 * 86_400_000, 600_000, 9 * 86_400_000]
		);
		const replayed = replayCard(
			scheduler,
			{ cardId: 'c' as CardId, packId: 'p' as PackId },
			[...logs].reverse()
		);
		expect(replayed).toEqual(final);
		expect(replayed).toMatchObject({ reps: 5, lapses: 1, state: 'review' });
	});

	it('no logs: no state', () => {
		expect(replayCard(scheduler, { cardId: 'c' as CardId, packId: 'p' as PackId }, [])).toBeNull();
	});
});

describe('server URL and status line', () => {
	it.each([
		['http://127.0.0.1:5984/deckhand', 'http://127.0.0.1:5984/deckhand', 'http://127.0.0.1:5984/'],
		[
			'https://couch.example.org/couch/userdb-6c6561726e6572/',
			'https://couch.example.org/couch/userdb-6c6561726e6572',
			'https://couch.example.org/couch/'
		]
	])('%s is database %s on server %s', (input, db, root) => {
		expect(parseServerUrl(input)).toEqual({ ok: true, value: { db, root } });
	});

	it.each(['', 'couch.example.org', 'ftp://x/db', 'http://127.0.0.1:5984/', 'http://u:p@host/db'])(
		'%s is refused in plain words',
		(input) => {
			const r = parseServerUrl(input);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.errors.message).toMatch(/Server URL should be a CouchDB database address/);
		}
	);

	it('plain http only to this computer: the password travels encrypted', () => {
		const r = parseServerUrl('http://couch.example.org/deckhand');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors.message).toMatch(/must start with https:\/\//);
		expect(parseServerUrl('http://localhost:5984/deckhand').ok).toBe(true);
	});

	it('says when it last synced, or what went wrong', () => {
		const line = { lastSyncedAt: T0, error: null, running: false, offline: false };
		expect(describeSync(line, T0 + 2 * 60_000)).toBe('Last synced 2 minutes ago.');
		expect(describeSync(line, T0 + 5_000)).toBe('Last synced just now.');
		expect(describeSync({ ...line, lastSyncedAt: null }, T0)).toBe('Not synced yet.');
		expect(describeSync({ ...line, error: 'Wrong user name or password.' }, T0)).toBe(
			'Wrong user name or password.'
		);
		expect(describeSync({ ...line, offline: true }, T0)).toMatch(/^Offline/);
		expect(timeAgo(T0, T0 + 26 * 3_600_000)).toBe('yesterday');
	});
});
