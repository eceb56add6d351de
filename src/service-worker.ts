/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The offline copy of the studio: on install it stores this version's whole site (code, workers, WASM,
// sample data sets, pages), then answers the site's own requests from that store first, so after one
// visit the studio opens and trains with the network off. Requests to other origins (a typed Link
// import) are not touched. A new version installs beside the old one and waits; the page shows
// "a new version is ready" and sends `skip-waiting` when the person reloads. Hand-written rather than
// Workbox: SvelteKit already lists every file of the build, so this is the whole of it.
import { base, build, files, prerendered, version } from '$service-worker';
import {
	cachedPathFor,
	fallbackPage,
	isImmutable,
	precacheList,
	workerFilesUnder
} from '$lib/offline/cache-plan.ts';
import { WORKER_FILES_LIST } from '$lib/offline/worker-files-plugin.ts';
import { withIsolationHeaders } from '$lib/offline/isolation-headers.ts';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `benchtop-${version}`;
const ASSETS = precacheList(build, files, prerendered);
const STORED = new Set(ASSETS);

worker.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(ASSETS);
			// What only the workers load (their chunks, TF.js's WASM), as the build listed it.
			const listed = await fetch(`${base}/${WORKER_FILES_LIST}`, { cache: 'no-store' });
			if (!listed.ok) throw new Error(`${WORKER_FILES_LIST}: HTTP ${listed.status}`);
			await cache.addAll(workerFilesUnder(base, await listed.json()));
			// Only routes that were never prerendered need the shell; a host that does not serve it by
			// name (vite preview) leaves them to the network.
			const shell = await fetch(fallbackPage(base)).catch(() => undefined);
			if (shell?.ok) await cache.put(fallbackPage(base), shell);
		})()
	);
});

worker.addEventListener('activate', (event) => {
	// Older versions' stores go once this one is in charge; IndexedDB (the person's work) is not touched.
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(
					keys.filter((key) => key.startsWith('benchtop-') && key !== CACHE).map((key) => caches.delete(key))
				)
			)
	);
});

worker.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'skip-waiting') void worker.skipWaiting();
});

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const path = cachedPathFor(
		new URL(request.url),
		worker.location.origin,
		base,
		STORED,
		request.mode === 'navigate'
	);
	if (!path) return;
	// With COOP/COEP set, so a page this worker serves is cross-origin isolated (the engine's threads) even
	// on a host that cannot send headers; it takes effect from the first load the worker controls.
	event.respondWith(answer(request, path).then(withIsolationHeaders));
});

async function answer(request: Request, path: string): Promise<Response> {
	const cache = await caches.open(CACHE);
	const stored = await cache.match(path);
	if (stored) return stored;
	const response = await fetch(request);
	if (response.ok && isImmutable(path, base)) await cache.put(path, response.clone());
	return response;
}
