import { describe, expect, it } from 'vitest';
import { importSourceOf } from '$lib/core/share/source';
import { readFileSync } from 'node:fs';
import { manifest, pwaOptions } from '../../../scripts/pwa-config.js';
import { SHARE_CACHE, SHARE_FILES_PARAM } from '$lib/pwa/shared-files';

describe('the manifest sends shared packs to /import', () => {
	it('opens .deckhand.json files with the installed app', () => {
		expect(manifest.file_handlers).toEqual([
			{ action: '/import', accept: { 'application/json': ['.json'] } }
		]);
	});

	it('receives a share link from another app, and /import finds the pack in it', () => {
		const target = manifest.share_target;
		expect(target).toMatchObject({ action: '/import', method: 'POST', enctype: 'multipart/form-data' });
		// What the worker passes on to /import from the share_target params when a chat app shares a link.
		const shared = new URL(target.action, 'https://deckhand.example');
		shared.searchParams.set(target.params.title, 'Docker pack');
		shared.searchParams.set(target.params.text, 'Study this: https://deckhand.example/import#pack=1.abc');
		expect(importSourceOf(shared)).toEqual({ kind: 'fragment', hash: '#pack=1.abc' });
	});

	it('receives shared pack files under the field the worker and the page read', () => {
		expect(manifest.share_target.params.files).toEqual([
			{ name: SHARE_FILES_PARAM, accept: ['application/json', 'text/json', '.json'] }
		]);
		expect(pwaOptions.workbox?.importScripts).toEqual(['/share-target.js']);
		const worker = readFileSync('static/share-target.js', 'utf8');
		expect(worker).toContain(`const SHARE_ACTION = '${manifest.share_target.action}';`);
		expect(worker).toContain(`const SHARE_FILES_PARAM = '${SHARE_FILES_PARAM}';`);
		expect(worker).toContain(`const SHARE_CACHE = '${SHARE_CACHE}';`);
		expect(importSourceOf(new URL('https://d.example/import?shared=files'))).toEqual({
			kind: 'shared-files',
			failed: false
		});
	});

	it('serves the app shell for /import?url=… offline, even when the URL names a file', () => {
		const deny = pwaOptions.workbox?.navigateFallbackDenylist ?? [];
		const path = '/import?url=' + encodeURIComponent('https://team.example/docker.deckhand.json');
		expect(deny.some((re) => re.test(path))).toBe(false);
		expect(deny.some((re) => re.test('/import?url=https://team.example/docker.deckhand.json'))).toBe(false);
	});
});
