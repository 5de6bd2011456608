import { describe, expect, it, vi } from 'vitest';
import { Scheduler } from '$lib/core/scheduler';
import { DeckhandDb } from '$lib/storage/db';
import { installPack } from '../../fixtures/install';
import { exportBackup, parseBackupText, restoreBackup } from '$lib/storage/backup';
import { buildQueue, recordGrade } from '$lib/storage/study';
import { saveSettings } from '$lib/storage/settings';
import { DEFAULT_SETTINGS } from '$lib/core/scheduler';
import { everyKindPack } from '../../fixtures/packs';

const now = Date.UTC(2026, 0, 1, 9);
const scheduler = new Scheduler({ enableFuzz: false });
const win = { now, dayStart: now - 3_600_000, dayEnd: now + 3_600_000 };

async function seeded(): Promise<DeckhandDb> {
	const db = new DeckhandDb(`backup-${Math.random()}`);
	await installPack(db, everyKindPack(), now);
	const q = await buildQueue(db, {}, win, { newPerDay: 5, reviewsPerDay: 10 }, scheduler);
	for (const [i, it] of q.entries()) {
		const out = scheduler.grade(it.state, i % 2 ? 'good' : 'again', now + i);
		await recordGrade(db, out.state, out.log);
	}
	await saveSettings(db, { ...DEFAULT_SETTINGS, desiredRetention: 0.85, theme: 'dark' });
	return db;
}

describe('backup and restore', () => {
	it('restores a backup on a fresh database exactly', async () => {
		const source = await seeded();
		const backup = await exportBackup(source, now);
		const text = JSON.stringify(backup);
		const parsed = parseBackupText(text);
		expect(parsed.ok).toBe(true);
		const fresh = new DeckhandDb(`fresh-${Math.random()}`);
		if (!parsed.ok) return;
		expect((await restoreBackup(fresh, parsed.value)).ok).toBe(true);
		const again = await exportBackup(fresh, now);
		expect(again).toEqual(backup);
		expect(again.logs.length).toBe(5);
	});

	it('rejects a file that is not a backup with a plain message, changing nothing', async () => {
		expect(parseBackupText('not json')).toMatchObject({ ok: false, errors: [{ path: '(file)' }] });
		expect(parseBackupText('{"format":"x"}')).toMatchObject({
			ok: false,
			errors: [{ message: 'This file is not a Deckhand backup.' }]
		});
		const source = await seeded();
		const backup = await exportBackup(source, now);
		const broken = JSON.parse(JSON.stringify(backup));
		broken.states[0].reps = 'many';
		const r = parseBackupText(JSON.stringify(broken));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]!.path).toBe('states.0.reps');
	});

	it('a restore that fails half-way (full disk) leaves the old data untouched', async () => {
		const target = await seeded();
		const before = await exportBackup(target, now);
		const other = await exportBackup(await seeded(), now);
		other.logs = other.logs.map((l) => ({ ...l, rating: 'easy' as const }));
		vi.spyOn(target.logs, 'bulkAdd').mockImplementation(() => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		const r = await restoreBackup(target, other);
		vi.restoreAllMocks();
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]!.message).toMatch(/out of storage space/);
		expect(await exportBackup(target, now)).toEqual(before);
	});
});
