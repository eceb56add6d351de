// The train worker's threads for the fused dense engine: on a cross-origin isolated page, a pool of
// dense-thread workers the engine splits each batch across; elsewhere one thread, with the reason, which
// the run record keeps (dense-threading.ts).
import { setDenseThreading } from '$lib/core/train/fused/dense-threading.ts';
import {
	denseThreadsUnavailable,
	type DenseThreadSpawner
} from '$lib/core/train/fused/threaded-dense-engine.ts';
import type { DenseThreadInit } from '$lib/core/train/fused/dense-thread.ts';

/** Threads past this gain little on the engine's small GEMMs and cost a worker each. */
const MAX_THREADS = 8;
const idle: Worker[] = [];

const spawn: DenseThreadSpawner = (init: DenseThreadInit) =>
	new Promise((resolve, reject) => {
		const worker =
			idle.pop() ?? new Worker(new URL('./dense-thread.worker.ts', import.meta.url), { type: 'module' });
		const fail = (event: ErrorEvent) => {
			worker.terminate();
			reject(new Error(`A dense engine thread did not start: ${event.message}`));
		};
		const ready = (event: MessageEvent) => {
			if (event.data !== 'ready') return;
			worker.removeEventListener('message', ready);
			worker.removeEventListener('error', fail);
			resolve({
				// The engine has told it to quit: it says 'idle' when back from its loop, then serves the next.
				release: () => {
					const back = (message: MessageEvent) => {
						if (message.data !== 'idle') return;
						worker.removeEventListener('message', back);
						idle.push(worker);
					};
					worker.addEventListener('message', back);
				}
			});
		};
		worker.addEventListener('message', ready);
		worker.addEventListener('error', fail);
		worker.postMessage(init);
	});

/** Sets this worker's dense-engine thread count from the page's isolation and cores. */
export function setUpDenseThreads(): void {
	const cores = navigator.hardwareConcurrency || 1;
	const unavailable = denseThreadsUnavailable(self.crossOriginIsolated === true, cores);
	if (unavailable) {
		setDenseThreading({ threads: 1, reason: unavailable });
		return;
	}
	const threads = Math.min(cores, MAX_THREADS);
	setDenseThreading({
		threads,
		spawn,
		reason: `the page is cross-origin isolated: ${threads} threads on ${cores} cores`
	});
}
