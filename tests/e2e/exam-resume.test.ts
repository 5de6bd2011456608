import { expect, test, type Page } from '@playwright/test';
import { examFixturePack } from '../fixtures/exam-pack';
import { seed } from './seed';

/** The exam fixture has 24 questions: an exam of 24 draws every one, three quarters (18) as DOMC. */
const LENGTH = 24;

async function startExam(page: Page) {
	await page.goto('/');
	await expect(page.getByTestId('new-count')).toBeVisible();
	await seed(page, { pack: examFixturePack(), alone: true });
	await page.goto('/exam');
	await page.getByRole('radio', { name: /Custom/ }).check();
	await page.getByRole('spinbutton', { name: 'Questions' }).fill(String(LENGTH));
	await page.getByRole('button', { name: 'Start exam' }).click();
	await expect(page).toHaveURL(/\/exam\/run$/);
	await expect(page.getByText('Multiple choice · 1 of 6')).toBeVisible();
}

/** The exam kept on the device, as the app stored it. */
function keptExam(page: Page) {
	return page.evaluate(async () => {
		const open = indexedDB.open('deckhand');
		const db: IDBDatabase = await new Promise((res, rej) => {
			open.onsuccess = () => res(open.result);
			open.onerror = () => rej(open.error);
		});
		const rec = await new Promise<{ value: unknown } | undefined>((res) => {
			const req = db.transaction('settings').objectStore('settings').get('exam:running');
			req.onsuccess = () => res(req.result as { value: unknown } | undefined);
		});
		db.close();
		const v = rec?.value as
			| { exam: { deadline: number; items: { kind: string; answer?: number | null; flagged?: boolean }[] } }
			| undefined;
		if (!v) return null;
		const mcq = v.exam.items.filter((i) => i.kind === 'mcq');
		return {
			deadline: v.exam.deadline,
			answered: mcq.filter((i) => i.answer !== null).length,
			flagged: mcq.filter((i) => i.flagged).length
		};
	});
}

/** Moves the kept exam's deadline (to pretend time passed while the app was closed). */
function moveDeadline(page: Page, to: number) {
	return page.evaluate(async (deadline) => {
		const open = indexedDB.open('deckhand');
		const db: IDBDatabase = await new Promise((res, rej) => {
			open.onsuccess = () => res(open.result);
			open.onerror = () => rej(open.error);
		});
		await new Promise<void>((res, rej) => {
			const tx = db.transaction('settings', 'readwrite');
			const store = tx.objectStore('settings');
			const req = store.get('exam:running');
			req.onsuccess = () => {
				const rec = req.result as { key: string; value: { exam: { deadline: number } } };
				rec.value.exam.deadline = deadline;
				store.put(rec);
			};
			tx.oncomplete = () => res();
			tx.onerror = () => rej(tx.error);
		});
		db.close();
	}, to);
}

const seconds = (text: string | null) => {
	const m = /(\d+):(\d\d) left/.exec(text ?? '');
	return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
};

async function answerTwo(page: Page) {
	await page
		.getByRole('radio', { name: /^Right/ })
		.first()
		.check();
	await page.getByRole('button', { name: 'Next' }).click();
	await expect(page.getByText('Multiple choice · 2 of 6')).toBeVisible();
	await page
		.getByRole('radio', { name: /^Wrong/ })
		.first()
		.check();
	await page.getByRole('button', { name: 'Flag for review' }).click();
	await expect.poll(() => keptExam(page)).toMatchObject({ answered: 2, flagged: 1 });
}

