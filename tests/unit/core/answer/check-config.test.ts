import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkConfig, fillBlank } from '$lib/core/answer';
import { makeComposeValidator } from '../../../fixtures/compose-compile';
import { loadComposeValidator } from '$lib/core/answer/compose-schema';

const REVIEW = join(process.cwd(), '..', 'shared', 'reference', 'guide-review.md');
const CURRENT_SCHEMA = join(process.cwd(), '..', 'shared', 'reference', 'compose-spec.json');

/** The guide's Compose snippets, read from the review's rebuilt blocks at test time. */
function composeSnippets(): [string, string][] {
	const text = readFileSync(REVIEW, 'utf8');
	return [...text.matchAll(/Block (B\d+) \(YAML \(Compose file\)\):\s*```yaml\n([\s\S]*?)```/g)].map((m) => [
		m[1]!,
		m[2]!
	]);
}

function reverseKeys(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(reverseKeys);
	if (v && typeof v === 'object')
		return Object.fromEntries(
			Object.entries(v)
				.reverse()
				.map(([k, x]) => [k, reverseKeys(x)])
		);
	return v;
}

describe('the guide Compose snippets against the Compose schema', () => {
	const snippets = composeSnippets();

	it('finds all nine Compose snippets', () => {
		expect(snippets.map(([b]) => b)).toEqual(['B28', 'B30', 'B34', 'B44', 'B51', 'B53', 'B54', 'B57', 'B58']);
	});

	it.each(snippets)('%s is valid against the package schema and the current schema', async (_b, yaml) => {
		const pkg = await loadComposeValidator();
		const current = await makeComposeValidator(JSON.parse(readFileSync(CURRENT_SCHEMA, 'utf8')));
		const doc = parse(yaml, { merge: true }) as unknown;
		expect(pkg(doc)).toEqual([]);
		expect(current(doc)).toEqual([]);
	});

	it.each(snippets)('%s with its keys reordered and re-styled is still correct', async (_b, yaml) => {
		const validateCompose = await loadComposeValidator();
		const reordered = stringify(reverseKeys(parse(yaml, { merge: true })), {
			defaultStringType: 'QUOTE_DOUBLE'
		});
		expect(checkConfig(yaml, `# my answer\n${reordered}`, 'compose', { validateCompose })).toMatchObject({
			verdict: 'correct',
			issues: []
		});
	});

	it('both schemas reject a misspelt key; only the current one knows top-level name', async () => {
		const pkg = await loadComposeValidator();
		const current = await makeComposeValidator(JSON.parse(readFileSync(CURRENT_SCHEMA, 'utf8')));
		const typo = { services: { web: { imagee: 'nginx' } } };
		expect(pkg(typo)[0]).toContain('unknown key `imagee`');
		expect(current(typo)[0]).toContain('unknown key `imagee`');
		const named = { name: 'shop', services: { web: { image: 'nginx' } } };
		expect(current(named)).toEqual([]);
		expect(pkg(named)[0]).toContain('unknown key `name`');
	});

	it('does not blame the learner for what the schema snapshot lacks when the answer has it too', async () => {
		const validateCompose = await loadComposeValidator();
		const expected = 'name: shop\nservices:\n  web:\n    image: nginx\n';
		expect(
			checkConfig(expected, 'services: {web: {image: nginx}}\nname: shop', 'compose', { validateCompose })
				.verdict
		).toBe('correct');
	});
});

