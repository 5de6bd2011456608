/**
 * The team-lead page: Markdown notes in, a pack out (the CLI's generator, loaded only on this page so
 * the Markdown parser stays out of the first route), then title, version, export or share.
 */
import type { LintReport } from '../core/generate/lint';
import type { Pack } from '../core/pack/types';
import type { Issue, Result } from '../core/result';
import { serializePack } from '../core/pack/parse';
import { downloadText, packFileName } from './download';

/** A pack id from a title: lower-case words joined by dashes. */
export function slugOf(title: string): string {
	const slug = title
		.toLowerCase()
		.normalize('NFKD')
		// Accents go with their letters (é -> e), not into a dash.
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return slug || 'my-pack';
}

async function generate(
	markdown: string,
	meta: { id: string; title: string; version: number; author: string; description: string }
): Promise<Result<{ pack: Pack; lint: LintReport }>> {
	const [{ generatePack }, { reportOf }] = await Promise.all([
		import('../core/generate'),
		import('../core/generate/lint')
	]);
	const r = generatePack(markdown, { ...meta, createdAt: new Date().toISOString() });
	return r.ok ? { ok: true, value: { pack: r.value.pack, lint: reportOf(r.value) } } : r;
}

export class AuthorState {
	markdown = $state('');
	fileName = $state('');
	title = $state('My team pack');
	version = $state(1);
	author = $state('');
	description = $state('');
	pack = $state.raw<Pack | null>(null);
	/** What in the notes made no question or a weak one, bullet by bullet, with how to mark it up. */
	lint = $state.raw<LintReport | null>(null);
	errors = $state.raw<Issue[]>([]);
	busy = $state(false);

	id = $derived(slugOf(this.title));

	/** Reads a dropped or chosen Markdown file into the notes box. */
	async readFile(file: File): Promise<void> {
		if (file.size > 2_000_000) {
			this.errors = [
				{ path: 'notes', message: `${file.name} is larger than 2 MB; split the notes into smaller files.` }
			];
			return;
		}
		this.markdown = await file.text();
		this.fileName = file.name;
		if (this.title === 'My team pack') this.title = file.name.replace(/\.(md|markdown|txt)$/i, '');
	}

	async generate(): Promise<void> {
		this.busy = true;
		this.errors = [];
		this.pack = null;
		this.lint = null;
		try {
			const version = Number.isSafeInteger(this.version) && this.version >= 1 ? this.version : 1;
			const r = await generate(this.markdown, {
				id: this.id,
				title: this.title.trim() || 'Untitled pack',
				version,
				author: this.author.trim(),
				description: this.description.trim()
			});
			if (r.ok) {
				this.pack = r.value.pack;
				this.lint = r.value.lint;
			} else this.errors = r.errors;
		} finally {
			this.busy = false;
		}
	}

	exportFile(): void {
		if (!this.pack) return;
		downloadText(packFileName(this.pack.id, this.pack.version), serializePack(this.pack));
	}
}
