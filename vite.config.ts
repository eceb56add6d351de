import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Module workers, so they can `import` tfjs and core like any other module.
	worker: { format: 'es' },
	server: { fs: { allow: ['sample-datasets', 'workers'] } },
	preview: { port: 4173 },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
