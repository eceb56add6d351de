// SvelteKit config: a fully static, client-rendered studio that can live under any sub-path.
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** BASE_PATH lets the same build be served from a sub-path, e.g. `BASE_PATH=/studio npm run build`. */
const base = process.env.BASE_PATH ?? '';
/** Where the static site goes; the tests build a sub-path copy beside the main one. */
const pages = process.env.BUILD_DIR ?? 'build';

/**
 * The Content-Security-Policy every page carries (SvelteKit writes it as a <meta http-equiv> into each
 * prerendered page, with the hash of its inline bootstrap script added to script-src).
 * - Scripts only from the site itself; no 'unsafe-eval' (charts use vega-interpreter, and table code
 *   that compiles expressions with Function runs in workers), 'wasm-unsafe-eval' for WebAssembly.
 * - connect-src 'self': the page itself only fetches the site's own files. The Link import fetches the
 *   typed address inside the data worker, whose script comes from the site with its own (header-set)
 *   policy, not this meta tag; a host that sends this policy as a header on every file must add https:
 *   to connect-src on the worker scripts for the Link import to keep working.
 * - style-src needs 'unsafe-inline': Svelte's style: directives, vega's SVG style attributes and
 *   vega-embed's <style> element. Styles cannot run code.
 * - frame-ancestors, report-uri and sandbox are ignored in a <meta> policy, so they are not listed.
 */
const csp = {
	'default-src': ['self'],
	'script-src': ['self', 'wasm-unsafe-eval'],
	'worker-src': ['self'],
	'connect-src': ['self'],
	'style-src': ['self', 'unsafe-inline'],
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	// Only the Export page's embed preview (static/embed-preview/), sandboxed to an opaque origin.
	'frame-src': ['self'],
	'manifest-src': ['self']
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// 404.html is the SPA fallback: static hosts serve it for unknown paths, the client router
		// then renders the friendly 404 (or the right page for a deep link on hosts without rewrites).
		adapter: adapter({ pages, assets: pages, fallback: '404.html', strict: true }),
		csp: { mode: 'hash', directives: csp },
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
