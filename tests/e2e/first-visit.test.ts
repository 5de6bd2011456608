import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// The built-in pack's figures, read the way the build reads them (scripts/vite/pack-figures.js).
const guide = JSON.parse(readFileSync('questions/docker-guide.pack.json', 'utf8')).pack as {
	title: string;
	cards: { sectionId: string }[];
	sections: { id: string; title: string; order: number }[];
};
const firstSection = [...guide.sections].sort((a, b) => a.order - b.order)[0]!;
const inFirst = guide.cards.filter((c) => c.sectionId === firstSection.id).length;
// Every built-in pack (the guide and the Docker Certified Associate pack) counts on the home page.
const total = ['docker-guide', 'dca']
	.map((name) => JSON.parse(readFileSync(`questions/${name}.pack.json`, 'utf8')).pack.cards.length as number)
	.reduce((a, b) => a + b, 0);

test('a first visit paints the built-in pack’s counts before its install has even fetched the pack', async ({
	page
}) => {
	// Hold the built-in packs' files: the install cannot finish until they are released.
	let release: () => void = () => {};
	const held = new Promise<void>((r) => (release = r));
	let asked = false;
	await page.route(/(docker-guide|dca)\.pack\.[^/]*json$/, async (route) => {
		asked = true;
		await held;
		await route.continue();
	});
	await page.goto('/');
	const counts = page.getByRole('definition');
	await expect(counts.nth(1)).toHaveText(String(total));
	await expect(counts.nth(0)).toHaveText('0');
	const pack = page.getByRole('region', { name: guide.title });
	await expect(pack.getByText(`0 due · ${guide.cards.length} new`, { exact: true })).toBeVisible();
	await expect(pack.getByText(firstSection.title, { exact: true })).toBeVisible();
	await expect(pack.getByText(`0 due · ${inFirst} new`).first()).toBeVisible();
	// Shown while the install waits on the pack file: the database has not answered yet.
	await expect.poll(() => asked).toBe(true);
	await expect(page.getByRole('term').first()).toBeVisible();
	await expect(page.getByTestId('new-count')).toHaveCount(0);

	release();
	// Installed: the same figures, now read from the database.
	await expect(page.getByTestId('new-count')).toHaveText(String(total), { timeout: 30_000 });
	await expect(page.getByTestId('due-count')).toHaveText('0');
	// The install ran in a worker, off the page's main thread (src/lib/state/builtin-install.ts).
	const installs = await page.evaluate(() =>
		performance
			.getEntriesByType('measure')
			.map((m) => m.name)
			.filter((name) => name.startsWith('deckhand:install-builtins'))
	);
	expect(installs).toEqual(['deckhand:install-builtins:worker']);
});

test('every page is prerendered: its heading and navigation are in the HTML the server sends', async ({
	request
}) => {
	for (const [path, heading] of <const>[
		['/', 'Today'],
		['/study', 'Study'],
		['/packs', 'Packs'],
		['/stats', 'Statistics'],
		['/exam', 'Exam simulation']
	]) {
		const res = await request.get(path);
		expect(res.status(), path).toBe(200);
		const html = await res.text();
		expect(html, path).toMatch(new RegExp(`<h1[^>]*>${heading}`));
		expect(html, path).toContain('aria-label="Main"');
	}
	// The built-in pack's title and sections are on the home page before any script runs.
	expect(await (await request.get('/')).text()).toContain(firstSection.title);
});

test('a deep link to a page that is not prerendered gets the app shell and renders on the client', async ({
	page
}) => {
	await page.goto('/exam/result/424242');
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	await expect(page.getByRole('alert')).toBeVisible();
	await page.goto('/study?cram=1');
	await expect(page.getByRole('heading', { name: /Study \(cram/ })).toBeAttached();
});

test('pages, scripts and the built-in pack come compressed, with Content-Encoding', async ({
	page,
	request
}) => {
	const scripts: string[] = [];
	let packUrl = '';
	page.on('request', (r) => {
		if (r.resourceType() === 'script') scripts.push(r.url());
		// The pack is fetched by the worker that installs it, so it is not in the page's own timeline.
		if (/docker-guide\.pack/.test(r.url())) packUrl = r.url();
	});
	await page.goto('/');
	await expect(page.getByTestId('new-count')).toBeVisible({ timeout: 30_000 });
	expect(scripts.length).toBeGreaterThan(0);
	expect(packUrl).toBeTruthy();
	for (const [url, accept, encoding] of [
		['/', 'br, gzip', 'br'],
		['/stats', 'gzip', 'gzip'],
		[scripts[0]!, 'br, gzip', 'br'],
		[packUrl, 'gzip', 'gzip']
	] as const) {
		const res = await request.get(url, { headers: { 'accept-encoding': accept } });
		expect(res.status(), url).toBe(200);
		expect(res.headers()['content-encoding'], url).toBe(encoding);
		expect(res.headers()['vary'], url).toMatch(/Accept-Encoding/i);
	}
	// A client that takes no compression gets the plain file.
	const plain = await request.get('/', { headers: { 'accept-encoding': 'identity' } });
	expect(plain.headers()['content-encoding']).toBeUndefined();
	expect(await plain.text()).toContain('<h1');
});
