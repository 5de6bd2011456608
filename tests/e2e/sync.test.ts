/**
 * Two browser contexts (a phone and a laptop, each with its own IndexedDB) on the production build,
 * both synced through the project's own sync server, started here by its script and stopped by its pid.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test, type Page } from '@playwright/test';
import { startSyncServer, type SyncServer } from '../fixtures/sync-server';
import { answerCard, gradeCard } from './answer-card';

let server: SyncServer;

test.beforeAll(async () => {
	server = await startSyncServer();
});
test.afterAll(async () => {
	await server?.stop();
});

/** Opens Settings; Sync now is enabled once the form's script runs and has read the saved sync settings. */
async function openSettings(page: Page): Promise<void> {
	await page.goto('/settings');
	await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();
}

async function setUpSync(page: Page, url: string): Promise<void> {
	await openSettings(page);
	await page.getByRole('textbox', { name: 'Server URL' }).fill(url);
	await page.getByRole('textbox', { name: 'User name' }).fill('learner');
	await page.getByLabel('Password').fill('learner');
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Last synced' })).toHaveText(
		'Last synced just now.'
	);
	// The password is not kept on the page (the server's session cookie is).
	await expect(page.getByLabel('Password')).toHaveValue('');
}

async function syncNow(page: Page): Promise<void> {
	await openSettings(page);
	const line = page.getByRole('status').filter({ hasText: /Last synced|Syncing/ });
	await expect(line).toBeVisible();
	// A sync the page started by itself (on open) is joined, not doubled: wait for it first.
	await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();
	await expect(line).toHaveText('Last synced just now.');
}

async function gradeThree(page: Page): Promise<void> {
	await page.goto('/study');
	// Today's session resumes with the grades it already holds.
	const progress = page.getByText(/\d+ reviewed/);
	await expect(progress).toBeVisible();
	const done = Number(/(\d+) reviewed/.exec((await progress.textContent()) ?? '')?.[1]);
	for (const [i, grade] of (['Good', 'Easy', 'Hard'] as const).entries()) {
		// New cards mix kinds: each is answered its own way, then graded.
		await answerCard(page);
		await gradeCard(page, grade);
		await expect(page.getByText(`${done + i + 1} reviewed`)).toBeVisible();
	}
}

async function counts(page: Page): Promise<{ due: string; fresh: string; today: string }> {
	await page.goto('/');
	const today = page.getByTestId('today');
	await expect(today).toBeVisible();
	return {
		due: (await page.getByTestId('due-count').textContent()) ?? '',
		fresh: (await page.getByTestId('new-count').textContent()) ?? '',
		today: (await today.textContent())?.replace(/\s+/g, ' ').trim() ?? ''
	};
}

test('two devices synced through the server see each other’s reviews and the same counts @desktop', async ({
	browser
}) => {
	const url = await server.createDatabase(`e2e${Date.now()}`);
	const phone = await (await browser.newContext()).newPage();
	const laptop = await (await browser.newContext()).newPage();
	await counts(phone);
	const start = await counts(laptop);
	await setUpSync(phone, url);
	await setUpSync(laptop, url);

	await gradeThree(phone);
	await syncNow(phone);
	await syncNow(laptop);
	const afterPhone = await counts(laptop);
	expect(afterPhone.today).toMatch(/^Today: 3 reviews done/);
	expect(Number(afterPhone.fresh)).toBe(Number(start.fresh) - 3);
	expect(await counts(phone)).toEqual(afterPhone);

	// And the other way round.
	await gradeThree(laptop);
	await syncNow(laptop);
	await syncNow(phone);
	const afterLaptop = await counts(phone);
	expect(afterLaptop.today).toMatch(/^Today: 6 reviews done/);
	expect(Number(afterLaptop.fresh)).toBe(Number(start.fresh) - 6);
	expect(await counts(laptop)).toEqual(afterLaptop);

	// With the switch on, the laptop syncs by itself when it opens (and after each session).
	await openSettings(laptop);
	await laptop.getByRole('switch', { name: 'Sync on open and after each session' }).check();
	await expect(laptop.getByRole('status').filter({ hasText: 'Last synced' })).toHaveText(
		'Last synced just now.'
	);
	await gradeThree(phone);
	await syncNow(phone);
	await laptop.goto('/');
	await expect(laptop.getByTestId('today')).toContainText('Today: 9 reviews done');
	expect(await counts(laptop)).toEqual(await counts(phone));
});

test('offline, sync waits, and runs once the device is back online @desktop', async ({ page, context }) => {
	await setUpSync(page, await server.createDatabase(`off${Date.now()}`));
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Sync now' }).click();
	const line = page.getByRole('status').filter({ hasText: /synced|Offline:|Syncing/ });
	await expect(line).toHaveText('Offline: sync waits until you are back online.');
	await context.setOffline(false);
	await expect(line).toHaveText('Last synced just now.');
});

