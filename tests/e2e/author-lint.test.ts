import { expect, test } from '@playwright/test';

test(
	'the Make a pack page shows the mark-up convention and, before export, what in the notes made no question',
	{ tag: '@desktop' },
	async ({ page }) => {
		await page.goto('/author');
		await page.getByText('How to mark up notes for better questions').click();
		await expect(page.getByText('- Misconception: Containers on the default bridge')).toBeVisible();
		await page
			.getByLabel(/Markdown notes/)
			.fill(
				[
					'## Git',
					'',
					'- A branch is a movable pointer to a commit',
					'- Branch kinds:',
					'    - **local** (branch kind): Lives only in your repository until you push it',
					'        - Why: nothing leaves your machine until a push.',
					'    - **remote-tracking** (branch kind): Records where a remote branch was at the last fetch',
					'- Misconception: git fetch merges the remote changes into your current branch.',
					'    - Why: fetch only downloads; merging is what pull adds.',
					''
				].join('\n')
			);
		await page.getByLabel('Title').fill('Git basics');
		await page.getByRole('button', { name: 'Make pack' }).click();
		const check = page.getByRole('region', { name: 'Notes check' });
		await expect(check.getByTestId('lint-summary')).toContainText('1 line made no question');
		const bullet = check.getByRole('listitem').filter({ hasText: 'Line 3' });
		await expect(bullet).toContainText('No question: no reason and nothing to blank');
		await expect(bullet).toContainText('Add a nested "- Why: …" line');
		await expect(
			check.getByRole('listitem').filter({ hasText: 'no multiple choice: only 2 branch kind' })
		).toHaveCount(2);
		// The export is still there: the check advises, it does not block.
		await expect(page.getByRole('button', { name: 'Export file' })).toBeEnabled();
	}
);
