import { describe, expect, it } from 'vitest';
import { importSourceOf } from '$lib/core/share/source';
import { manifest, pwaOptions } from '$lib/pwa/config.js';

describe('the manifest sends shared packs to /import', () => {
	it('opens .deckhand.json files with the installed app', () => {
		expect(manifest.file_handlers).toEqual([
			{ action: '/import', accept: { 'application/json': ['.json'] } }
		]);
	});

	it('receives a share link from another app, and /import finds the pack in it', () => {
		const target = manifest.share_target;
		expect(target).toMatchObject({ action: '/import', method: 'GET' });
		// What Android builds from the share_target params when a chat app shares a message with a link.
		const shared = new URL(target.action, 'https://deckhand.example');
		shared.searchParams.set(target.params.title!, 'Docker pack');
		shared.searchParams.set(target.params.text!, 'Study this: https://deckhand.example/import#pack=1.abc');
		expect(importSourceOf(shared)).toEqual({ kind: 'fragment', hash: '#pack=1.abc' });
	});

	it('serves the app shell for /import?url=… offline, even when the URL names a file', () => {
		const deny = pwaOptions.workbox?.navigateFallbackDenylist ?? [];
		const path = '/import?url=' + encodeURIComponent('https://team.example/docker.deckhand.json');
		expect(deny.some((re) => re.test(path))).toBe(false);
		expect(deny.some((re) => re.test('/import?url=https://team.example/docker.deckhand.json'))).toBe(false);
	});
});
