/**
 * A prerendered page is on screen before its script has started. Its controls are disabled until then
 * (one fieldset around the page), so a tap that early is visibly refused instead of lost; once the
 * script has started, the same tap works. The script is held back by the test to make the window wide.
 */
import { expect, test, type Page } from '@playwright/test';

/** Holds the page's boot script until `release` is called. */
async function holdScript(page: Page): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/entry/start.*.js', async (route) => {
		await held;
		await route.continue();
	});
	return release;
}

test('Import pack tapped before the script has started is disabled, then opens the file chooser', async ({
	page
}) => {
	const release = await holdScript(page);
	await page.goto('/packs', { waitUntil: 'domcontentloaded' });
	const button = page.getByRole('button', { name: 'Import pack' });
	await expect(button).toBeVisible();
	await expect(button).toBeDisabled();
	// A tap now (forced: a person can tap what looks unavailable) opens nothing.
	let chooserOpened = false;
	page.on('filechooser', () => (chooserOpened = true));
	await button.click({ force: true });
	// Links need no script and stay live.
	await expect(page.getByRole('link', { name: 'Make a pack from your notes' })).toBeEnabled();

	const box = await button.boundingBox();
	release();
	await expect(button).toBeEnabled();
	// Enabling it moved nothing.
	expect(await button.boundingBox()).toEqual(box);
	expect(chooserOpened).toBe(false);
	const chooser = page.waitForEvent('filechooser');
	await button.click();
	await chooser;
	expect(chooserOpened).toBe(true);
});

test('the settings form is disabled until the page can save it, then a tick is saved', async ({ page }) => {
	const release = await holdScript(page);
	await page.goto('/settings', { waitUntil: 'domcontentloaded' });
	const auto = page.getByRole('checkbox', { name: 'Apply updates from subscriptions without asking' });
	const url = page.getByRole('textbox', { name: 'Server URL' });
	await expect(auto).toBeDisabled();
	await expect(url).toBeDisabled();
	release();
	// Playwright's actions wait for the controls to be enabled: nothing else waits for the script.
	await url.fill('https://couch.example.org/deckhand');
	await auto.check();
	await expect(auto).toBeChecked();
	// The address typed was not replaced by the stored (empty) form arriving after it.
	await expect(url).toHaveValue('https://couch.example.org/deckhand');
	await page.reload();
	await expect(auto).toBeChecked();
});
