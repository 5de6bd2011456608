// Size cost of the answer checker: JS the first route (/) loads, JS the study route adds when the
// learner opens it, and the chunks loaded only when a Compose answer is first checked (the schema
// validator ajv generated ahead of time).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, serveBuild } from '../scripts/browser.js';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

if (!process.argv.includes('--no-build'))
	execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], { stdio: 'inherit' });

const port = 4177;
const server = await serveBuild(port);
const browser = await launchChromium();
try {
	const page = await browser.newPage();
	const scripts = new Map();
	page.on('response', async (res) => {
		if (res.request().resourceType() === 'script') scripts.set(res.url(), await res.body());
	});
	await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle' });
	const first = new Map(scripts);
	const firstSize = [...first.values()].reduce((a, b) => a + gz(b), 0);
	const checkerInFirst = [...first.values()].some((b) => b.includes('notInterspersed'));
	await page.getByRole('link', { name: 'Study' }).last().click();
	await page.waitForLoadState('networkidle');
	await page.waitForTimeout(300);
	const added = [...scripts.entries()].filter(([u]) => !first.has(u));
	const addedSize = added.reduce((a, [, b]) => a + gz(b), 0);
	console.log(
		`first route (/) JS: ${kb(firstSize)} gzip in ${first.size} files; answer checker in it: ${checkerInFirst ? 'yes' : 'no'}`
	);
	console.log(`opening /study adds: ${kb(addedSize)} gzip in ${added.length} files`);
} finally {
	await browser.close();
	server.stop();
}

function walk(dir) {
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? walk(p) : [p];
	});
}
const chunks = walk('build/_app/immutable').filter((f) => f.endsWith('.js'));
const find = (needle) => chunks.filter((f) => readFileSync(f, 'utf8').includes(needle));
const sizeOf = (files) => files.reduce((a, f) => a + gz(readFileSync(f)), 0);
const spec = find('notInterspersed');
// The Compose validator ajv generated ahead of time (scripts/gen-compose-validator.ts): its schema is inlined.
const validator = find('additionalProperty');
const yaml = find('yaml.alias');
console.log(`checker chunk(s) with the CLI model: ${kb(sizeOf(spec))} gzip (${spec.length} file)`);
console.log(`lazy, on the first config check: config checker with the yaml parser ${kb(sizeOf(yaml))} gzip`);
console.log(
	`lazy, on the first Compose check: the pre-generated schema validator ${kb(sizeOf(validator))} gzip in ${validator.length} chunk(s)`
);
