import { describe, expect, it } from 'vitest';
import { DCA_DOMAINS } from '$lib/core/pack/domains';
import { examConfig, reduceExam, scoreExam, startExam } from '$lib/core/exam';
import { Scheduler } from '$lib/core/scheduler';
import { newCardState } from '$lib/core/scheduler/new-state';
import { DeckhandDb } from '$lib/storage/db';
import { getExam, listExams, loadExamCandidates, saveExam } from '$lib/storage/exams';
import { installPack } from '../../fixtures/install';
import { SCHEMA_VERSIONS } from '$lib/storage/schema';
import { loadStatsData } from '$lib/storage/stats';
import { talliesFromBlocks } from '$lib/core/stats';
import { recordGrade } from '$lib/storage/study';
import { examFixturePack } from '../../fixtures/exam-pack';

const now = Date.UTC(2026, 10, 28, 9);
const scheduler = new Scheduler({ enableFuzz: false });
const pack = examFixturePack();

describe('schema version 4 (exam history and review counts per hour)', () => {
	it('opens a version-3 database with data and loses nothing', async () => {
		const name = `upgrade-${Math.random()}`;
		const old = new DeckhandDb(name, 3);
		// The pack as version 3 stored it, written by hand: today's import code needs later tables.
		const { cards, ...meta } = pack;
		await old.packs.put({ ...meta, installedAt: now, builtIn: false });
		await old.cards.bulkPut(cards.map((c, order) => ({ ...c, packId: pack.id, order })));
		await old.states.bulkPut(
			cards.map((c, order) => ({ ...newCardState(c.id, pack.id, now), sectionId: c.sectionId, order }))
		);
		const first = (await old.states.toArray())[0]!;
		const out = scheduler.grade(first, 'good', now);
		// Written as version 3 wrote a grade (no per-hour counts yet).
		await old.states.put({ ...out.state, sectionId: first.sectionId, order: first.order });
		await old.logs.add(out.log);
		await old.settings.put({ key: 'theme', value: 'dark' });
		const before = {
			packs: await old.packs.toArray(),
			cards: await old.cards.toArray(),
			states: await old.states.toArray(),
			logs: await old.logs.toArray(),
			settings: await old.settings.toArray(),
			summaries: await old.summaries.toArray()
		};
		expect(old.verno).toBe(3);
		old.close();

		const db = new DeckhandDb(name);
		await db.open();
		expect(db.verno).toBe(Math.max(...SCHEMA_VERSIONS.map((v) => v.version)));
		expect(await db.packs.toArray()).toEqual(before.packs);
		expect(await db.cards.toArray()).toEqual(before.cards);
		expect(await db.states.toArray()).toEqual(before.states);
		// Version 10 gives every log its stable id for sync; nothing else about a log changes.
		expect((await db.logs.toArray()).map((l) => ({ ...l, uid: undefined }))).toEqual(before.logs);
		expect(await db.settings.toArray()).toEqual(before.settings);
		expect(await db.summaries.toArray()).toEqual(before.summaries);
		expect(await db.exams.count()).toBe(0);
		// The grade's log is counted in the per-hour review counts (built by version 6's upgrade).
		expect(talliesFromBlocks(await db.reviewBlocks.toArray())).toEqual([
			{ hour: now / 3_600_000, reviews: 1, reviewState: 0, passed: 0 }
		]);
		db.close();
	});
});

describe('exam storage', () => {
	it('loads the multiple-choice and DOMC cards with their section domains', async () => {
		const db = new DeckhandDb(`exams-${Math.random()}`);
		await installPack(db, pack, now);
		const candidates = await loadExamCandidates(db);
		expect(candidates).toHaveLength(24);
		const c = candidates.find((x) => x.card.id === 's1-m1')!;
		expect([c.packId, c.sectionTitle, c.domain, c.card.kind]).toEqual([
			pack.id,
			'Swarm services',
			'orchestration',
			'mcq'
		]);
		expect(candidates.find((x) => x.card.id === 's6-d1')!.domain).toBeNull();
	});

	it('keeps finished exams in a history, newest first', async () => {
		const db = new DeckhandDb(`exams-${Math.random()}`);
		await installPack(db, pack, now);
		const candidates = await loadExamCandidates(db);
		const ids: number[] = [];
		for (const at of [now, now + 60_000]) {
			const s = reduceExam(startExam(candidates, DCA_DOMAINS, examConfig({ length: 10 }), 1, at), {
				type: 'submit',
				now: at + 1
			});
			ids.push(await saveExam(db, scoreExam(s, DCA_DOMAINS)));
		}
		const history = await listExams(db);
		expect(history.map((h) => h.id)).toEqual([ids[1], ids[0]]);
		const one = await getExam(db, ids[0]!);
		expect([one!.total, one!.correct, one!.missed.length, one!.passed]).toEqual([10, 0, 10, false]);
	});
});

describe('statistics storage', () => {
	it('reads sections with their domains, card links, states, hour tallies and recent logs', async () => {
		const db = new DeckhandDb(`stats-${Math.random()}`);
		await installPack(db, pack, now);
		const first = (await db.states.toArray())[0]!;
		const out = scheduler.grade(first, 'good', now);
		await recordGrade(db, out.state, out.log);
		const data = await loadStatsData(db, now - 1000);
		expect(data.sections.map((s) => s.domain ?? null)).toEqual([
			'orchestration',
			'images',
			'networking',
			'security',
			'storage',
			null
		]);
		expect(data.cards).toHaveLength(24);
		expect(data.cards[0]).toEqual({ packId: pack.id, id: expect.any(String), sectionId: expect.any(String) });
		expect([data.states.length, data.recentLogs.length]).toEqual([24, 1]);
		expect(data.tallies).toEqual([{ hour: now / 3_600_000, reviews: 1, reviewState: 0, passed: 0 }]);
		expect((await loadStatsData(db, now)).recentLogs).toHaveLength(0);
	});
});
