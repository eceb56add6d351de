// SvelteKit config: a fully static, client-rendered studio that can live under any sub-path.
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** BASE_PATH lets the same build be served from a sub-path, e.g. `BASE_PATH=/studio npm run build`. */
const base = process.env.BASE_PATH ?? '';
/** Where the static site goes; the tests build a sub-path copy beside the main one. */
const pages = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// 404.html is the SPA fallback: static hosts serve it for unknown paths, the client router
		// then renders the friendly 404 (or the right page for a deep link on hosts without rewrites).
		adapter: adapter({ pages, assets: pages, fallback: '404.html', strict: true }),
		outDir: process.env.SVELTEKIT_OUT_DIR ?? '.svelte-kit',
		paths: { base, relative: true },
		alias: { $workers: 'workers', $samples: 'sample-datasets' },
		typescript: {
			// Type-check the bench harness and the Playwright config with everything else.
			config: (tsconfig) => {
				tsconfig.include.push('../bench/**/*.ts', '../playwright.config.ts');
			}
		}
	}
};

export default config;
