import { expect, test } from '@playwright/test';

test('the Packs page lists the built-in packs with their sections and counts by kind', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Packs' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Packs' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Docker study guide' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Docker Certified Associate' })).toBeVisible();
	// The guide's 9 sections and the exam pack's 6 domains.
	await expect(page.getByRole('heading', { level: 3 })).toHaveCount(15);
	await expect(page.getByRole('heading', { level: 3, name: 'Container Networking' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: 'Orchestration' })).toBeVisible();
	const kinds = page.getByRole('list', { name: 'Cards by kind in Container Networking' });
	await expect(kinds.getByText('Multiple choice')).toBeVisible();
	await expect(kinds.getByText('Command: type it')).toBeVisible();
});

test('the card browser finds a card by text and shows its source', { tag: '@phone' }, async ({ page }) => {
	await page.goto('/packs');
	await page.getByRole('link', { name: 'Browse the cards of Docker study guide' }).click();
	const count = page.getByTestId('result-count');
	await expect(count).toHaveText(/\d+ cards/);
	const total = Number((await count.textContent())?.match(/\d+/)?.[0]);
	expect(total).toBeGreaterThan(250);

	await page.getByRole('searchbox', { name: 'Search cards' }).fill('macvlan MAC address');
	await expect(count).not.toHaveText(`${total} cards`);
	const first = page.getByRole('listitem').filter({ hasText: 'Macvlan Networks' }).first();
	await expect(first).toContainText('From §1 Container Networking › Macvlan Networks');

	await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Command: type it' });
	await page.getByRole('searchbox', { name: 'Search cards' }).fill('scout');
	await expect(count).toHaveText('1 card');
	await expect(page.getByText('docker scout cves myimage:latest', { exact: true })).toBeVisible();
	await expect(page.getByText(/Corrected\. The guide says docker scan/)).toBeVisible();

	await page.getByRole('searchbox', { name: 'Search cards' }).fill('zzzz no such card');
	await expect(count).toHaveText('0 cards');
});
