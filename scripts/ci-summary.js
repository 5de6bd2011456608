#!/usr/bin/env node
// Sums the unit and end-to-end results into the one closing line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);

const unit = read('test-results/unit.json');
if (unit) {
	passed += unit.numPassedTests;
	failed += unit.numFailedTests;
}
const e2e = read('test-results/e2e.json');
if (e2e) {
	passed += e2e.stats.expected + e2e.stats.flaky;
	failed += e2e.stats.unexpected;
}
// A step that failed before any suite could report (type check, lint, install) still counts as a failure.
if (status !== 0 && failed === 0) failed = 1;
console.log(`unit: ${unit ? 'ran' : 'did not run'}; e2e: ${e2e ? 'ran' : 'did not run'}`);
console.log(`${passed} passed, ${failed} failed`);
