#!/usr/bin/env node
// `npm run questions`: regenerates every built-in pack from questions/sources/<name>.md with its
// questions/<name>.meta.json (and <name>.review.json when there is one) into questions/<name>.pack.json.
// A source without its meta file is an error; a built-in whose source is absent is skipped.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILT_INS = ['docker-guide', 'dca'];

let failed = false;
for (const name of BUILT_INS) {
	const source = join('questions', 'sources', `${name}.md`);
	if (!existsSync(join(root, source))) {
		console.log(`${name}: no ${source}, skipped.`);
		continue;
	}
	const meta = join('questions', `${name}.meta.json`);
	if (!existsSync(join(root, meta))) {
		console.error(`${name}: ${source} needs ${meta} (the pack's id, title, version and createdAt).`);
		failed = true;
		continue;
	}
	const review = join('questions', `${name}.review.json`);
	const args = [join('scripts', 'cli', 'deckhand.js'), 'generate', source, '--meta', meta];
	if (existsSync(join(root, review))) args.push('--review', review);
	args.push('-o', join('questions', `${name}.pack.json`));
	const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
	if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
