// Answer checker: the time of one check (median and p99 over many runs), for commands and config.
import { checkCommand, checkConfig } from '../src/lib/core/answer/index';
import { loadComposeValidator } from '../src/lib/core/answer/compose-schema';
import { GUIDE_COMMANDS } from '../tests/fixtures/guide-commands';

function measure(label: string, runs: number, fn: (i: number) => void): void {
	for (let i = 0; i < 200; i++) fn(i); // warm up
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		fn(i);
		times.push(performance.now() - t);
	}
	// Averages over batches of 50 checks: a p99 that a busy, shared CPU's preemptions distort less.
	const batches: number[] = [];
	for (let b = 0; b + 50 <= times.length; b += 50)
		batches.push(times.slice(b, b + 50).reduce((x, y) => x + y, 0) / 50);
	batches.sort((a, b) => a - b);
	times.sort((a, b) => a - b);
	const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
	const batchP99 = batches[Math.min(batches.length - 1, Math.floor(0.99 * batches.length))]!;
	console.log(
		`${label}: median ${(at(0.5) * 1000).toFixed(0)} µs, p90 ${(at(0.9) * 1000).toFixed(0)} µs, p99 ${(at(0.99) * 1000).toFixed(0)} µs (${runs} runs); p99 of 50-check averages ${(batchP99 * 1000).toFixed(0)} µs`
	);
}

const pairs = GUIDE_COMMANDS.flatMap((c) =>
	[...c.accept, ...c.reject.map(([g]) => g)].map((g) => [c.expected, g] as const)
);
measure('checkCommand, guide commands (accepted and rejected forms)', 20_000, (i) => {
	const [e, g] = pairs[i % pairs.length]!;
	checkCommand(e, g);
});
const longest = GUIDE_COMMANDS.map((c) => c.expected).sort((a, b) => b.length - a.length)[0]!;
measure('checkCommand, longest guide command (Docker Bench)', 5_000, () => {
	checkCommand(longest, longest.replace(/\\\n\s*/g, ''));
});

const compose =
	'services:\n  web:\n    image: nginx\n    deploy:\n      replicas: 5\n      resources:\n        limits:\n          cpus: "0.5"\n          memory: 512M\n';
const given =
	'services:\n  web:\n    deploy:\n      resources: {limits: {memory: 512M, cpus: 0.5}}\n      replicas: 5\n    image: nginx\n';
const t0 = performance.now();
const validateCompose = await loadComposeValidator();
console.log(
	`Compose validator first load (import the pre-generated validator): ${(performance.now() - t0).toFixed(1)} ms`
);
measure('checkConfig compose, with schema validation', 5_000, () => {
	checkConfig(compose, given, 'compose', { validateCompose });
});
measure('checkConfig dockerfile (B18, 10 instructions)', 5_000, () => {
	checkConfig(
		'FROM node:14 AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nRUN npm run build\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]',
		'from node:14 as build\nworkdir /app\ncopy package*.json ./\nrun npm install\ncopy . .\nrun npm run build\nfrom nginx:alpine\ncopy --from=build /app/dist /usr/share/nginx/html\nexpose 80\ncmd ["nginx","-g","daemon off;"]',
		'dockerfile'
	);
});
