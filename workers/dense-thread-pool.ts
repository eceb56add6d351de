// The train worker's threads for the fused dense engine: on a cross-origin isolated page, a pool of
// dense-thread workers the engine splits each batch across; elsewhere one thread, with the reason, which
// the run record keeps (dense-threading.ts). Relative imports: the train-throughput bench uses it too.
import { setDenseThreading } from '../src/lib/core/train/fused/dense-threading.ts';
import {
	threadedModuleUnavailable,
	type DenseThreadSpawner
} from '../src/lib/core/train/fused/threaded-dense-engine.ts';
import { denseThreadPlan } from '../src/lib/core/train/fused/thread-plan.ts';
import type { DenseThreadInit } from '../src/lib/core/train/fused/dense-thread.ts';

const idle: Worker[] = [];

/** Starts a helper (or takes an idle one) for a threaded engine in this worker. */
export const spawnDenseThread: DenseThreadSpawner = (init: DenseThreadInit) =>
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
	const plan = denseThreadPlan(self.crossOriginIsolated === true, navigator.hardwareConcurrency || 1);
	const unavailable = plan.unavailable ?? threadedModuleUnavailable();
	if (unavailable) setDenseThreading({ threads: 1, reason: unavailable });
	else setDenseThreading({ threads: plan.threads, spawn: spawnDenseThread, reason: plan.why });
}
