// Pack text is untrusted: every component renders it as text. This keeps raw-HTML sinks out of the app.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? files(p) : [p];
	});
}

test('no component or module writes raw HTML ({@html}, innerHTML, outerHTML, insertAdjacentHTML)', () => {
	const sources = files('src').filter((f) => /\.(svelte|ts|js)$/.test(f));
	expect(sources.length).toBeGreaterThan(20);
	const sinks = /\{@html|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/;
	const offenders = sources.filter((f) => sinks.test(readFileSync(f, 'utf8')));
	expect(offenders).toEqual([]);
});
