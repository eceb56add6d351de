import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { workerFilesPlugin } from './src/lib/offline/worker-files-plugin.ts';
import { ISOLATION_HEADERS } from './src/lib/offline/isolation-headers.ts';

export default defineConfig({
	// workerFilesPlugin: the service worker's list of what only the workers load (src/service-worker.ts).
	plugins: [sveltekit(), workerFilesPlugin()],
	// Module workers, so they can `import` tfjs and core like any other module.
	worker: { format: 'es' },
	build: {
		// Sample CSVs stay files (not inlined data: URLs), so they can be cached and downloaded like any asset.
		assetsInlineLimit: (file) => (file.endsWith('.csv') ? false : undefined)
	},
	// COOP/COEP: cross-origin isolated pages, so the dense engine trains on several threads (README).
	server: { fs: { allow: ['sample-datasets', 'workers'] }, headers: { ...ISOLATION_HEADERS } },
	preview: { port: 4173, headers: { ...ISOLATION_HEADERS } },
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/hostile/**/*.test.ts'],
		environment: 'node'
	}
});
