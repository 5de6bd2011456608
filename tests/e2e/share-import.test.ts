import { expect, test } from '@playwright/test';
import type { Card } from '../../src/lib/core/pack/types';
import { flashcard, makePack } from '../fixtures/pack-factory';
import { importFile, readStores, snapshot } from './idb';
import { answerCard, gradeCard } from './answer-card';

const envelope = (pack: unknown) => JSON.stringify({ format: 'deckhand-pack', formatVersion: 1, pack });

test('imports a pack file after a preview, then exports the same file', async ({ page }) => {
	const pack = makePack(6, { id: 'team-net', title: 'Team networking', author: 'Ana', version: 2 });
	await page.goto('/packs');
	await expect(page.getByRole('heading', { name: 'Docker study guide' })).toBeVisible();
	const before = await snapshot(page);
	await importFile(page, 'team-net.deckhand.json', envelope(pack));

	const dialog = page.getByRole('dialog', { name: 'Import Team networking?' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByText('Ana')).toBeVisible();
	await expect(dialog.getByTestId('plan')).toHaveText('6 cards will be added as new.');
	await expect(dialog.getByText('Section 2 (2)')).toBeVisible();
	// Nothing is written before the learner confirms.
	expect(await snapshot(page)).toEqual(before);
	await dialog.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByTestId('import-done')).toHaveText('Imported Team networking (version 2).');
	await expect(page.getByRole('heading', { name: 'Team networking' })).toBeVisible();

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export Team networking' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('team-net-v2.deckhand.json');
	const stream = await file.createReadStream();
	const chunks: Buffer[] = [];
	for await (const c of stream) chunks.push(c as Buffer);
	// A format 1 file comes back as the same pack in the current format (2 only added optional fields).
	expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual({
		...JSON.parse(envelope(pack)),
		formatVersion: 2
	});
});

test('study part of a pack, import version 2 with one changed and one new card: every card has the right state', async ({
	page
}) => {
	const v1 = makePack(4, { id: 'upd', title: 'Update me', version: 1, sectionCount: 1 });
	await page.goto('/packs');
	await importFile(page, 'upd.json', envelope(v1));
	await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
	await expect(page.getByTestId('import-done')).toContainText('Imported Update me');

	// Study this pack until two of its cards have been graded.
	await page.goto('/study?pack=upd');
	for (let i = 0; i < 40; i++) {
		const { states } = await readStores(page, ['states']);
		const studied = (states as { packId: string; state: string }[]).filter(
			(s) => s.packId === 'upd' && s.state !== 'new'
		);
		if (studied.length >= 2) break;
		// New cards mix kinds: each card on the way is answered its own way.
		await answerCard(page);
		await gradeCard(page, 'Good');
		await expect(page.getByText(`${i + 1} reviewed`)).toBeVisible();
	}
	type S = { packId: string; cardId: string; state: string; reps: number; due: number; stability: number };
	const before = (await readStores(page, ['states'])).states as S[];
	const mine = new Map(before.filter((s) => s.packId === 'upd').map((s) => [s.cardId, s]));
	const studied = [...mine.values()].filter((s) => s.state !== 'new').map((s) => s.cardId);
	expect(studied.length).toBeGreaterThanOrEqual(2);

	// Version 2: the first studied card is edited (same id), a new card c5 is added, and c4 is dropped
	// (retired) unless the session happened to study it.
	const [c1, c2, c3, c4] = v1.cards as [Card, Card, Card, Card];
	const changedId = studied[0]!;
	const cards = [c1, c2, c3, c4]
		.filter((c) => c.id !== 'c4' || studied.includes('c4'))
		.map((c) => (c.id === changedId ? ({ ...c, back: 'A corrected answer.' } as Card) : c));
	const removed = studied.includes('c4') ? [] : ['c4'];
	const v2 = makePack(0, {
		id: 'upd',
		title: 'Update me',
		version: 2,
		sectionCount: 1,
		cards: [...cards, flashcard('c5', 's1', 'New question', 'New answer')]
	});
	await page.goto('/packs');
	await importFile(page, 'upd-v2.json', envelope(v2));
	const plan = page.getByRole('dialog').getByTestId('plan');
	await expect(plan).toContainText('Updates version 1 to version 2.');
	await expect(plan).toContainText('1 card edited, progress kept.');
	await expect(plan).toContainText('1 card added as new.');
	await page.getByRole('dialog').getByRole('button', { name: 'Update to version 2' }).click();
	await expect(page.getByTestId('import-done')).toContainText('version 2');

	const after = await readStores(page, ['states', 'cards', 'retired', 'packs']);
	const now = new Map((after.states as S[]).filter((s) => s.packId === 'upd').map((s) => [s.cardId, s]));
	for (const c of v2.cards) {
		// A new card has no stored state until it is reviewed.
		if (c.id === 'c5') expect(now.has('c5')).toBe(false);
		else expect(now.get(c.id)).toEqual(mine.get(c.id));
	}
	for (const id of removed) {
		expect(now.has(id)).toBe(false);
		const retired = (after.retired as { packId: string; id: string; state: S }[]).find(
			(r) => r.packId === 'upd' && r.id === id
		);
		// A retired card keeps its state; one never reviewed had none to keep.
		expect(retired?.state ?? undefined).toEqual(mine.get(id));
	}
	const edited = (after.cards as { packId: string; id: string; back?: string }[]).find(
		(c) => c.packId === 'upd' && c.id === changedId
	);
	expect(edited?.back).toBe('A corrected answer.');
	expect((after.cards as { packId: string }[]).filter((c) => c.packId === 'upd')).toHaveLength(
		v2.cards.length
	);
	expect((after.packs as { id: string; version: number }[]).find((p) => p.id === 'upd')?.version).toBe(2);
});

