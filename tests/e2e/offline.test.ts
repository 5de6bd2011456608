import { expect, test } from '@playwright/test';
import { pwaPort, startServer } from './pwa-server';

// On the phone viewport only: the desktop project covers the update flow, which also works offline.
test(
	'after one visit the app starts, studies and keeps progress with no network and no server',
	{ tag: '@phone' },
	async ({ page, context }) => {
		const server = await startServer(pwaPort('offline'));
		const cspViolations: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
		});
		let newBefore = 0;
		try {
			await page.goto(`${server.url}/`);
			await expect(page.getByText('Ready to work offline')).toBeVisible({ timeout: 20_000 });
			await page.evaluate(() => navigator.serviceWorker.ready);
			await page.reload();
			const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
			expect(controller).toBe(`${server.url}/sw.js`);
			await expect(page.getByTestId('new-count')).not.toHaveText('0');
			newBefore = Number(await page.getByTestId('new-count').textContent());
		} finally {
			await server.stop();
		}
		await context.setOffline(true);

		// A deep link opened offline, with no server behind it, then a study session.
		await page.goto(`${server.url}/study`);
		await expect(page.getByText('Offline', { exact: true })).toBeVisible();
		const front = page.getByRole('heading', { level: 2 });
		await expect(front).toBeVisible();
		const first = (await front.textContent()) ?? '';
		await page.getByRole('button', { name: 'Show answer' }).click();
		await expect(page.getByTestId('answer')).toBeVisible();
		await page.getByRole('button', { name: 'Good' }).click();
		await expect(page.getByText('1 reviewed')).toBeVisible();
		await expect(front).not.toHaveText(first);

		// The grade survives a reload, still offline: the graded card is no longer first in the queue.
		await page.reload();
		// The session resumes after a reload, its grade counted.
		await expect(page.getByText('1 reviewed')).toBeVisible();
		await expect(front).not.toHaveText(first);

		// A cold start at the root, offline: the home screen counts one card fewer as new.
		await page.goto(`${server.url}/`);
		await expect(page.getByTestId('new-count')).toHaveText(String(newBefore - 1));
		expect(cspViolations).toEqual([]);
	}
);
