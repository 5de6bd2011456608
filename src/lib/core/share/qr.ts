/**
 * A QR code of a share link, as the path of an SVG drawn by the page (never injected HTML). The QR
 * library loads on demand so it stays out of the first route.
 */
import { fail, ok, type Result } from '../result';

/**
 * The most characters a QR code holds (version 40, low error correction, byte mode is 2,953 bytes);
 * past this a link is shared as a link only.
 */
export const QR_MAX_LENGTH = 2953;

export interface QrCode {
	/** Modules per side, including the quiet zone. */
	size: number;
	/** An SVG path of one-unit squares, one per dark module. */
	path: string;
}

/** The QR code of a text, or a plain error when the text is too long for one. */
export async function createQrCode(text: string): Promise<Result<QrCode>> {
	if (text.length > QR_MAX_LENGTH) {
		return fail([
			{
				path: 'qr',
				message: `This link is too long for a QR code (${text.length} characters, at most ${QR_MAX_LENGTH}). Share the link instead.`
			}
		]);
	}
	const { encode } = await import('uqr');
	const qr = encode(text, { ecc: 'L', border: 2 });
	let path = '';
	qr.data.forEach((row, y) => {
		row.forEach((dark, x) => {
			if (dark) path += `M${x} ${y}h1v1h-1z`;
		});
	});
	return ok({ size: qr.size, path });
}
