#!/usr/bin/env node
// Runs every benchmark in bench/ in turn. Benchmarks print figures; they never fail on time.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync('bench')
	.filter((f) => /\.bench\.(js|ts)$/.test(f))
	.filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
	.sort();
for (const file of files) {
	console.log(`\n## ${file}`);
	const runner = file.endsWith('.ts')
		? ['node_modules/.bin/tsx', `bench/${file}`]
		: ['node', `bench/${file}`];
	const r = spawnSync(runner[0], runner.slice(1), { stdio: 'inherit' });
	if (r.status !== 0) console.log(`(${file} could not finish: exit ${r.status})`);
}
