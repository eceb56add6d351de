import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { workerFilesPlugin } from './src/lib/offline/worker-files-plugin.ts';
import { isolationHeadersPlugin } from './src/lib/offline/isolation-headers-plugin.ts';
import { UNIT_TEST_FILES, isolatedTestFiles } from './tests/isolated-test-files.ts';

const isolated = isolatedTestFiles();

export default defineConfig({
	// workerFilesPlugin: the service worker's list of what only the workers load (src/service-worker.ts).
	// isolationHeadersPlugin: COOP/COEP, so pages are cross-origin isolated and the dense engine trains on
	// several threads (README).
	plugins: [isolationHeadersPlugin(), sveltekit(), workerFilesPlugin()],
	// Module workers, so they can `import` tfjs and core like any other module.
	worker: { format: 'es' },
	build: {
		// Sample CSVs stay files (not inlined data: URLs), so they can be cached and downloaded like any asset.
		assetsInlineLimit: (file) => (file.endsWith('.csv') ? false : undefined)
	},
	server: { fs: { allow: ['sample-datasets', 'workers'] } },
	preview: { port: 4173 },
	test: {
		environment: 'node',
		projects: [
			{
				extends: true,
				test: { name: 'shared', include: UNIT_TEST_FILES, exclude: isolated, isolate: false }
			},
			{ extends: true, test: { name: 'isolated', include: isolated } }
		]
	}
});
