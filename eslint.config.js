import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
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
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Links are built with `resolve()` from $app/paths where they matter; plain hrefs stay readable.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Core must stay pure: no DOM, no Svelte, so it runs in workers, Node tests and the CLI.
		files: ['src/lib/core/**/*.ts'],
		languageOptions: { globals: { ...globals.node, ...globals.worker } },
		rules: {
			'no-restricted-imports': ['error', { patterns: ['svelte', 'svelte/*', '$app/*', '**/components/*'] }],
			'no-restricted-globals': ['error', 'window', 'document', 'localStorage']
		}
	},
	{
		// The worker boundary: workers and the page share src/lib/worker-protocol/; workers never reach into
		// the page's side (worker-client), and the protocol imports neither side.
		files: ['workers/**/*.ts', 'src/lib/worker-protocol/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						'$lib/worker-client/*',
						'**/worker-client/*',
						'**/workers/*',
						'$lib/state/*',
						'**/state/*'
					]
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			'build-subpath/',
			'dist/',
			'.svelte-kit/',
			'.svelte-kit-subpath/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'bench/results/'
		]
	}
);
