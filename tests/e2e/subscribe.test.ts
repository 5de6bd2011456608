import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readStores, snapshot } from './idb';

/** The static host: this repository's own script, started here and stopped by its pid. */
interface Host {
	child: ChildProcess;
	port: number;
	log: { method: string; path: string; ifNoneMatch: string | null; status: number }[];
}

function startHost(dir: string): Promise<Host> {
	const child = spawn(process.execPath, ['tests/e2e/catalogue-server.mjs', '--dir', dir], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const host: Host = { child, port: 0, log: [] };
	return new Promise((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`the catalogue server exited (${code})`)));
		createInterface({ input: child.stdout! }).on('line', (line) => {
			const listening = /^listening (\d+)$/.exec(line);
			if (listening) {
				host.port = Number(listening[1]);
				resolve(host);
			} else host.log.push(JSON.parse(line));
		});
	});
}

function stopHost(host: Host): Promise<void> {
	if (host.child.exitCode !== null || host.child.pid === undefined) return Promise.resolve();
	const exited = new Promise<void>((resolve) => host.child.once('exit', () => resolve()));
	process.kill(host.child.pid, 'SIGTERM');
	return exited;
}

function publish(site: string, port: number, app: string, inputs: string[]) {
	const out = execFileSync(
		process.execPath,
		[
			'scripts/cli/deckhand.js',
			'publish',
			...inputs,
			'-o',
			site,
			'--url',
			`http://127.0.0.1:${port}/`,
			'--app',
			app,
			'--title',
			'Team packs',
			'--json'
		],
		{ encoding: 'utf8' }
	);
	return JSON.parse(out) as {
		ok: boolean;
		packs: { id: string; version: number; subscribe: string; page: string }[];
	};
}

const NOTES = `# Team notes

## Networking

- **Bridge**: the default network driver for containers on one host.
- **Overlay**: a network that spans several Docker hosts in a swarm.
- **Host**: removes network isolation between the container and the host.

## Storage

- **Volume**: storage managed by Docker, kept outside the container layer.
- **Bind mount**: a file or folder of the host mounted into a container.
`;

type State = { packId: string; cardId: string; state: string; reps: number; due: number; stability: number };
type PackFile = {
	format: string;
	formatVersion: number;
	pack: { id: string; version: number; cards: Record<string, unknown>[] };
};

/** Answers whatever card is shown, then grades it Good. */
async function studyOne(page: Page, reviewed: number) {
	const show = page.getByRole('button', { name: 'Show answer' });
	const truth = page.getByRole('button', { name: 'True', exact: true });
	const blank = page.getByRole('textbox', { name: 'Missing word' });
	await expect(show.or(truth).or(blank)).toBeVisible();
	if (await show.isVisible()) await show.click();
	else if (await truth.isVisible()) await truth.click();
	else {
		await blank.fill('bridge');
		await page.getByRole('button', { name: 'Check' }).click();
	}
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(page.getByText(`${reviewed} reviewed`)).toBeVisible();
}