test('a wrong password gets a plain answer and nothing syncs @desktop', async ({ page }) => {
	await openSettings(page);
	await page.getByRole('textbox', { name: 'Server URL' }).fill(server.url);
	await page.getByRole('textbox', { name: 'User name' }).fill('learner');
	await page.getByLabel('Password').fill('wrong');
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'password' })).toHaveText(
		'Wrong user name or password.'
	);
	await page.getByRole('textbox', { name: 'Server URL' }).fill('not a url');
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(page.getByRole('alert')).toContainText('The Server URL should be a CouchDB database address');
});

/** The static host of a published catalogue (this repository's own script), stopped by its pid. */
function startHost(dir: string): Promise<{ child: ChildProcess; port: number }> {
	const child = spawn(process.execPath, ['tests/e2e/catalogue-server.mjs', '--dir', dir], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	return new Promise((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`the catalogue server exited (${code})`)));
		createInterface({ input: child.stdout! }).on('line', (line) => {
			const m = /^listening (\d+)$/.exec(line);
			if (m) resolve({ child, port: Number(m[1]) });
		});
	});
}

const NOTES = `# Team notes

## Networking

- **Bridge**: the default network driver for containers on one host.
- **Overlay**: a network that spans several Docker hosts in a swarm.
- **Host**: removes network isolation between the container and the host.
`;

test('a subscription made on one device brings its pack to the other, with its reviews; unsubscribing follows @desktop', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const dir = mkdtempSync(join(tmpdir(), 'deckhand-sync-catalogue-'));
	const site = join(dir, 'site');
	const host = await startHost(site);
	try {
		writeFileSync(join(dir, 'notes.md'), NOTES);
		const out = execFileSync(
			process.execPath,
			[
				'scripts/cli/deckhand.js',
				'publish',
				join(dir, 'notes.md'),
				'-o',
				site,
				'--url',
				`http://127.0.0.1:${host.port}/`,
				'--app',
				baseURL!,
				'--title',
				'Team packs',
				'--json'
			],
			{ encoding: 'utf8' }
		);
		const link = (JSON.parse(out) as { packs: { subscribe: string }[] }).packs[0]!.subscribe;
		const url = await server.createDatabase(`subs${Date.now()}`);
		const phone = await (await browser.newContext()).newPage();
		const laptop = await (await browser.newContext()).newPage();
		await setUpSync(phone, url);
		await setUpSync(laptop, url);

		// The phone subscribes (preview, then Import) and studies one card of the pack.
		await phone.goto(link);
		await expect(phone.getByRole('heading', { name: 'Team packs' })).toBeVisible();
		await phone.getByRole('button', { name: 'Install Team notes' }).click();
		await phone
			.getByRole('dialog', { name: 'Import Team notes?' })
			.getByRole('button', { name: 'Import' })
			.click();
		await expect(phone.getByTestId('subscribe-done')).toContainText('Subscribed: Team notes (version 1)');
		await phone.goto('/study?pack=notes');
		await answerCard(phone);
		await gradeCard(phone, 'Good');
		await expect(phone.getByText('1 reviewed')).toBeVisible();

		await syncNow(phone);
		await syncNow(laptop);
		// The laptop has the subscription and its pack, downloaded and checked against the catalogue.
		await laptop.goto('/packs');
		const subscriptions = laptop.getByRole('region', { name: 'Subscriptions' });
		await expect(subscriptions.getByRole('heading', { name: 'Team packs' })).toBeVisible();
		await expect(laptop.getByRole('heading', { name: 'Team notes' })).toBeVisible();
		// The review made on the phone lands on its card: the same counts on both.
		const onLaptop = await counts(laptop);
		expect(onLaptop.today).toMatch(/^Today: 1 review done/);
		expect(await counts(phone)).toEqual(onLaptop);

		// The laptop unsubscribes (keeping the pack); after a sync the phone is unsubscribed too.
		await laptop.goto('/packs');
		await subscriptions.getByRole('button', { name: 'Remove subscription Team packs' }).click();
		await laptop
			.getByRole('dialog', { name: 'Remove the subscription Team packs?' })
			.getByRole('button', { name: 'Remove subscription' })
			.click();
		await expect(subscriptions.getByRole('heading', { name: 'Team packs' })).toHaveCount(0);
		await syncNow(laptop);
		await syncNow(phone);
		await phone.goto('/packs');
		await expect(phone.getByRole('region', { name: 'Subscriptions' })).toContainText('None yet.');
		await expect(phone.getByRole('heading', { name: 'Team notes' })).toBeVisible();
	} finally {
		if (host.child.exitCode === null && host.child.pid !== undefined) {
			const exited = new Promise<void>((resolve) => host.child.once('exit', () => resolve()));
			process.kill(host.child.pid, 'SIGTERM');
			await exited;
		}
		rmSync(dir, { recursive: true, force: true });
	}
});
