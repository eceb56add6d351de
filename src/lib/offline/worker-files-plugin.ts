// SvelteKit's service worker learns the build's files from the client manifest, which does not list
// what only the web workers load: their shared chunks and TF.js's .wasm files. This build plugin writes
// those names into one small file beside the app, which the service worker reads while it installs, so
// training works offline on every backend.
import type { Plugin } from 'vite';

/** Where the list is written, relative to the site's root (and fetched under the base path). */
export const WORKER_FILES_LIST = '_app/worker-files.json';
const WORKER_OUTPUT = '_app/immutable/workers/';

/** The worker outputs among a bundle's file names, sorted. */
export function workerFiles(fileNames: Iterable<string>): string[] {
	return [...fileNames].filter((name) => name.startsWith(WORKER_OUTPUT)).sort();
}

export function workerFilesPlugin(): Plugin {
	return {
		name: 'benchtop-worker-files',
		apply: 'build',
		generateBundle(_options, bundle) {
			const names = workerFiles(Object.keys(bundle));
			if (names.length === 0) return;
			this.emitFile({ type: 'asset', fileName: WORKER_FILES_LIST, source: JSON.stringify(names) });
		}
	};
}
