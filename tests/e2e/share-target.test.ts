import { expect, test, type Page } from '@playwright/test';
import { makePack } from '../fixtures/pack-factory';
import { snapshot } from './idb';
import { pwaPort, startServer } from './pwa-server';

const envelope = (pack: unknown) => JSON.stringify({ format: 'deckhand-pack', formatVersion: 1, pack });

/** What Android does when a file is shared to the installed app: a form POST to the share_target action. */
async function shareFile(page: Page, name: string, type: string, body: string) {
	const target = await page.evaluate(async () => {
		const m = (await (await fetch('/manifest.webmanifest')).json()) as {
			share_target: {
				action: string;
				method: string;
				enctype: string;
				params: { files: { name: string }[] };
			};
		};
		return m.share_target;
	});
	expect([target.method, target.enctype]).toEqual(['POST', 'multipart/form-data']);
	await page.evaluate(
		({ action, field, name, type, body }) => {
			const form = document.createElement('form');
			form.method = 'post';
			form.enctype = 'multipart/form-data';
			form.action = action;
			const input = document.createElement('input');
			input.type = 'file';
			input.name = field;
			const files = new DataTransfer();
			files.items.add(new File([body], name, { type }));
			input.files = files.files;
			form.append(input);
			document.body.append(form);
			form.submit();
		},
		{ action: target.action, field: target.params.files[0]!.name, name, type, body }
	);
}

/** Opens the production build on a server of its own and waits until the service worker controls it. */
async function controlled(page: Page, url: string) {
	await page.goto(`${url}/`);
	await expect(page.getByText('Ready to work offline')).toBeVisible({ timeout: 20_000 });
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.reload();
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${url}/sw.js`);
	await expect(page.getByTestId('new-count')).toBeVisible();
}

const stashed = (page: Page) => page.evaluate(() => caches.has('deckhand-shared-files'));

test('a pack file shared from another app opens the import preview', { tag: '@phone' }, async ({ page }) => {
	const server = await startServer(pwaPort('offline'));
	try {
		await controlled(page, server.url);
		const before = await snapshot(page);
		const pack = makePack(5, { id: 'shared-pack', title: 'Shared networking', author: 'Ana', version: 1 });
		await shareFile(page, 'shared.deckhand.json', 'application/json', envelope(pack));

		await expect(page).toHaveURL(`${server.url}/import`);
		const dialog = page.getByRole('dialog', { name: 'Import Shared networking?' });
		await expect(dialog).toBeVisible();
		await expect(dialog.getByTestId('plan')).toHaveText('5 cards will be added as new.');
		// Nothing written before the learner confirms, and the stash is gone.
		expect(await snapshot(page)).toEqual(before);
		expect(await stashed(page)).toBe(false);
		await dialog.getByRole('button', { name: 'Import' }).click();
		await expect(page.getByTestId('import-done')).toHaveText('Imported Shared networking (version 1).');
	} finally {
		await server.stop();
	}
});

test('a shared file that is not a pack gets a plain error', { tag: '@phone' }, async ({ page }) => {
	const server = await startServer(pwaPort('offline'));
	try {
		await controlled(page, server.url);
		const before = await snapshot(page);
		await shareFile(page, 'holiday.txt', 'text/plain', 'Photos from the beach');
		await expect(page).toHaveURL(`${server.url}/import`);
		await expect(page.getByRole('alert')).toContainText('This file is not valid JSON');
		await expect(page.getByRole('dialog')).toHaveCount(0);
		expect(await stashed(page)).toBe(false);
		expect(await snapshot(page)).toEqual(before);
	} finally {
		await server.stop();
	}
});
