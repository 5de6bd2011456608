import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePack } from '$lib/core/generate/index';
import { parsePack, serializePack } from '$lib/core/pack/parse';
import { qualityViolations } from './quality';

const word = fc.constantFrom(
	'container',
	'image',
	'volume',
	'network',
	'layer',
	'daemon',
	'port',
	'host',
	'cache',
	'registry',
	'stores',
	'shares',
	'creates',
	'isolates',
	'runs',
	'fast',
	'small',
	'secure',
	'default',
	'the',
	'a',
	'5MB',
	'/var/lib'
);
const phrase = fc.array(word, { minLength: 2, maxLength: 8 }).map((w) => w.join(' '));
const title = fc
	.array(
		fc.constantFrom(
			'Bridge',
			'Host',
			'Overlay',
			'Cache',
			'Layers',
			'Alpha',
			'Beta',
			'Gamma',
			'Networks',
			'Mounts'
		),
		{ minLength: 1, maxLength: 3 }
	)
	.map((w) => w.join(' '));
const fact = fc.oneof(
	phrase.map((p) => `- ${p}`),
	fc.tuple(title, phrase).map(([t, p]) => `- **${t}**: ${p}`),
	fc.tuple(phrase, word).map(([p, w]) => `- ${p} \`${w}\``)
);
const command = fc
	.tuple(
		phrase,
		fc.constantFrom(
			'docker run --rm -v a:/b nginx',
			'docker network create --driver overlay net1',
			'git switch -c feature',
			'docker volume ls'
		)
	)
	.map(([p, c]) => `\`\`\`bash\n# ${p}\n${c}\n\`\`\``);
const yaml = fc.constant('```yaml\nservices:\n  web:\n    image: nginx\n    ports:\n      - "80:80"\n```');
const subsection = fc
	.tuple(
		title,
		fc.array(fact, { minLength: 0, maxLength: 6 }),
		fc.option(fc.oneof(command, yaml), { nil: undefined })
	)
	.map(([t, facts, code]) => `### ${t}\n\n${facts.join('\n')}\n\n${code ?? ''}\n`);
const section = fc
	.tuple(title, fc.array(subsection, { minLength: 1, maxLength: 6 }))
	.map(([t, subs]) => `## ${t}\n\n${subs.join('\n')}`);
const notes = fc.array(section, { minLength: 1, maxLength: 4 }).map((s) => `# Notes\n\n${s.join('\n\n')}\n`);

const meta = { id: 'prop', title: 'Prop', version: 1, createdAt: '2026-01-01T00:00:00.000Z' };

describe('generator properties', { timeout: 60_000 }, () => {
	it('every generated pack passes the schema and the quality rules, and is deterministic', () => {
		fc.assert(
			fc.property(notes, (md) => {
				const r = generatePack(md, meta);
				if (!r.ok) {
					// Only notes with nothing usable may fail, and then with a message.
					expect(r.errors[0]!.message.length).toBeGreaterThan(0);
					return;
				}
				const parsed = parsePack(JSON.parse(serializePack(r.value.pack)));
				expect(parsed.ok ? [] : parsed.errors).toEqual([]);
				expect(qualityViolations(r.value.pack)).toEqual([]);
				const again = generatePack(md, meta);
				expect(again.ok && serializePack(again.value.pack)).toBe(serializePack(r.value.pack));
			}),
			{ numRuns: 50 }
		);
	});

	it('a bullet repeated in the notes never makes a DOMC repeat an option (a case fast-check found)', () => {
		const md =
			'# Notes\n\n## Bridge\n\n### Bridge\n\n- container daemon\n\n### Bridge\n\n- container daemon\n\n' +
			'### Overlay\n\n- container container `container`\n- container container `container`\n\n## Bridge\n\n### Bridge\n';
		const r = generatePack(md, meta);
		// Bare bullets make no safe question at all now; if any card is made it must break no rule.
		expect(r.ok ? qualityViolations(r.value.pack) : []).toEqual([]);
	});

	it('never throws on arbitrary text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 400 }), (text) => {
				const r = generatePack(text, meta);
				expect(typeof r.ok).toBe('boolean');
			}),
			{ numRuns: 300 }
		);
	});
});
