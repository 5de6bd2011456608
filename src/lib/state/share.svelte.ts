/** Sharing a pack as a link (Web Share where the device has it, copy elsewhere) with its QR code. */
import type { Pack } from '../core/pack/types';
import { createShareLink } from '../core/share/link';
import { createQrCode, type QrCode } from '../core/share/qr';

export class ShareState {
	link = $state<string | null>(null);
	error = $state<string | null>(null);
	qr = $state.raw<QrCode | null>(null);
	qrError = $state<string | null>(null);
	status = $state('');
	readonly canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

	/** Builds the link for `pack` on the import page at `importUrl`, then its QR code. */
	async prepare(pack: Pack, importUrl: string): Promise<void> {
		this.link = this.error = this.qrError = null;
		this.qr = null;
		this.status = '';
		const link = await createShareLink(pack, importUrl);
		if (!link.ok) {
			this.error = link.errors.map((e) => e.message).join(' ');
			return;
		}
		this.link = link.value.url;
		const qr = await createQrCode(link.value.url);
		if (qr.ok) this.qr = qr.value;
		else this.qrError = qr.errors.map((e) => e.message).join(' ');
	}

	async copy(): Promise<void> {
		if (!this.link) return;
		try {
			await navigator.clipboard.writeText(this.link);
			this.status = 'Link copied.';
		} catch {
			this.status = 'Could not copy automatically: select the link above and copy it.';
		}
	}

	async share(title: string): Promise<void> {
		if (!this.link) return;
		try {
			await navigator.share({ title, text: `Study "${title}" in Deckhand`, url: this.link });
			this.status = 'Shared.';
		} catch (e) {
			// Closing the share sheet is not an error worth reporting.
			if (!(e instanceof DOMException && e.name === 'AbortError'))
				this.status = 'Could not share: copy the link instead.';
		}
	}
}
