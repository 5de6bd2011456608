import { expect, test } from 'vitest';
import { createQrCode, QR_MAX_LENGTH } from '../../../../src/lib/core/share/qr';

test('draws a QR code as one SVG path of unit squares', async () => {
	const qr = await createQrCode('https://example.org/import#pack=1.abc');
	expect(qr.ok).toBe(true);
	if (!qr.ok) return;
	// Version 3 (29 modules) plus a two-module quiet zone on each side.
	expect(qr.value.size).toBe(33);
	expect(qr.value.path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
	// The three finder patterns' corners are dark, just inside the quiet zone.
	expect(qr.value.path).toContain('M2 2h1v1h-1z');
	expect(qr.value.path).toContain(`M${qr.value.size - 3} 2h1v1h-1z`);
});

test('a link longer than a QR code holds is refused in plain words', async () => {
	const qr = await createQrCode('x'.repeat(QR_MAX_LENGTH + 1));
	expect(qr.ok).toBe(false);
	if (!qr.ok) expect(qr.errors[0]?.message).toMatch(/too long for a QR code.*Share the link instead/);
});

test('the longest link a QR code holds still encodes', async () => {
	const qr = await createQrCode('h'.repeat(QR_MAX_LENGTH));
	expect(qr.ok && qr.value.size).toBe(177 + 4);
});