describe('checkConfig', () => {
	const B51_BLANK = {
		before: 'services:\n  test-db:\n    image: postgres\n    ',
		after: '\n  selenium:\n    image: selenium/standalone-chrome\n',
		answer: 'profiles: ["test"]'
	};
	const whole = (given: string) => fillBlank(B51_BLANK.before, given, B51_BLANK.after, B51_BLANK.answer);
	const expected = whole(B51_BLANK.answer);

	it.each([
		['profiles: ["test"]'],
		["profiles: ['test']"],
		['profiles: [test]'],
		['profiles:\n  - test'],
		['   profiles:\n     - "test"   # only in tests']
	])('accepts the blank filled as %j', async (given) => {
		const validateCompose = await loadComposeValidator();
		expect(checkConfig(expected, whole(given), 'compose', { validateCompose }).verdict).toBe('correct');
	});

	it.each([
		['profiles: ["dev"]', 'incorrect', 'should be `test`'],
		['profile: ["test"]', 'incorrect', 'did you mean `profiles`?'],
		['profiles: "test', 'incorrect', 'not valid YAML'],
		['', 'incorrect', 'Nothing was typed']
	])('rejects %j as %s with "%s"', async (given, verdict, message) => {
		const validateCompose = await loadComposeValidator();
		const r =
			given === ''
				? checkConfig(expected, '', 'compose')
				: checkConfig(expected, whole(given), 'compose', { validateCompose });
		expect(r.verdict).toBe(verdict);
		expect(r.issues.map((i) => i.message).join(' | ')).toContain(message);
	});

	it('reads list and map forms of environment alike in Compose', () => {
		const exp = 'services:\n  web:\n    environment:\n      - NODE_ENV=${ENV:-production}\n';
		expect(
			checkConfig(exp, 'services:\n  web:\n    environment:\n      NODE_ENV: ${ENV:-production}\n', 'compose')
				.verdict
		).toBe('correct');
	});

	it('compares plain YAML as data: key order and comments do not matter, values do', () => {
		const exp =
			"scrape_configs:\n  - job_name: 'docker'\n    static_configs:\n      - targets: ['cadvisor:8080']\n";
		expect(
			checkConfig(
				exp,
				'# prometheus\nscrape_configs:\n- static_configs: [{targets: [cadvisor:8080]}]\n  job_name: docker\n',
				'yaml'
			).verdict
		).toBe('correct');
		const wrong = checkConfig(
			exp,
			"scrape_configs:\n  - job_name: docker\n    static_configs:\n      - targets: ['cadvisor:9090']\n",
			'yaml'
		);
		expect(wrong.verdict).toBe('incorrect');
		expect(wrong.issues[0]?.message).toContain('scrape_configs[0].static_configs[0].targets[0]');
	});
});

describe('checkConfig for Dockerfiles', () => {
	const B18 =
		'# Build stage\nFROM node:14 AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nRUN npm run build\n# Production stage\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n';
	const B31 = 'HEALTHCHECK --interval=30s --timeout=3s \\\n  CMD curl -f http://localhost/ || exit 1\n';

	it.each([
		[B18, B18.replace(/^# .*\n/gm, '').replace(/^(\w+)/gm, (k) => k.toLowerCase())],
		[B18, B18.replace('CMD ["nginx", "-g", "daemon off;"]', 'CMD [ "nginx","-g","daemon off;" ]')],
		[B31, 'healthcheck --timeout=3s --interval=30s CMD curl -f "http://localhost/" || exit 1'],
		[
			'RUN apt-get update && apt-get install -y \\\n    package1 \\\n    package2 \\\n    && rm -rf /var/lib/apt/lists/*',
			'RUN apt-get update && apt-get install -y package1 package2 && rm -rf /var/lib/apt/lists/*'
		]
	])('accepts an equivalent Dockerfile (%#)', (exp, given) => {
		expect(checkConfig(exp, given, 'dockerfile').verdict).toBe('correct');
	});

	it.each([
		['FROM node:14 AS build', 'FROM node:16 AS build', 'should read `FROM node:14 AS build`'],
		[
			'COPY --from=build /app/dist /usr/share/nginx/html',
			'ADD --from=build /app/dist /usr/share/nginx/html',
			'Expected a `COPY` instruction'
		],
		['EXPOSE 80\nCMD ["nginx"]', 'CMD ["nginx"]\nEXPOSE 80', 'comes too early'],
		[
			'COPY package.json .\nRUN npm install\nCOPY . .',
			'COPY package.json .\nRUN npm install',
			'Missing `COPY . .`'
		]
	])('rejects a wrong Dockerfile: %s vs %s', (exp, given, message) => {
		const r = checkConfig(exp, given, 'dockerfile');
		expect(r.verdict).toBe('incorrect');
		expect(r.issues.map((i) => i.message).join(' | ')).toContain(message);
	});
});

describe('YAML warnings', () => {
	it('keeps unresolved-tag warnings out of the console and still reports syntax errors', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const emit = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
		try {
			const tagged = checkConfig(
				'services: {web: {image: nginx}}',
				'services: {web: {image: !custom nginx}}',
				'compose'
			);
			expect(tagged.verdict).toBe('correct');
			const broken = checkConfig('services: {web: {image: nginx}}', 'services: [web', 'compose');
			expect(broken.verdict).not.toBe('correct');
			expect(warn).not.toHaveBeenCalled();
			expect(emit).not.toHaveBeenCalled();
		} finally {
			warn.mockRestore();
			emit.mockRestore();
		}
	});
});
