import { expect, test, type Page } from '@playwright/test';
import fixture from '../fixtures/exercise-pack.json' with { type: 'json' };
import type { Pack } from '../../src/lib/core/pack/types';
import { seed } from './seed';

/** Installs the exercise pack straight into IndexedDB with only `cardIds` due, then opens the study page. */
async function studyCards(page: Page, cardIds: string[]): Promise<void> {
	await page.goto('/');
	await expect(page.getByTestId('new-count')).not.toHaveText('');
	// Through the shared seeding helper, which also writes the section summaries the queue reads.
	await seed(page, {
		pack: { ...fixture.pack, cards: fixture.cards } as unknown as Pack,
		onlyCardIds: cardIds
	});
	await page.goto('/study');
}

test('a command typed in an equivalent form is correct and Good is suggested', async ({ page }) => {
	await studyCards(page, ['type-run-network']);
	await expect(page.getByRole('heading', { name: /nginx container attached/ })).toBeVisible();
	const input = page.getByRole('textbox', { name: 'Your command' });
	await expect(input).toHaveAttribute('autocapitalize', 'off');
	await expect(input).toHaveAttribute('spellcheck', 'false');
	await input.fill('docker container run --network my-bridge nginx');
	await input.press('Enter');
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
	await expect(page.getByTestId('correct-answer')).toHaveText('docker run --network=my-bridge nginx');
	await expect(page.getByText('From §1 Container Networking › Bridge Networks')).toBeVisible();
	const good = page.getByRole('button', { name: /Good/ });
	await expect(good).toContainText('suggested');
	await expect(good).toBeFocused();
	await good.click();
	await expect(page.getByText('1 reviewed')).toBeVisible();
});

test('a misspelt flag is close, says which flag was meant, and the learner may override the grade', async ({
	page
}) => {
	await studyCards(page, ['type-run-network']);
	const input = page.getByRole('textbox', { name: 'Your command' });
	await input.fill('docker run --netwrk=my-bridge nginx');
	await page.getByRole('button', { name: 'Check' }).click();
	const feedback = page.getByTestId('feedback');
	await expect(feedback.getByRole('heading', { name: 'Close' })).toBeVisible();
	await expect(feedback).toContainText('did you mean --network?');
	await expect(feedback.getByText('(unknown)')).toBeAttached();
	await expect(page.getByRole('button', { name: /Hard/ })).toContainText('suggested');
	await page.getByRole('button', { name: /Again/ }).click();
	await expect(page.getByText('1 reviewed')).toBeVisible();
	const ratings = await page.evaluate(async () => {
		const open = indexedDB.open('deckhand');
		const db: IDBDatabase = await new Promise((res) => (open.onsuccess = () => res(open.result)));
		return new Promise<string[]>((res) => {
			const req = db.transaction('logs').objectStore('logs').getAll();
			req.onsuccess = () => res((req.result as { rating: string }[]).map((l) => l.rating));
		});
	});
	expect(ratings).toEqual(['again']);
});

test('the word bank builds a command by tapping, and a tap takes a word back', async ({ page }) => {
	await studyCards(page, ['order-network-create']);
	const bank = page.getByRole('group', { name: 'Word bank' });
	await expect(bank.getByRole('button')).toHaveCount(6);
	for (const word of ['docker', 'network', 'inspect'])
		await bank.getByRole('button', { name: word, exact: true }).click();
	await page.getByRole('button', { name: 'Remove inspect' }).click();
	for (const word of ['create', 'my-bridge'])
		await bank.getByRole('button', { name: word, exact: true }).click();
	await expect(page.getByTestId('built')).toHaveText(/docker\s*network\s*create\s*my-bridge/);
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
	await expect(page.getByRole('button', { name: /Good/ })).toContainText('suggested');
});

test('a word bank in the wrong order is incorrect', async ({ page }) => {
	await studyCards(page, ['order-network-create']);
	const bank = page.getByRole('group', { name: 'Word bank' });
	for (const word of ['docker', 'network', 'inspect', 'my-bridge'])
		await bank.getByRole('button', { name: word, exact: true }).click();
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.getByRole('heading', { name: 'Not quite' })).toBeVisible();
	await expect(page.getByTestId('feedback')).toContainText('Expected docker network create');
	await expect(page.getByRole('button', { name: /Again/ })).toContainText('suggested');
});

test('a blank filled with the short form of the flag is correct', async ({ page }) => {
	await studyCards(page, ['fill-overlay-driver']);
	const blank = page.getByRole('textbox', { name: 'Fill in the blank' });
	await blank.fill('-d');
	await blank.press('Enter');
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
	await expect(page.getByTestId('correct-answer')).toHaveText(
		'docker network create --driver overlay my-overlay-network'
	);
});

test('a Compose answer with its keys reordered is correct', async ({ page }) => {
	await studyCards(page, ['config-test-db']);
	const editor = page.getByRole('textbox', { name: 'Missing lines' });
	await editor.fill('test-db:\n  profiles:\n    - test\n  image: postgres');
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
	await page.getByRole('button', { name: /Good/ }).click();
	await expect(page.getByText('1 reviewed')).toBeVisible();
});

test('a Compose answer with a misspelt key names the key and the schema error', async ({ page }) => {
	await studyCards(page, ['config-test-db']);
	await page
		.getByRole('textbox', { name: 'Missing lines' })
		.fill('test-db:\n  imagee: postgres\n  profiles: [test]');
	await page.getByRole('button', { name: 'Check' }).click();
	const feedback = page.getByTestId('feedback');
	await expect(feedback).toContainText('did you mean image?');
	await expect(feedback).toContainText('Not a valid Compose file');
});
