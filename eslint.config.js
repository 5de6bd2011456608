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
	{
		// Only the scheduler module may talk to ts-fsrs.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/core/**'],
		rules: { 'no-restricted-imports': ['error', { paths: ['ts-fsrs'] }] }
	},
	{
		// The core stays framework-free: no Svelte, no Dexie, no SvelteKit modules.
		files: ['src/lib/core/**/*.ts'],
		ignores: ['src/lib/core/scheduler/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: ['ts-fsrs', 'dexie', 'svelte'],
					patterns: ['svelte/*', '$app/*', '$lib/storage/*', '$lib/state/*', '$lib/components/*']
				}
			]
		}
	},
	{
		files: ['src/lib/core/scheduler/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ paths: ['dexie', 'svelte'], patterns: ['svelte/*', '$app/*', '$lib/storage/*', '$lib/state/*'] }
			]
		}
	}
);
