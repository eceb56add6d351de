import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Each core room and the rooms above it, which it must not import (a folder never imports upwards). */
const CORE_LAYERS = {
	table: [
		'data',
		'drift',
		'prep',
		'metrics',
		'models',
		'train',
		'predict',
		'export',
		'evaluate',
		'tune',
		'registry',
		'charts',
		'report'
	],
	data: [
		'drift',
		'prep',
		'metrics',
		'models',
		'train',
		'predict',
		'export',
		'evaluate',
		'tune',
		'registry',
		'charts',
		'report'
	],
	metrics: [
		'drift',
		'prep',
		'models',
		'train',
		'predict',
		'export',
		'evaluate',
		'tune',
		'registry',
		'charts',
		'report'
	],
	// Drift compares new rows with a model's training profile: numbers and counts only, below the models.
	drift: ['prep', 'models', 'train', 'predict', 'export', 'evaluate', 'tune', 'registry', 'charts', 'report'],
	prep: [
		'metrics',
		'models',
		'train',
		'predict',
		'export',
		'evaluate',
		'tune',
		'registry',
		'charts',
		'report'
	],
	models: ['train', 'predict', 'export', 'evaluate', 'tune', 'registry', 'charts', 'report'],
	train: ['predict', 'export', 'evaluate', 'tune', 'registry', 'charts', 'report'],
	predict: ['export', 'evaluate', 'tune', 'registry', 'charts', 'report'],
	// The edge bundle writer plans a model bundle (predict) for the dependency-free src/lib/runtime.
	export: ['evaluate', 'tune', 'registry', 'charts', 'report'],
	evaluate: ['tune', 'charts', 'report'],
	// Hyperparameter search runs trials through train (and cross-validation in evaluate); charts draw it.
	tune: ['registry', 'charts', 'report'],
	charts: ['registry', 'report'],
	registry: ['evaluate', 'tune', 'charts', 'report'],
	// The share link reads every room below it (recipes, specs, settings, run records, model checks).
	share: ['charts', 'report', 'backup'],
	// Backup reads and writes the whole workspace through the registry and data: the top of the core.
	backup: ['charts', 'report']
};

/** no-restricted-imports patterns for core: never the UI, and never a room above `room`. */
function layering(room, above = []) {
	const patterns = [
		{ group: ['svelte', 'svelte/*', '$app/*'], message: 'Core is pure: no Svelte.' },
		{
			regex:
				'^(\\$lib/(components|state|worker-client|worker-protocol)/|(\\.\\./)+(components|state|worker-client|worker-protocol)/)',
			message: 'Core never imports the page side.'
		}
	];
	if (above.length) {
		const rooms = above.join('|');
		patterns.push({
			regex: `^((\\.\\./)+|\\$lib/core/)(${rooms})/`,
			message: `core/${room} sits below ${above.join(', ')}: move the shared piece down instead.`
		});
	}
	return patterns;
}

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
			'no-restricted-imports': ['error', { patterns: layering() }],
			'no-restricted-globals': ['error', 'window', 'document', 'localStorage']
		}
	},
	// The core's rooms form layers: a room imports only from the rooms below it (see docs/DESIGN.md).
	...Object.entries(CORE_LAYERS).map(([room, above]) => ({
		files: [`src/lib/core/${room}/**/*.ts`],
		rules: { 'no-restricted-imports': ['error', { patterns: layering(room, above) }] }
	})),
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
			'bench/results/',
			// bench/webgpu-dawn/pack.sh's bundle for the device machine.
			'.gpu/'
		]
	}
);