test(
	'an exam survives a reload: resume keeps the answers and the running clock, then finishes into the history',
	{ tag: '@phone' },
	async ({ page }) => {
		await startExam(page);
		await answerTwo(page);
		const kept = (await keptExam(page))!;
		const before = seconds(await page.getByRole('timer').textContent());

		await page.reload();
		const offer = page.getByRole('region', { name: 'Exam in progress' });
		await expect(offer.getByText(`2 of ${LENGTH} questions answered`)).toBeVisible();
		await expect(offer.getByTestId('resume-time-left')).toHaveText(/\d+:\d\d left/);
		await offer.getByRole('button', { name: 'Resume exam' }).click();

		// The answers and the flag are back, on the question that was on screen.
		await expect(page.getByText('Multiple choice · 2 of 6')).toBeVisible();
		await expect(page.getByRole('radio', { name: /^Wrong/ }).first()).toBeChecked();
		await expect(page.getByRole('button', { name: /Flagged for review/ })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		const nav = page.getByRole('navigation', { name: 'Multiple-choice questions' });
		await expect(nav.getByRole('button', { name: 'Question 1, answered' })).toBeVisible();
		await expect(nav.getByRole('button', { name: 'Question 2, answered, flagged' })).toBeVisible();
		await nav.getByRole('button', { name: 'Question 1, answered' }).click();
		await expect(page.getByRole('radio', { name: /^Right/ }).first()).toBeChecked();

		// Same deadline: the clock ran on through the reload and keeps running.
		expect((await keptExam(page))!.deadline).toBe(kept.deadline);
		const timer = page.getByRole('timer');
		const resumed = seconds(await timer.textContent());
		expect(resumed).toBeLessThanOrEqual(before);
		await expect.poll(async () => seconds(await timer.textContent())).toBeLessThan(resumed);

		await page.getByRole('button', { name: 'Go to the DOMC part' }).click();
		await page.getByRole('button', { name: 'Continue' }).click();
		await page.getByRole('button', { name: 'Submit exam now' }).click();
		await page.getByRole('button', { name: 'Submit', exact: true }).click();
		await page.waitForURL(/\/exam\/result\//);
		await expect(page.getByRole('heading', { name: `Score: 4% (1 of ${LENGTH})` })).toBeVisible();
		await expect(page.getByRole('table', { name: 'Score by exam domain', exact: true })).toBeVisible();
		expect(await keptExam(page)).toBeNull();

		await page.getByRole('link', { name: 'Back to exams' }).click();
		const history = page.getByRole('list', { name: 'Past exams' });
		await expect(history.getByRole('link')).toHaveCount(1);
		await expect(history.getByRole('link')).toContainText(`1/${LENGTH} · 4% · not passed`);
		// Nothing left to resume: the setup is back.
		await expect(page.getByRole('button', { name: 'Start exam' })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Exam in progress' })).toHaveCount(0);
	}
);

test(
	'an exam whose time ran out while the app was closed is scored on return',
	{ tag: '@phone' },
	async ({ page }) => {
		await startExam(page);
		await answerTwo(page);
		await page.goto('/');
		await moveDeadline(page, Date.now() - 60_000);
		await page.goto('/exam');
		await page.waitForURL(/\/exam\/result\//);
		await expect(page.getByRole('heading', { name: `Score: 4% (1 of ${LENGTH})` })).toBeVisible();
		await expect(page.getByText('Time ran out.', { exact: false })).toBeVisible();
		expect(await keptExam(page)).toBeNull();
	}
);

test('an exam resumed in a second tab stops in the first one, and is discarded on request', async ({
	page,
	context
}) => {
	await startExam(page);
	await answerTwo(page);

	const second = await context.newPage();
	await second.goto('/exam');
	await second.getByRole('button', { name: 'Resume exam' }).click();
	await expect(second.getByText('Multiple choice · 2 of 6')).toBeVisible();

	// The first tab hears of it (or finds out at its next answer) and says so.
	await expect(page.getByRole('alert')).toContainText('resumed in another tab');
	await expect(page.getByRole('navigation', { name: 'Multiple-choice questions' })).toHaveCount(0);

	await second.getByRole('button', { name: 'Next' }).click();
	await second
		.getByRole('radio', { name: /^Right/ })
		.first()
		.check();
	await expect.poll(() => keptExam(second)).toMatchObject({ answered: 3 });

	// Back on the setup page, the exam can be thrown away instead.
	await page.goto('/exam');
	await page.getByRole('button', { name: 'Discard', exact: true }).click();
	await page.getByRole('button', { name: 'Discard exam' }).click();
	await expect(page.getByRole('button', { name: 'Start exam' })).toBeVisible();
	expect(await keptExam(page)).toBeNull();
	await expect(second.getByRole('alert')).toContainText('discarded in another tab');
});
