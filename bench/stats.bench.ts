// Statistics page data from 200,000 review logs: the pure core functions in Node (not in the browser,
// and without the IndexedDB read), with the real scheduler's recall predictions.
import { DCA_DOMAINS } from '../src/lib/core/pack/domains';
import type { CardId, PackId } from '../src/lib/core/pack/types';
import { Scheduler, type CardState, type Rating, type ReviewLog } from '../src/lib/core/scheduler';
import {
	buildStatsPage,
	currentStreak,
	dueForecast,
	examReadiness,
	reviewHeatmap,
	sectionMastery,
	trueRetention,
	tallyBlocks,
	tallyHours,
	talliesFromBlocks,
	WEEK_MS,
	type RecallFn,
	type CardRef,
	type SectionRef
} from '../src/lib/core/stats';
import { seededRandom } from '../src/lib/core/exam/random';

const LOGS = 200_000;
const CARDS = 2_000;
const SECTIONS = 40;
const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 28, 9);
const clock = { startHour: 4, offsetMinutes: 60 };
const random = seededRandom(42);
const scheduler = new Scheduler({ enableFuzz: false });
const recall: RecallFn = (s, at) => scheduler.retrievability(s, at);

const sections: SectionRef[] = Array.from({ length: SECTIONS }, (_, i) => ({
	packId: 'p',
	id: `s${i}`,
	title: `Section ${i}`,
	domain: DCA_DOMAINS[i % DCA_DOMAINS.length]!.id
}));
const cards: CardRef[] = Array.from({ length: CARDS }, (_, i) => ({
	packId: 'p',
	id: `c${i}`,
	sectionId: `s${i % SECTIONS}`
}));
const states: CardState[] = cards.map((c) => ({
	cardId: c.id as CardId,
	packId: 'p' as PackId,
	state: 'review',
	due: now + Math.floor(random() * 40 - 5) * DAY,
	stability: 1 + random() * 60,
	difficulty: 5,
	scheduledDays: 10,
	learningSteps: 0,
	reps: 100,
	lapses: 3,
	lastReview: now - Math.floor(random() * 20) * DAY
}));
const ratings: Rating[] = ['again', 'hard', 'good', 'good', 'good', 'easy'];
const logs: ReviewLog[] = Array.from({ length: LOGS }, (_, i) => {
	const state = states[i % CARDS]!;
	return {
		cardId: state.cardId,
		packId: state.packId,
		rating: ratings[Math.floor(random() * ratings.length)]!,
		state: random() < 0.8 ? 'review' : 'learning',
		// Two years of history, the newest last.
		reviewedAt: now - Math.floor(((LOGS - i) / LOGS) * 730 * DAY),
		elapsedDays: 3,
		scheduledDays: 10,
		stability: state.stability,
		difficulty: 5,
		before: state
	};
});

function time(label: string, fn: () => unknown, runs = 15): number {
	fn(); // warm-up
	const ms: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		fn();
		ms.push(performance.now() - t);
	}
	ms.sort((a, b) => a - b);
	const median = ms[Math.floor(ms.length / 2)]!;
	console.log(
		`${label.padEnd(34)} median ${median.toFixed(1)} ms (min ${ms[0]!.toFixed(1)}, max ${ms.at(-1)!.toFixed(1)})`
	);
	return median;
}

console.log(
	`${LOGS.toLocaleString('en')} logs, ${CARDS} cards in ${SECTIONS} sections, Node ${process.version}`
);
// The app keeps these per-hour counts in IndexedDB and adds only new logs; here they are built from all.
time('per-hour tallies from every log', () => tallyHours(logs));
const blocks = [...tallyBlocks(logs).values()];
time('per-hour tallies from the kept blocks', () => talliesFromBlocks(blocks));
const tallies = talliesFromBlocks(blocks);
const recentLogs = logs.filter((l) => l.reviewedAt > now - WEEK_MS);
console.log(
	`(${blocks.length} blocks, ${tallies.length.toLocaleString('en')} hour tallies, ${recentLogs.length.toLocaleString('en')} logs in the last week)`
);
time('heatmap (26 weeks)', () => reviewHeatmap(tallies, now, clock));
time('current streak', () => currentStreak(tallies, now, clock));
time('due forecast (30 days)', () => dueForecast(states, now, clock));
time('true retention (weeks, months)', () => trueRetention(tallies, now, clock));
time('section mastery', () => sectionMastery(sections, cards, states, recall, now));
time('readiness (now and a week ago)', () =>
	examReadiness(DCA_DOMAINS, sections, cards, states, recentLogs, recall, now)
);
time('whole statistics page', () =>
	buildStatsPage({ sections, cards, states, tallies, recentLogs }, DCA_DOMAINS, recall, now, clock)
);
time('whole page, tallies built from all logs', () =>
	buildStatsPage(
		{ sections, cards, states, tallies: [...tallyHours(logs).values()], recentLogs },
		DCA_DOMAINS,
		recall,
		now,
		clock
	)
);

// The browser benchmark's scale: 20,000 cards (the per-card recall predictions grow with them).
const bigCards: CardRef[] = Array.from({ length: CARDS * 10 }, (_, i) => ({
	packId: 'p',
	id: `c${i}`,
	sectionId: `s${i % SECTIONS}`
}));
const bigStates: CardState[] = bigCards.map((c, i) => ({
	...states[i % CARDS]!,
	cardId: c.id as CardId
}));
time('whole page, 20,000 cards', () =>
	buildStatsPage(
		{ sections, cards: bigCards, states: bigStates, tallies: talliesFromBlocks(blocks), recentLogs },
		DCA_DOMAINS,
		recall,
		now,
		clock
	)
);
time('  mastery, 20,000 cards', () => sectionMastery(sections, bigCards, bigStates, recall, now));
time('  readiness, 20,000 cards', () =>
	examReadiness(DCA_DOMAINS, sections, bigCards, bigStates, recentLogs, recall, now)
);
time('  forecast, 20,000 cards', () => dueForecast(bigStates, now, clock));
time('  recall only, 20,000 cards', () => bigStates.reduce((a, s) => a + recall(s, now), 0));
