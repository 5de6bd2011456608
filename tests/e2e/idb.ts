/** Reading the app's IndexedDB from a Playwright page, for checks on what was (not) written. */
import type { Page } from '@playwright/test';

/** Every record of each named store (missing stores read as empty; 'cards' as one row per card). */
export async function readStores(page: Page, stores: string[]): Promise<Record<string, unknown[]>> {
	return page.evaluate(async (names) => {
		const open = indexedDB.open('deckhand');
		const db: IDBDatabase = await new Promise((res, rej) => {
			open.onsuccess = () => res(open.result);
			open.onerror = () => rej(open.error);
		});
		const out: Record<string, unknown[]> = {};
		for (const name of names) {
			// Cards are stored whole per pack (schema version 8): 'cards' reads them as one row per card.
			if (name === 'cards' && db.objectStoreNames.contains('packCards')) {
				const packs: { packId: string; cards: Record<string, unknown>[] }[] = await new Promise((res) => {
					const req = db.transaction('packCards').objectStore('packCards').getAll();
					req.onsuccess = () => res(req.result);
				});
				out.cards = packs.flatMap((p) => p.cards.map((c, order) => ({ ...c, packId: p.packId, order })));
				continue;
			}
			if (!db.objectStoreNames.contains(name)) {
				out[name] = [];
				continue;
			}
			out[name] = await new Promise((res) => {
				const req = db.transaction(name).objectStore(name).getAll();
				req.onsuccess = () => res(req.result as unknown[]);
			});
		}
		db.close();
		return out;
	}, stores);
}

/** Everything a pack import could touch. */
export function snapshot(page: Page) {
	return readStores(page, ['packs', 'packCards', 'states', 'logs', 'retired', 'settings']);
}

/** Picks a file through the Import pack button's file chooser. */
export async function importFile(page: Page, name: string, content: string | Buffer): Promise<void> {
	// The prerendered button is disabled until the page's script has started; the click waits for it.
	const opened = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Import pack' }).click();
	const chooser = await opened;
	await chooser.setFiles({
		name,
		mimeType: 'application/json',
		buffer: typeof content === 'string' ? Buffer.from(content) : content
	});
}
