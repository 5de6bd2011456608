import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'src/lib/core/answer/compose-validator.gen.js'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	// The layers (see /README.md, "Layout"): dependencies point one way, core <- storage <- state <-
	// components <- routes. Each block lists the imports its folder must never have; a block replaces the
	// rule for its files, so each repeats ts-fsrs (only core/scheduler may import it).
	...layerRules()
);

/** Imports of a layer from relative or `$lib` paths, as no-restricted-imports patterns. */
function layer(name) {
	return [
		`$lib/${name}`,
		`$lib/${name}/*`,
		`**/lib/${name}/*`,
		`../${name}/*`,
		`../../${name}/*`,
		`../../../${name}/*`
	];
}

function restrict(files, message, patterns, extra = {}) {
	return {
		files,
		...extra,
		rules: {
			'no-restricted-imports': 'off',
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					paths: [{ name: 'ts-fsrs', message: 'Only src/lib/core/scheduler imports ts-fsrs.' }],
					patterns: patterns.map((p) => ({ message, ...p }))
				}
			]
		}
	};
}

function layerRules() {
	const routes = ['src/routes/**/*.ts', 'src/routes/**/*.svelte', 'src/routes/**/*.js'];
	return [
		// Outside core, nothing imports ts-fsrs.
		restrict(['src/**/*.ts', 'src/**/*.svelte', 'src/**/*.js'], 'Not from this layer.', [], {
			ignores: ['src/lib/core/**']
		}),
		// The core stays framework-free: no Svelte, no Dexie, no SvelteKit, no outer layer.
		{
			files: ['src/lib/core/**/*.ts'],
			rules: {
				'no-restricted-imports': [
					'error',
					{
						paths: ['dexie', 'svelte'],
						patterns: [
							'svelte/*',
							'$app/*',
							...layer('storage'),
							...layer('state'),
							...layer('components'),
							...layer('pwa'),
							'**/routes/*'
						]
					}
				]
			}
		},
		{
			files: ['src/lib/core/**/*.ts'],
			ignores: ['src/lib/core/scheduler/**'],
			rules: {
				'@typescript-eslint/no-restricted-imports': [
					'error',
					{ paths: [{ name: 'ts-fsrs', message: 'Only src/lib/core/scheduler imports ts-fsrs.' }] }
				]
			}
		},
		// Storage is Dexie and core only: it never reaches up into state, components, routes or the PWA.
		restrict(['src/lib/storage/**/*.ts'], 'Storage never imports an outer layer.', [
			{
				group: [
					...layer('state'),
					...layer('components'),
					...layer('pwa'),
					'**/routes/*',
					'$app/*',
					'svelte',
					'svelte/*'
				]
			}
		]),
		// Components show a judgement and never make one; they never touch the database.
		restrict(
			['src/lib/components/**/*.ts', 'src/lib/components/**/*.svelte'],
			'Components go through state.',
			[
				{ group: [...layer('storage'), 'dexie'] },
				{
					// Any module of core/answer but the word bank (which builds a question, it judges nothing).
					regex: '(^\\$lib|/lib|\\.\\.)/core/answer(/(?!word-bank$)[^/]+)?$',
					allowTypeImports: true,
					message: 'Components import judgement types only: the state layer judges (core/answer/judge.ts).'
				}
			]
		),
		// Routes are thin: they render state, never the database.
		restrict(routes, 'Routes go through state.', [{ group: [...layer('storage'), 'dexie'] }]),
		// The authoring CLI is core only: no database, no runes, no components.
		restrict(['scripts/cli/**/*.ts'], 'The CLI uses core only.', [
			{
				group: [
					...layer('storage'),
					...layer('state'),
					...layer('components'),
					...layer('pwa'),
					'dexie',
					'svelte',
					'svelte/*'
				]
			}
		])
	];
}
