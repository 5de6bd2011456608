import { expect, test } from '@playwright/test';
import { Scheduler, type CardState } from '../../src/lib/core/scheduler';
import { flashcardPack } from '../fixtures/packs';
import { dump, seed } from './seed';

const DAY = 86_400_000;

/** The button's wording of an interval (as the study screen writes it: "3d", "2mo", "1.5y"). */
function label(ms: number): string {
	const d = ms / DAY;
	if (d < 30) return `${Math.round(d)}d`;
	if (d < 365) return `${Math.round(d / 30)}mo`;
	return `${Math.round((d / 365) * 10) / 10}y`;
}

test('with FSRS fuzz on, as in production, each Good stores the interval its button showed', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByTestId('new-count')).toBeVisible();
	await seed(page, {
		pack: flashcardPack('z', 12, 1),
		logsPerCard: 3,
		// The history ends 150 days back or more: every card is due today.
		now: Date.now() - 150 * DAY,
		settings: { enableFuzz: true, newPerDay: 0 },
		alone: true
	});
	await page.goto('/study?pack=z');
	const shown = new Map<string, string>();
	for (let i = 0; i < 6; i++) {
		const front = (await page.getByRole('article', { name: 'Question' }).getByRole('heading').textContent())!;
		await page.getByRole('button', { name: 'Show answer' }).click();
		const good = page.getByRole('button', { name: /^Good/ });
		shown.set(`z-c${front.replace('Front ', '')}`, (await good.textContent())!.replace(/.*·\s*/, '').trim());
		await good.click();
		await expect(page.getByText(`${i + 1} reviewed`)).toBeVisible();
	}
	const db = await dump(page);
	const fuzzed = new Scheduler({ enableFuzz: true });
	const plain = new Scheduler({ enableFuzz: false });
	let differs = 0;
	for (const [cardId, promised] of shown) {
		const log = db.logs.filter((l) => l.cardId === cardId).sort((a, b) => b.reviewedAt - a.reviewedAt)[0]!;
		const state = db.states.find((s) => s.cardId === cardId)!;
		expect(log.rating).toBe('good');
		// What the button said is what was stored.
		expect(label(state.due - log.reviewedAt)).toBe(promised);
		// The learner's scheduler, fuzz and all: the same grade at the same time gives the same state.
		const before = log.before as unknown as CardState;
		expect(state.due).toBe(fuzzed.grade(before, 'good', log.reviewedAt).state.due);
		if (plain.grade(before, 'good', log.reviewedAt).state.due !== state.due) differs++;
	}
	// Fuzz is really on: some intervals moved off the unfuzzed value.
	expect(differs).toBeGreaterThan(0);
});
