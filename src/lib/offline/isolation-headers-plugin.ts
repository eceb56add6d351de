// Sends the cross-origin isolation headers (isolation-headers.ts) from `vite dev` and `vite preview` (so
// `npm start`). Vite's own `server.headers`/`preview.headers` do not reach the pages SvelteKit's preview
// middleware answers, so this middleware runs first (enforce: 'pre') and sets them on every response.
import type { Connect, Plugin } from 'vite';
import { ISOLATION_HEADERS } from './isolation-headers.ts';

const setIsolationHeaders: Connect.NextHandleFunction = (_request, response, next) => {
	for (const [name, value] of Object.entries(ISOLATION_HEADERS)) response.setHeader(name, value);
	next();
};

export function isolationHeadersPlugin(): Plugin {
	return {
		name: 'benchtop-isolation-headers',
		enforce: 'pre',
		configureServer(server) {
			server.middlewares.use(setIsolationHeaders);
		},
		configurePreviewServer(server) {
			server.middlewares.use(setIsolationHeaders);
		}
	};
}
