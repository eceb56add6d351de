// Starts the threaded dense engine's helper threads in Node as worker_threads Workers: the compiled copy of
// dense-thread-worker beside this file, or under tsx (tests, benches) the TypeScript source loaded through
// tsx's tsImport, as tune-workers.ts does (Node 20 does not pass `--import tsx` on to worker threads).
import { Worker } from 'node:worker_threads';
import type { DenseThreadInit } from '../lib/core/train/fused/dense-thread.ts';
import type { DenseThreadSpawner } from '../lib/core/train/fused/threaded-dense-engine.ts';

function startWorker(init: DenseThreadInit): Worker {
	if (!import.meta.url.endsWith('.ts'))
		return new Worker(new URL('./dense-thread-worker.js', import.meta.url), { workerData: init });
	const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
	const entry = JSON.stringify(new URL('./dense-thread-worker.ts', import.meta.url).href);
	const parent = JSON.stringify(import.meta.url);
	const boot = `import(${api}).then(({ tsImport }) => tsImport(${entry}, ${parent}))`;
	return new Worker(boot, { eval: true, workerData: init });
}

/** Spawns one helper and resolves once it waits for batches; the worker does not keep Node alive. */
export const spawnNodeDenseThread: DenseThreadSpawner = (init) =>
	new Promise((resolve, reject) => {
		const worker = startWorker(init);
		worker.once('error', reject);
		worker.once('message', () => {
			worker.unref();
			resolve({ release: () => void worker.terminate() });
		});
	});
