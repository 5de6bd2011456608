import { expect, test, type Page } from '@playwright/test';
import { DCA_DOMAINS } from '../../src/lib/core/pack/domains';
import type { Card, CardId, Pack, PackId, SectionId } from '../../src/lib/core/pack/types';
import { multiCard, outputCard, scenarioCard, sequenceCard } from '../fixtures/new-kinds';
import { seed } from './seed';

/** The four new kinds in one section, plus scenarios for every exam domain, a section each. */
function kindsPack(): Pack {
	// Thirty per domain, so that a quick exam drawn beside the guide pack surely asks some of them.
	const perDomain: Card[] = DCA_DOMAINS.flatMap((d, i) =>
		Array.from({ length: 30 }, (_, n) => ({
			...scenarioCard,
			id: `dom-${d.id}-${n}` as CardId,
			sectionId: `d${i}` as SectionId,
			domain: d.id,
			objectives: [`${i + 1}.9`],
			situation: `Situation ${n + 1} about ${d.title}.`,
			source: { section: d.title, text: `About ${d.title} (${n + 1})` }
		}))
	);
	return {
		id: 'kinds' as PackId,
		version: 1,
		title: 'New kinds',
		description: '',
		author: 'Tests',
		license: 'CC0-1.0',
		createdAt: '2026-11-29T00:00:00.000Z',
		sections: [
			{ id: 's1' as SectionId, title: 'Orchestration', order: 1, subsections: ['Services'] },
			...DCA_DOMAINS.map((d, i) => ({
				id: `d${i}` as SectionId,
				title: d.title,
				order: i + 2,
				subsections: []
			}))
		],
		cards: [scenarioCard, multiCard, sequenceCard, outputCard, ...perDomain]
	};
}

/**
 * Installs the pack and empties the built-in ones (so their cards never come first); with `cardIds`,
 * only those cards of the pack are installed.
 */
async function studyOnly(page: Page, cardIds?: string[]): Promise<void> {
	await page.goto('/');
	await expect(page.getByTestId('new-count')).not.toHaveText('');
	await seed(page, { pack: kindsPack(), ...(cardIds ? { onlyCardIds: cardIds } : { alone: true }) });
	await page.goto('/study');
}

