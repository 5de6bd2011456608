import { describe, expect, it } from 'vitest';
import { DCA_DOMAINS } from '$lib/core/pack/domains';
import { examConfig, reduceExam, scoreExam, startExam } from '$lib/core/exam';
import { Scheduler } from '$lib/core/scheduler';
import { DeckhandDb, type StateRecord } from '$lib/storage/db';
import { countBlocksSlice } from '$lib/storage/review-blocks';
import { getExam, listExams, loadExamCandidates, saveExam } from '$lib/storage/exams';
import { listPackCards } from '$lib/storage/packs';
import { installPack } from '../../fixtures/install';
import { SCHEMA_VERSIONS } from '$lib/storage/schema';
import { loadStatsData } from '$lib/storage/stats';
import { talliesFromBlocks } from '$lib/core/stats';
import { getState, recordGrade } from '$lib/storage/study';
import { summarize } from '$lib/storage/summary';
import { examFixturePack } from '../../fixtures/exam-pack';

const now = Date.UTC(2026, 10, 28, 9);
const scheduler = new Scheduler({ enableFuzz: false });
const pack = examFixturePack();

describe('schema version 4 (exam history and review counts per hour)', () => {
	it('opens a version-3 database with data and loses nothing', async () => {
		const name = `upgrade-${Math.random()}`;
		const old = new DeckhandDb(name, 3);
		// Written as version 3 stored a pack: one record per card and a state per card, with summaries.
		const { cards, ...meta } = pack;
		await old.table('packs').put({ ...meta, installedAt: now, builtIn: false });
		const rows = cards.map((c, order) => ({ ...c, packId: pack.id, order }));
		await old.table('cards').bulkPut(rows);
		const states: StateRecord[] = rows.map((c) => ({
			...scheduler.newState(c.id, pack.id, now),
			sectionId: c.sectionId,
			order: c.order
		}));
		const out = scheduler.grade(states[0]!, 'good', now);
		// Written as version 3 wrote a grade (no per-hour counts yet).
		states[0] = { ...out.state, sectionId: states[0]!.sectionId, order: states[0]!.order };
		await old.table('states').bulkPut(states);
		await old.table('summaries').bulkPut(summarize(states));
		await old.logs.add(out.log);
		await old.settings.put({ key: 'theme', value: 'dark' });
		const before = {
			packs: await old.packs.toArray(),
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
		// Since version 8: the cards as one record, and a state only for the card that was graded.
		expect(await listPackCards(db, pack.id)).toEqual(rows);
		expect(await db.states.toArray()).toEqual([states[0]]);
		// Version 10 gives every log its stable id for sync; nothing else about a log changes.
		expect((await db.logs.toArray()).map((l) => ({ ...l, uid: undefined }))).toEqual(before.logs);
		// The grade's log is counted in the per-hour review counts (by the count version 6's upgrade
		// leaves to run after opening; its marker is gone when it ends).
		while (await countBlocksSlice(db));
		expect(await db.settings.toArray()).toEqual(before.settings);
		expect(await db.summaries.toArray()).toEqual(before.summaries);
		expect(await db.exams.count()).toBe(0);

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
		const first = (await getState(db, pack.id, pack.cards[0]!.id))!;
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