test('an older version asks before replacing; cancelling changes nothing', async ({ page }) => {
	await page.goto('/packs');
	await importFile(page, 'v3.json', envelope(makePack(3, { id: 'old', title: 'Old', version: 3 })));
	await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
	await expect(page.getByTestId('import-done')).toContainText('Imported Old');
	const before = await snapshot(page);
	await importFile(page, 'v2.json', envelope(makePack(2, { id: 'old', title: 'Old', version: 2 })));
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByTestId('plan')).toContainText(
		'This is version 2, older than the installed version 3.'
	);
	await expect(dialog.getByRole('button', { name: 'Replace with version 2' })).toBeVisible();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	expect(await snapshot(page)).toEqual(before);
});

test('share link with a QR code imports the same cards on a fresh profile', async ({ page, browser }) => {
	await page.goto('/packs');
	await importFile(page, 'small.json', envelope(makePack(5, { id: 'small', title: 'Small pack' })));
	await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
	await page.getByRole('button', { name: 'Share Small pack' }).click();
	const share = page.getByRole('dialog', { name: 'Share Small pack' });
	const link = await share.getByLabel(/^Link/).inputValue();
	expect(link).toMatch(/\/import#pack=1\.[A-Za-z0-9_-]+$/);
	await expect(share.getByRole('img', { name: 'QR code of the share link' })).toBeVisible();
	await expect(share.getByRole('button', { name: /Copy link|Share…/ }).first()).toBeVisible();
	const cards = ((await readStores(page, ['cards'])).cards as { packId: string }[]).filter(
		(c) => c.packId === 'small'
	);

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto(link);
	const dialog = other.getByRole('dialog', { name: 'Import Small pack?' });
	await expect(dialog.getByTestId('plan')).toHaveText('5 cards will be added as new.');
	await dialog.getByRole('button', { name: 'Import' }).click();
	await expect(other.getByTestId('import-done')).toContainText('Imported Small pack');
	const theirs = ((await readStores(other, ['cards'])).cards as { packId: string }[]).filter(
		(c) => c.packId === 'small'
	);
	expect(theirs).toEqual(cards);
	await fresh.close();
});

test('a damaged share link and an unreachable URL are explained, and nothing changes', async ({
	page,
	context
}) => {
	await page.goto('/packs');
	await expect(page.getByRole('heading', { name: 'Docker study guide' })).toBeVisible();
	const before = await snapshot(page);
	await page.goto('/import#pack=1.AAAA');
	await expect(page.getByRole('alert')).toContainText('This link is damaged');
	await page.goto('/import?url=' + encodeURIComponent('http://team.example/pack.deckhand.json'));
	await expect(page.getByRole('alert')).toContainText('Only https:// addresses can be imported');
	await page.goto('/import?url=' + encodeURIComponent('https://127.0.0.1:9/pack.deckhand.json'));
	await expect(page.getByRole('alert')).toContainText('does not let other sites read its files');
	await context.setOffline(true);
	await page.evaluate(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
	await expect(page.getByRole('alert')).toContainText('You are offline');
	await context.setOffline(false);
	expect(await snapshot(page)).toEqual(before);
});

test('reset progress and remove a pack, each after a confirmation', async ({ page }) => {
	await page.goto('/packs');
	await importFile(page, 'rm.json', envelope(makePack(2, { id: 'rm', title: 'Removable' })));
	await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('heading', { name: 'Removable' })).toBeVisible();

	await page.getByRole('button', { name: 'Reset progress of Removable' }).click();
	await page
		.getByRole('dialog', { name: 'Reset Removable?' })
		.getByRole('button', { name: 'Reset progress' })
		.click();
	await expect(page.getByText('every card is new again')).toBeVisible();

	await page.getByRole('button', { name: 'Remove Removable' }).click();
	const confirm = page.getByRole('dialog', { name: 'Remove Removable?' });
	await confirm.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('heading', { name: 'Removable' })).toBeVisible();
	await page.getByRole('button', { name: 'Remove Removable' }).click();
	await confirm.getByRole('button', { name: 'Remove pack' }).click();
	await expect(page.getByRole('heading', { name: 'Removable' })).toBeHidden();
	const left = (await readStores(page, ['packs', 'cards', 'states'])) as Record<
		string,
		{ id?: string; packId?: string }[]
	>;
	expect(left.packs!.map((p) => p.id)).not.toContain('rm');
	expect(left.cards!.filter((c) => c.packId === 'rm')).toEqual([]);
	expect(left.states!.filter((s) => s.packId === 'rm')).toEqual([]);
	// The built-in pack cannot be removed (it would come back), only reset.
	await expect(page.getByRole('button', { name: 'Remove Docker study guide' })).toHaveCount(0);
});

