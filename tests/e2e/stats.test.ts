import { expect, test } from '@playwright/test';
import { examFixturePack } from '../fixtures/exam-pack';
import { seed } from './seed';

test('the statistics page draws every chart with a table alternative', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByTestId('new-count')).toBeVisible();
	await seed(page, { pack: examFixturePack(), alone: true, logMinutesAgo: [1, 2, 3] });
	await page.getByRole('link', { name: 'Stats' }).click();
	await expect(page.getByRole('heading', { name: 'Statistics' })).toBeVisible();

	const charts = ['heatmap', 'forecast', 'retention-weeks', 'retention-months', 'mastery'];
	for (const id of charts) {
		const table = page.getByTestId(`${id}-table`);
		await expect(table).toBeAttached();
		// The chart's SVG is described by its table, which any reader can open.
		const svg = page.locator(`svg[aria-describedby="${id}-table"]`);
		await expect(svg).toHaveAttribute('role', 'img');
		await expect(table.locator('tbody tr').first()).toBeAttached();
	}
	await expect(
		page.getByText(/3 reviews on 1 day in the last 26 weeks\. Current streak: 1 day\./)
	).toBeVisible();
	await page.getByText('Reviews per day: show as a table').click();
	await expect(page.getByTestId('heatmap-table').locator('tbody tr')).toHaveCount(1);
	await expect(page.getByTestId('heatmap-table').locator('tbody td').nth(1)).toHaveText('3');
	await page.getByText('Due in the next 30 days: show as a table').click();
	await expect(page.getByTestId('forecast-table').locator('tbody tr')).toHaveCount(30);
	await page.getByText('Mastery by section: show as a table').click();
	await expect(page.getByTestId('mastery-table').getByRole('cell', { name: 'Swarm services' })).toBeVisible();
	await expect(page.getByText('Not covered by your packs')).toBeVisible();
});
