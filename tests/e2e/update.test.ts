import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { answerCard } from './answer-card';
import { pwaPort, startServer } from './pwa-server';

const NEXT_VERSION = '0.1.0-update-test';

// One origin (one port) serves build/ as "v1", then a second real build as "v2". Desktop only: it builds
// the app once more, which is slow on a small machine. That build uses .svelte-kit/ (build/ is left as
// it is), so two copies of this test must not run at once (no --repeat-each with several workers).
test(
	'a new version waits behind a non-blocking prompt, the session goes on, and Reload brings it',
	{ tag: '@desktop' },
	async ({ page }) => {
		test.setTimeout(240_000);
		const v2Dir = mkdtempSync(join(tmpdir(), 'deckhand-v2-'));
		let server = await startServer(pwaPort('update'), 'build');
		try {
			await page.goto(`${server.url}/`);
			await expect(page.getByText('Ready to work offline')).toBeVisible({ timeout: 20_000 });
			await page.evaluate(() => navigator.serviceWorker.ready);
			const footer = page.getByRole('contentinfo');
			const v1Text = (await footer.textContent()) ?? '';
			expect(v1Text).not.toContain(NEXT_VERSION);

			// A session in progress: one card graded, the next one's answer on screen.
			await page.getByRole('link', { name: 'Study' }).last().click();
			await page.getByRole('button', { name: 'Show answer' }).click();
			await page.getByRole('button', { name: 'Good' }).click();
			await expect(page.getByText('1 reviewed')).toBeVisible();
			// The second new card may be of another kind (new cards mix kinds): answered its own way.
			await answerCard(page);
			const front = page
				.getByRole('article', { name: 'Question' })
				.getByRole('heading', { level: 2 })
				.first();
			const onScreen = (await front.textContent()) ?? '';
			// Gone if the page ever reloads.
			await page.evaluate(() => ((window as unknown as { sessionMark: string }).sessionMark = 'v1'));

			// Deploy v2 on the same origin: a real second build with a different version string.
			execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], {
				env: {
					...process.env,
					DECKHAND_BUILD_DIR: v2Dir,
					DECKHAND_VERSION: NEXT_VERSION
				},
				stdio: 'ignore'
			});
			await server.stop();
			server = await startServer(pwaPort('update'), v2Dir);

			// The browser's own update check (it runs on navigations and at intervals; here, now).
			await page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				await registration?.update();
			});
			await expect(page.getByText('Update available')).toBeVisible({ timeout: 30_000 });

			// Nothing was interrupted: same page, same card, answer still shown, and grading goes on.
			const mark = () => page.evaluate(() => (window as unknown as { sessionMark?: string }).sessionMark);
			expect(await mark()).toBe('v1');
			await expect(front).toHaveText(onScreen);
			await expect(page.getByRole('group', { name: 'Grade your answer' })).toBeVisible();
			await expect(footer).toHaveText(v1Text);
			await page.getByRole('button', { name: /^Easy/ }).click();
			await expect(page.getByText('2 reviewed')).toBeVisible();
			expect(await mark()).toBe('v1');

			// The learner chooses when: Reload brings v2.
			await page.getByRole('button', { name: 'Reload' }).click();
			await expect(footer).toContainText(NEXT_VERSION);
			expect(await mark()).toBeUndefined();
			await expect(page.getByText('Update available')).toBeHidden();
			await expect(front).toBeVisible();
		} finally {
			await server.stop();
			rmSync(v2Dir, { recursive: true, force: true });
		}
	}
);