test(
	'a team lead turns notes into a pack, previews it and adds it',
	{ tag: '@desktop' },
	async ({ page }) => {
		await page.goto('/author');
		await page
			.getByLabel(/Markdown notes/)
			.fill(
				'## Volumes\n\n- **volume**: storage managed by Docker\n- **bind mount**: a host path mounted into a container\n'
			);
		await page.getByLabel('Title').fill('Team volumes');
		await page.getByLabel('Version').fill('3');
		await page.getByRole('button', { name: 'Make pack' }).click();
		await expect(
			page.getByRole('heading', { name: /^Team volumes, version 3: \d+ questions$/ })
		).toBeVisible();
		await expect(page.getByText('a host path mounted into a container').first()).toBeVisible();
		await page.getByRole('button', { name: 'Add to my packs' }).click();
		await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
		await expect(page.getByTestId('import-done')).toContainText('Imported Team volumes (version 3)');
	}
);

test('a pack file dropped on the Packs page opens the same preview', async ({ page }) => {
	await page.goto('/packs');
	const text = JSON.stringify({
		format: 'deckhand-pack',
		formatVersion: 1,
		pack: makePack(2, { id: 'dropped', title: 'Dropped pack' })
	});
	const transfer = await page.evaluateHandle((json) => {
		const dt = new DataTransfer();
		dt.items.add(new File([json], 'dropped.deckhand.json', { type: 'application/json' }));
		return dt;
	}, text);
	const zone = page.getByTestId('drop-zone');
	const dialog = page.getByRole('dialog', { name: 'Import Dropped pack?' });
	// The zone's button is disabled until the page's script has started (a drop before that is the
	// browser's); once it is enabled, one drop opens the preview.
	await expect(zone.getByRole('button', { name: 'Import pack' })).toBeEnabled();
	await zone.dispatchEvent('dragover', { dataTransfer: transfer });
	await zone.dispatchEvent('drop', { dataTransfer: transfer });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByTestId('plan')).toHaveText('2 cards will be added as new.');
	await dialog.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByTestId('import-done')).toContainText('Imported Dropped pack');
});

test('/import?url= downloads a hosted pack and previews it', async ({ page }) => {
	const body = envelope(makePack(3, { id: 'hosted', title: 'Hosted pack' }));
	await page.route('https://team.example/hosted.deckhand.json', (route) =>
		route.fulfill({ body, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' } })
	);
	await page.goto('/import?url=' + encodeURIComponent('https://team.example/hosted.deckhand.json'));
	const dialog = page.getByRole('dialog', { name: 'Import Hosted pack?' });
	await expect(dialog.getByTestId('plan')).toHaveText('3 cards will be added as new.');
	await dialog.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByTestId('import-done')).toContainText('Imported Hosted pack');
	await expect(page.getByRole('link', { name: 'Study now' })).toBeVisible();
});

test(
	'a large pack is written as one record, then its cards are listed',
	{ tag: '@desktop' },
	async ({ page }) => {
		const pack = makePack(6_000, { id: 'large', title: 'Large pack' });
		await page.goto('/packs');
		await expect(page.getByRole('heading', { name: 'Docker study guide' })).toBeVisible();
		await importFile(page, 'large.deckhand.json', envelope(pack));
		const dialog = page.getByRole('dialog', { name: 'Import Large pack?' });
		await expect(dialog.getByTestId('plan')).toHaveText('6000 cards will be added as new.');
		await dialog.getByRole('button', { name: 'Import' }).click();
		// The 6,000 cards are written as one record (schema version 8), too fast to watch the progress.
		await expect(page.getByTestId('import-done')).toHaveText('Imported Large pack (version 1).', {
			timeout: 60_000
		});
		const stores = await readStores(page, ['cards', 'states']);
		const ofPack = (rows: unknown[] | undefined) =>
			(rows as { packId: string }[]).filter((r) => r.packId === 'large').length;
		expect(ofPack(stores.cards)).toBe(6_000);
		// New cards have no stored state.
		expect(ofPack(stores.states)).toBe(0);
	}
);
