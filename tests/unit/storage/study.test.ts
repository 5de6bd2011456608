import { beforeEach, describe, expect, it } from 'vitest';
import { generateFlashcardPack } from '$lib/core/generate/flashcards';
import { Scheduler } from '$lib/core/scheduler';
import { DeckhandDb } from '$lib/storage/db';
import { installPack } from '$lib/storage/packs';
import { countStudy, getState, loadQueue, recordGrade } from '$lib/storage/study';

const now = Date.UTC(2026, 0, 1, 9);
const pack = generateFlashcardPack('## S\n\n- **A**: a\n- **B**: b\n- **C**: c\n', {
	id: 'p',
	title: 'P',
	version: 1,
	createdAt: '2026-01-01T00:00:00.000Z'
});
let db: DeckhandDb;
const scheduler = new Scheduler({ enableFuzz: false });

beforeEach(async () => {
	db = new DeckhandDb(`test-${Math.random()}`);
	await installPack(db, pack, scheduler, now);
});

describe('study storage', () => {
	it('installs a pack with every card new', async () => {
		expect(await countStudy(db, now)).toEqual({ due: 0, new: 3 });
		const queue = await loadQueue(db, now, 10);
		expect(queue.map((q) => q.card.kind === 'flashcard' && q.card.front)).toEqual(['A', 'B', 'C']);
	});

	it('records a grade as a state and a log together, and reinstalling keeps it', async () => {
		const [first] = await loadQueue(db, now, 1);
		const out = scheduler.grade(first!.state, 'again', now);
		await recordGrade(db, out.state, out.log);
		expect(await db.logs.count()).toBe(1);
		await installPack(db, pack, scheduler, now + 1000);
		const kept = await getState(db, pack.id, first!.card.id);
		expect(kept).toEqual(out.state);
		const later = now + 60 * 60 * 1000;
		expect(await countStudy(db, later)).toEqual({ due: 1, new: 2 });
	});

	it('writes nothing when the log cannot be written', async () => {
		const [first] = await loadQueue(db, now, 1);
		const out = scheduler.grade(first!.state, 'good', now);
		const badLog = { ...out.log, id: 1 };
		await db.logs.add({ ...out.log, id: 1 });
		await expect(recordGrade(db, out.state, badLog)).rejects.toThrow();
		expect((await getState(db, pack.id, first!.card.id))!.state).toBe('new');
	});
});
