/** Saving a text file from the page (export a pack, save a generated one). */

/** Offers `text` as a download named `filename`. */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The file name a pack is exported under. */
export function packFileName(id: string, version: number): string {
	return `${id.replace(/[^A-Za-z0-9._-]+/g, '-')}-v${version}.deckhand.json`;
}
