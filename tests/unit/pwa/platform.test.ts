import { describe, expect, it } from 'vitest';
import { chooseInstallOffer, isIosSafari, networkNeeded, shouldCheckForUpdate } from '$lib/pwa/platform';

const UA = {
	iphoneSafari:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
	ipadDesktopMode:
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
	iphoneChrome:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
	macSafari:
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
	androidChrome:
		'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36'
};

describe('isIosSafari', () => {
	it.each([
		['iPhone Safari', UA.iphoneSafari, true],
		['iPad Safari asking for the desktop site', UA.ipadDesktopMode, true],
		['Chrome on iPhone', UA.iphoneChrome, false],
		['Safari on a Mac', UA.macSafari, false],
		['Chrome on Android', UA.androidChrome, false]
	])('%s → %s', (_name, ua, expected) => {
		expect(isIosSafari(ua)).toBe(expected);
	});
});

describe('chooseInstallOffer', () => {
	const base = { userAgent: UA.androidChrome, standalone: false, hasPrompt: false, dismissed: false };

	it('offers the browser prompt when it was fired', () => {
		expect(chooseInstallOffer({ ...base, hasPrompt: true })).toBe('prompt');
	});
	it('gives the Share steps on iOS Safari, where no prompt exists', () => {
		expect(chooseInstallOffer({ ...base, userAgent: UA.iphoneSafari })).toBe('ios');
	});
	it('offers nothing once installed or dismissed, or where neither applies', () => {
		expect(chooseInstallOffer({ ...base, hasPrompt: true, standalone: true })).toBe('none');
		expect(chooseInstallOffer({ ...base, userAgent: UA.iphoneSafari, dismissed: true })).toBe('none');
		expect(chooseInstallOffer(base)).toBe('none');
	});
});

describe('shouldCheckForUpdate', () => {
	it('asks again only after the minimum gap', () => {
		expect(shouldCheckForUpdate(1_000, 30_000)).toBe(false);
		expect(shouldCheckForUpdate(1_000, 61_000)).toBe(true);
		expect(shouldCheckForUpdate(0, 500, 100)).toBe(true);
	});
});

describe('networkNeeded', () => {
	it('explains an action that needs the network only while offline', () => {
		expect(networkNeeded(true, 'Importing a pack from a link')).toBeNull();
		expect(networkNeeded(false, 'Importing a pack from a link')).toBe(
			'You are offline. Importing a pack from a link needs a connection; studying works without one.'
		);
	});
});