/** No accessibility violations on the page as it is now. */
async function scan(page: Page, where: string) {
	const r = await new AxeBuilder({ page }).analyze();
	expect(r.violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

const packStates = async (page: Page) =>
	((await readStores(page, ['states'])).states as State[]).filter((s) => s.packId === 'notes');

test('publish, subscribe, study, publish v2: the update keeps progress; a wrong hash, a 20 MB+ file and a host that is down change nothing @desktop', async ({
	page,
	baseURL
}) => {
	test.setTimeout(120_000);
	const dir = mkdtempSync(join(tmpdir(), 'deckhand-catalogue-'));
	const site = join(dir, 'site');
	const host = await startHost(site);
	try {
		writeFileSync(join(dir, 'notes.md'), NOTES);
		const v1 = publish(site, host.port, baseURL!, [join(dir, 'notes.md')]);
		expect(v1.packs.map((p) => [p.id, p.version])).toEqual([['notes', 1]]);

		// The pack's page, as a team lead posts it: its subscribe link opens the app's subscribe screen.
		await page.goto(`http://127.0.0.1:${host.port}/${v1.packs[0]!.page}`);
		await expect(page.getByRole('img', { name: /QR code of the subscribe link/ })).toBeVisible();
		await page.getByRole('link', { name: 'Subscribe in Deckhand' }).click();
		await expect(page).toHaveURL(/\/subscribe\?url=/);
		await expect(page.getByRole('heading', { name: 'Team packs' })).toBeVisible();
		await scan(page, 'subscribe screen');
		const before = await snapshot(page);
		await page.getByRole('button', { name: 'Install Team notes' }).click();
		const dialog = page.getByRole('dialog', { name: 'Import Team notes?' });
		await expect(dialog.getByTestId('plan')).toHaveText(/cards will be added as new\./);
		// The preview rules of import: nothing is written before the learner confirms.
		expect(await snapshot(page)).toEqual(before);
		expect((await readStores(page, ['subscriptions'])).subscriptions).toEqual([]);
		await dialog.getByRole('button', { name: 'Import' }).click();
		await expect(page.getByTestId('subscribe-done')).toContainText('Subscribed: Team notes (version 1)');

		// Study three cards of the pack.
		await page.goto('/study?pack=notes');
		for (let i = 1; i <= 3; i++) await studyOne(page, i);
		const studied = new Map(
			(await packStates(page)).filter((s) => s.state !== 'new').map((s) => [s.cardId, s])
		);
		expect(studied.size).toBe(3);

		// Version 2: one studied card changed, one card added, one card (not studied) removed.
		const file = JSON.parse(readFileSync(join(site, 'packs/notes.deckhand.json'), 'utf8')) as PackFile;
		const [changedId] = [...studied.keys()];
		const removed = file.pack.cards.findLast((c) => !studied.has(c.id as string))!;
		const template = file.pack.cards.find((c) => c.kind === 'flashcard')!;
		file.pack.version = 2;
		file.pack.cards = [
			...file.pack.cards
				.filter((c) => c !== removed)
				.map((c) => (c.id === changedId ? { ...c, why: 'Reworded in version 2.' } : c)),
			{ ...template, id: 'added-in-v2', front: 'Which driver spans hosts?', back: 'overlay' }
		];
		writeFileSync(join(dir, 'notes-v2.json'), JSON.stringify(file));
		publish(site, host.port, baseURL!, [join(dir, 'notes-v2.json')]);

		// Open the app some hours later: it asks the catalogue by itself and says an update is available.
		await page.clock.install({ time: Date.now() + 5 * 60 * 60 * 1000 });
		await page.goto('/');
		await expect(
			page.getByRole('status').filter({ hasText: 'Pack update available: Team notes' })
		).toBeVisible();
		await page.getByRole('link', { name: 'Review on Packs' }).click();
		const update = page.getByRole('group', { name: 'Update available' });
		await expect(update).toContainText(
			'Version 2 of Team notes is available from Team packs (you have version 1)'
		);
		await expect(update.getByTestId('update-plan')).toContainText('1 card edited, progress kept.');
		await expect(update.getByTestId('update-plan')).toContainText('1 card added as new.');
		await expect(update.getByTestId('update-plan')).toContainText('1 card retired');
		await scan(page, 'packs page with an update');
		await update.getByRole('button', { name: 'Update Team notes' }).click();
		await expect(page.getByTestId('updates-status')).toContainText('Updated Team notes to version 2.');
		await expect(page.getByRole('group', { name: 'Update available' })).toHaveCount(0);

		const after = await readStores(page, ['states', 'packs', 'retired', 'logs', 'cards']);
		const now = new Map(
			(after.states as State[]).filter((s) => s.packId === 'notes').map((s) => [s.cardId, s])
		);
		// The schedule of every studied card is kept (its place in the pack may move with the update).
		const schedule = (s: State | undefined) => s && { ...s, order: undefined };
		for (const [id, s] of studied) expect(schedule(now.get(id))).toEqual(schedule(s));
		// The added card is new: it has no state until it is reviewed (schema version 8).
		expect(now.has('added-in-v2')).toBe(false);
		expect(now.has(removed.id as string)).toBe(false);
		expect((after.retired as { packId: string; id: string }[]).map((r) => `${r.packId}/${r.id}`)).toEqual([
			`notes/${removed.id}`
		]);
		expect((after.logs as { packId: string }[]).filter((l) => l.packId === 'notes')).toHaveLength(3);
		expect((after.packs as { id: string; version: number }[]).find((p) => p.id === 'notes')?.version).toBe(2);
		const edited = (after.cards as { packId: string; id: string; why?: string }[]).find(
			(c) => c.packId === 'notes' && c.id === changedId
		);
		expect(edited?.why).toBe('Reworded in version 2.');

		// Nothing changed on the host: the browser asks with If-None-Match and a 304 comes back.
		const check = page.getByRole('button', { name: 'Check for updates' });
		await check.click();
		await expect(page.getByTestId('updates-status')).toHaveText('Your subscribed packs are up to date.');
		expect(host.log.some((l) => l.path === '/index.json' && l.ifNoneMatch !== null && l.status === 304)).toBe(
			true
		);

		const installed = await snapshot(page);

		// A catalogue whose SHA-256 does not match its file: refused in plain words, nothing written.
		file.pack.version = 3;
		writeFileSync(join(dir, 'notes-v3.json'), JSON.stringify(file));
		publish(site, host.port, baseURL!, [join(dir, 'notes-v3.json')]);
		const index = JSON.parse(readFileSync(join(site, 'index.json'), 'utf8'));
		index.packs[0].sha256 = '0'.repeat(64);
		writeFileSync(join(site, 'index.json'), JSON.stringify(index));
		await check.click();
		await expect(page.getByRole('group', { name: 'Update available' })).toContainText(
			"does not match the catalogue's SHA-256 fingerprint"
		);
		await expect(page.getByRole('button', { name: 'Update Team notes' })).toHaveCount(0);
		expect(await snapshot(page)).toEqual(installed);

		// A pack file past 20 MB: the download stops at the limit, nothing written.
		index.packs[0].version = 4;
		writeFileSync(
			join(site, 'packs/notes.deckhand.json'),
			JSON.stringify(file) + ' '.repeat(21 * 1024 * 1024)
		);
		writeFileSync(join(site, 'index.json'), JSON.stringify(index));
		await check.click();
		await expect(page.getByRole('group', { name: 'Update available' })).toContainText('larger than 20.0 MB');
		expect(await snapshot(page)).toEqual(installed);

		// The host is down: said in plain words, nothing written.
		await stopHost(host);
		await check.click();
		await expect(page.getByText(/Last check: Could not reach 127\.0\.0\.1/)).toBeVisible();
		expect(await snapshot(page)).toEqual(installed);

		// Removing the subscription keeps the pack and its progress.
		await page.getByRole('button', { name: 'Remove subscription Team packs' }).click();
		const remove = page.getByRole('dialog', { name: 'Remove the subscription Team packs?' });
		await expect(
			remove.getByRole('checkbox', { name: /Also remove its pack \(Team notes\)/ })
		).not.toBeChecked();
		await remove.getByRole('button', { name: 'Remove subscription' }).click();
		await expect(page.getByTestId('updates-status')).toContainText('Unsubscribed from Team packs.');
		expect((await readStores(page, ['subscriptions', 'packSources'])).subscriptions).toEqual([]);
		expect(await snapshot(page)).toEqual(installed);
		await expect(page.getByRole('heading', { name: 'Team notes', level: 2 })).toBeVisible();
	} finally {
		await stopHost(host);
		rmSync(dir, { recursive: true, force: true });
	}
});

test('subscribe to one pack file from the Packs page: preview first, then it is installed with its source', async ({
	page,
	baseURL
}) => {
	const dir = mkdtempSync(join(tmpdir(), 'deckhand-catalogue-'));
	const site = join(dir, 'site');
	const host = await startHost(site);
	try {
		writeFileSync(join(dir, 'notes.md'), NOTES);
		publish(site, host.port, baseURL!, [join(dir, 'notes.md')]);
		await page.goto('/packs');
		await expect(page.getByRole('heading', { name: 'Docker study guide' })).toBeVisible();
		await page.getByRole('button', { name: 'Subscribe' }).click();
		const field = page.getByRole('textbox', { name: 'Catalogue or pack URL' });
		await field.fill('http://team.example.org/');
		await page.getByRole('button', { name: 'Subscribe' }).click();
		await expect(page.getByRole('alert')).toContainText('Only https:// addresses can be subscribed to');

		await field.fill(`http://127.0.0.1:${host.port}/packs/notes.deckhand.json`);
		const before = await snapshot(page);
		await page.getByRole('button', { name: 'Subscribe' }).click();
		const dialog = page.getByRole('dialog', { name: 'Import Team notes?' });
		await expect(dialog.getByTestId('plan')).toHaveText(/cards will be added as new\./);
		expect(await snapshot(page)).toEqual(before);
		await dialog.getByRole('button', { name: 'Import' }).click();
		await expect(page.getByTestId('subscribe-done')).toContainText('Team notes (version 1) is installed');
		await expect(page.getByRole('heading', { name: 'Team notes', level: 2 })).toBeVisible();
		const { subscriptions, packSources } = await readStores(page, ['subscriptions', 'packSources']);
		expect(subscriptions).toMatchObject([
			{ kind: 'pack', title: 'Team notes', url: `http://127.0.0.1:${host.port}/packs/notes.deckhand.json` }
		]);
		expect(packSources).toEqual([
			{ packId: 'notes', url: `http://127.0.0.1:${host.port}/packs/notes.deckhand.json` }
		]);
		await page.getByRole('button', { name: 'Check for updates' }).click();
		await expect(page.getByTestId('updates-status')).toHaveText('Your subscribed packs are up to date.');

		// The one update setting lives in Settings, beside (not inside) the study settings.
		await page.goto('/settings');
		const auto = page.getByRole('checkbox', { name: 'Apply updates from subscriptions without asking' });
		await expect(auto).not.toBeChecked();
		await auto.check();
		await expect
			.poll(async () => (await readStores(page, ['settings'])).settings)
			.toContainEqual({ key: 'updates', value: { autoApply: true } });
		await page.reload();
		await expect(auto).toBeChecked();
		const { settings } = await readStores(page, ['settings']);
		expect(settings).toContainEqual({ key: 'updates', value: { autoApply: true } });
	} finally {
		await stopHost(host);
		rmSync(dir, { recursive: true, force: true });
	}
});
