import { expect, test, type Page } from '@playwright/test';
import { examFixturePack } from '../fixtures/exam-pack';
import { seed as seedApp } from './seed';

async function seed(page: Page) {
	await page.goto('/');
	await expect(page.getByTestId('new-count')).toBeVisible();
	await seedApp(page, { pack: examFixturePack(), alone: true });
}

async function logRatings(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const open = indexedDB.open('deckhand');
		const db: IDBDatabase = await new Promise((res, rej) => {
			open.onsuccess = () => res(open.result);
			open.onerror = () => rej(open.error);
		});
		return new Promise<string[]>((res) => {
			const req = db.transaction('logs').objectStore('logs').getAll();
			req.onsuccess = () => res((req.result as { rating: string }[]).map((l) => l.rating).sort());
		});
	});
}

test(
	'a quick exam run to the end: result with domain breakdown, history entry, answers as reviews',
	{ tag: '@phone' },
	async ({ page }) => {
		await seed(page);
		await page.getByRole('link', { name: 'Exam' }).click();
		await expect(page.getByRole('heading', { name: 'Exam simulation' })).toBeVisible();
		await page.getByRole('radio', { name: /Quick rehearsal: 10 questions/ }).check();
		await expect(page.getByText('Time limit: 17 minutes')).toBeVisible();
		await page.getByRole('checkbox', { name: /Count my answers as reviews/ }).check();
		await page.getByRole('button', { name: 'Start exam' }).click();

		await expect(page).toHaveURL(/\/exam\/run$/);
		await expect(page.getByRole('timer')).toHaveText(/1[67]:\d\d/);

		// The first question is answered wrongly on purpose, every other one rightly.
		let wrongGiven = false;
		const nav = page.getByRole('navigation', { name: 'Multiple-choice questions' });
		const mcqs = (await nav.isVisible()) ? await nav.getByRole('button').count() : 0;
		for (let i = 0; i < mcqs; i++) {
			await nav.getByRole('button', { name: new RegExp(`^Question ${i + 1},`) }).click();
			await expect(page.getByText(`Question ${i + 1}`, { exact: true })).toBeVisible();
			const pick = wrongGiven ? /^Right/ : /^Wrong/;
			await page.getByRole('radio', { name: pick }).first().check();
			wrongGiven = true;
		}
		if (mcqs > 0) {
			await page.getByRole('button', { name: 'Flag for review' }).click();
			await expect(page.getByRole('button', { name: /Flagged for review/ })).toHaveAttribute(
				'aria-pressed',
				'true'
			);
			await expect(
				nav.getByRole('button', { name: new RegExp(`^Question ${mcqs}, answered, flagged`) })
			).toBeVisible();
			await page.getByRole('button', { name: mcqs < 10 ? 'Go to the DOMC part' : 'Submit exam' }).click();
			await page.getByRole('button', { name: mcqs < 10 ? 'Continue' : 'Submit' }).click();
		}
		// DOMC: one option at a time; Yes to a right one, No to a wrong one. A step is the question's stem
		// and the option shown; after each answer either the step changes or the result page opens.
		const step = () =>
			page.evaluate(() => {
				const option = document.querySelector('[data-testid="domc-option"]')?.textContent ?? '';
				const stem = document.querySelector('#domc-stem')?.textContent ?? '';
				return option ? `${stem}|${option}` : 'none';
			});
		for (let current = await step(); current !== 'none';) {
			const right = current.split('|')[1]!.startsWith('Right');
			const yes = wrongGiven ? right : !right;
			wrongGiven = true;
			await page.getByRole('button', { name: yes ? 'Yes' : 'No', exact: true }).click();
			const before = current;
			await expect.poll(async () => (current = await step())).not.toBe(before);
		}
		await page.waitForURL(/\/exam\/result\//);

		await expect(page.getByRole('heading', { name: 'Exam result' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Score: 90% (9 of 10)' })).toBeVisible();
		await expect(page.getByTestId('verdict')).toHaveText(/Passed against a pass mark of 65%/);
		await expect(page.getByText(/unofficial/)).toBeVisible();
		const breakdown = page.getByRole('table', { name: 'Score by exam domain', exact: true });
		await expect(breakdown.getByRole('rowheader', { name: 'Orchestration' })).toBeVisible();
		const rows = breakdown.locator('tbody tr');
		const totals = await rows.evaluateAll((trs) =>
			trs
				.map((tr) => Number(/of (\d+)$/.exec(tr.querySelector('td')?.textContent ?? '')?.[1] ?? 0))
				.reduce((a, b) => a + b, 0)
		);
		expect(totals).toBe(10);
		await expect(page.getByRole('heading', { name: 'Missed questions (1)' })).toBeVisible();
		await expect(page.getByText(/^Notes on .* \(/)).toBeVisible();
		await expect(page.getByText(/^From .* › Basics$/)).toBeVisible();

		// Answers counted as reviews: right → Good, wrong → Again.
		expect(await logRatings(page)).toEqual(['again', ...Array(9).fill('good')]);

		await page.getByRole('link', { name: 'Back to exams' }).click();
		const history = page.getByRole('list', { name: 'Past exams' });
		await expect(history.getByRole('link')).toHaveCount(1);
		await expect(history.getByRole('link')).toContainText('9/10 · 90% · passed');
		await history.getByRole('link').click();
		await expect(page.getByRole('heading', { name: 'Score: 90% (9 of 10)' })).toBeVisible();
	}
);

test('the home page shows readiness and the exam domains no pack covers', async ({ page }) => {
	await seed(page);
	await page.reload();
	// The card loads when its place (its heading held there) comes near the screen.
	await expect(page.getByTestId('new-count')).toBeVisible();
	await page.getByRole('heading', { name: 'Exam readiness (DCA)' }).scrollIntoViewIfNeeded();
	const card = page.getByTestId('readiness');
	await expect(card.getByRole('heading', { name: 'Exam readiness (DCA)' })).toBeVisible();
	await expect(card.getByText('predicted score today', { exact: false })).toBeVisible();
	await expect(
		card.getByRole('table', { name: 'Predicted score by exam domain' }).getByRole('row')
	).toHaveCount(6);
	await expect(card.getByRole('listitem')).toHaveText(['Installation and Configuration (15% of the exam)']);
});

test(
	'when the time runs out the exam ends and unanswered questions count as wrong',
	{ tag: '@phone' },
	async ({ page }) => {
		await page.clock.install();
		await seed(page);
		await page.goto('/exam');
		await page.getByRole('radio', { name: /Custom/ }).check();
		await page.getByRole('spinbutton', { name: 'Questions' }).fill('3');
		await expect(page.getByText('Time limit: 5 minutes')).toBeVisible();
		await page.getByRole('button', { name: 'Start exam' }).click();
		await expect(page.getByRole('timer')).toHaveText(/[45]:\d\d left/);
		await page.clock.fastForward('05:01');
		await expect(page.getByRole('heading', { name: 'Score: 0% (0 of 3)' })).toBeVisible();
		await expect(page.getByTestId('verdict')).toHaveText(/Not passed/);
		await expect(page.getByText('Time ran out.', { exact: false })).toBeVisible();
		await expect(page.getByText('Your answer: No answer')).toHaveCount(3);
	}
);

test('the exam page says how many questions the draw has, in all and per domain', async ({ page }) => {
	await seed(page);
	await page.goto('/exam');
	const pool = page.getByRole('region', { name: 'Questions to draw from' });
	// The fixture: five domains with four questions each, installation with none, and an untagged section.
	await expect(pool).toContainText('The installed packs give the exam 24 questions.');
	await expect(pool).toContainText('A full exam asks up to 55, so every question is in every exam.');
	await expect(
		pool.getByRole('list', { name: 'Questions per exam domain' }).getByRole('listitem')
	).toHaveText([
		'Orchestration: 4',
		'Image Creation, Management, and Registry: 4',
		'Installation and Configuration: 0',
		'Networking: 4',
		'Security: 4',
		'Storage and Volumes: 4',
		'No exam domain (asked only to fill up): 4'
	]);
});

test('with the built-in packs the draw has over 200 questions, so a full exam asks about one in five', async ({
	page
}) => {
	await page.goto('/exam');
	const pool = page.getByRole('region', { name: 'Questions to draw from' });
	await expect(pool).toContainText(/The installed packs give the exam \d+ questions\./, { timeout: 30_000 });
	const total = Number(/give the exam (\d+) questions/.exec((await pool.textContent()) ?? '')?.[1]);
	expect(total).toBeGreaterThan(200);
	await expect(pool).toContainText(`each question turns up in about one exam in ${Math.round(total / 55)}.`);
	// One line per exam domain and one for questions without a domain, there before the figures arrive.
	await expect(pool.getByRole('listitem')).toHaveCount(7);
	await expect(pool.getByRole('listitem')).toHaveText(Array.from({ length: 7 }, () => /: \d+$/));
});