async function stored(page: Page): Promise<{ logs: number; states: string[] }> {
	return page.evaluate(async () => {
		const db: IDBDatabase = await new Promise((res, rej) => {
			const r = indexedDB.open('deckhand');
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		const all = <T>(store: string) =>
			new Promise<T[]>((res) => {
				const req = db.transaction(store).objectStore(store).getAll();
				req.onsuccess = () => res(req.result as T[]);
			});
		const states = await all<{ cardId: string; due: number; reps: number; state: string }>('states');
		const logs = await all<unknown>('logs');
		return {
			logs: logs.length,
			states: states.map((s) => `${s.cardId}:${s.state}:${s.reps}:${s.due}`).sort()
		};
	});
}

test('a scenario: choose an option under the question, then every option says why', async ({ page }) => {
	await studyOnly(page, ['scn-1']);
	await expect(page.getByText('no suitable node')).toBeVisible();
	const group = page.getByRole('group', { name: 'What is the most likely cause?' });
	await group.getByRole('radio', { name: 'The image does not exist' }).check();
	await page.getByRole('button', { name: 'Check' }).click();
	const reasons = page.getByRole('list', { name: 'Why each option is right or wrong' });
	await expect(reasons.getByRole('listitem')).toHaveCount(3);
	await expect(reasons).toContainText('Wrong, your choice: The image does not exist — That fails the task');
	await expect(reasons).toContainText('Right answer, not chosen: A placement constraint no node satisfies');
	await expect(page.getByRole('button', { name: /Again/ })).toContainText('suggested');
});

test('a multiple select says how many to choose and takes both right ports', async ({ page }) => {
	await studyOnly(page, ['ms-1']);
	const group = page.getByRole('group', { name: /Choose two\.$/ });
	await group.getByRole('checkbox', { name: '7946' }).check();
	await group.getByRole('checkbox', { name: '4789' }).check();
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.getByRole('list', { name: 'Why each option is right or wrong' })).toContainText(
		'Right, your choice: 4789 — Overlay traffic over VXLAN (UDP).'
	);
	await expect(page.getByRole('button', { name: /Good/ })).toContainText('suggested');
});

test('a command sequence: each step typed in order with the steps so far shown, then every step checked', async ({
	page
}) => {
	await studyOnly(page, ['seq-1']);
	await expect(page.getByRole('heading', { name: /Make this node a swarm manager, create/ })).toBeVisible();
	await page
		.getByRole('textbox', { name: 'Step 1: Make this node a swarm manager.' })
		.fill('docker swarm init');
	await page.getByRole('button', { name: 'Next step' }).click();
	// The step so far is shown as typed; it is checked with the others once the last step is in.
	await expect(page.getByText('You typed docker swarm init')).toBeVisible();
	await expect(page.getByRole('textbox', { name: /^Step 1/ })).toHaveCount(0);
	const step2 = page.getByRole('textbox', {
		name: 'Step 2: Create an attachable overlay network named backend.'
	});
	await step2.fill('docker network create --attachable -d overlay backend');
	await step2.press('Enter');
	await page
		.getByRole('textbox', { name: /^Step 3: Run nginx as the service web/ })
		.fill('docker service create --name web nginx');
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await expect(page.getByTestId('step-feedback')).toHaveCount(3);
	await expect(page.getByTestId('step-feedback').first()).toContainText('Right.');
	await expect(page.getByTestId('step-feedback').nth(2)).toContainText('Not quite.');
	await expect(page.getByText('2 of 3 steps right.')).toBeVisible();
	// Once checked, the sequence says why its steps come in this order.
	await expect(page.getByText('Why: An overlay network needs swarm mode', { exact: false })).toBeVisible();
	await expect(page.getByRole('button', { name: /Again/ })).toContainText('suggested');
});

test('a read-the-output question shows the output as a named, scrollable block', async ({ page }) => {
	await studyOnly(page, ['out-1']);
	await expect(page.getByRole('region', { name: 'Output of docker network ls' })).toContainText(
		'backend   overlay   swarm'
	);
	await page.getByRole('radio', { name: 'backend' }).check();
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.getByRole('button', { name: /Good/ })).toContainText('suggested');
});

test('a Drill on one objective studies its cards and leaves the schedule untouched', async ({ page }) => {
	await studyOnly(page);
	const before = await stored(page);
	await page.goto('/study?objective=4.1');
	await expect(
		page.getByRole('heading', { name: 'Drill: objective 4.1 (scheduling unchanged)' })
	).toBeVisible();
	const group = page.getByRole('group', { name: /Choose two\.$/ });
	await group.getByRole('checkbox', { name: '7946' }).check();
	await group.getByRole('checkbox', { name: '4789' }).check();
	await page.getByRole('button', { name: 'Check' }).click();
	await page.getByRole('button', { name: /Good/ }).click();
	await expect(page.getByText(/1 reviewed/)).toBeVisible();
	expect(await stored(page)).toEqual(before);
});

test('an exam draws questions from all six domains and scores them by domain and objective', async ({
	page
}) => {
	await studyOnly(page);
	await page.goto('/exam');
	await page.getByRole('radio', { name: /Quick rehearsal: 10 questions/ }).check();
	await page.getByRole('button', { name: 'Start exam' }).click();
	await expect(page).toHaveURL(/\/exam\/run$/);
	const toDomc = page.getByRole('button', { name: 'Go to the DOMC part' });
	if (await toDomc.isVisible()) {
		await toDomc.click();
		await page.getByRole('button', { name: 'Continue' }).click();
	}
	await page.getByRole('button', { name: 'Submit exam now' }).click();
	await page.getByRole('button', { name: 'Submit', exact: true }).click();
	await page.waitForURL(/\/exam\/result\//);
	const byDomain = page.getByRole('table', { name: 'Score by exam domain', exact: true });
	for (const d of DCA_DOMAINS)
		await expect(byDomain.getByRole('rowheader', { name: d.title, exact: true })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Score by exam objective' })).toBeVisible();
	await expect(page.getByRole('link', { name: /Drill the 10 missed questions/ })).toBeVisible();
});
