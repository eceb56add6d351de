// The train worker started ahead of need: while a person looks at a data set (Data, Prepare), the page
// starts the train worker when idle (within WARM_WITHIN_MS) and has it probe the TF.js backends (WebGPU and
// WebGL start-up, the WASM backend's module compiled), so that pressing Train on the Train page does not
// wait for any of it.
// The Train page's session takes that worker over; one not taken shuts down on the client's idle timeout.
import type { TrainWorkerApi } from '../../../workers/train.worker.ts';
import { createTrainClient } from './train-client.ts';
import type { WorkerClient } from './worker-client.ts';

let warm: WorkerClient<TrainWorkerApi> | undefined;
/** How many times a page took a train worker: a warm-up scheduled before the last take is moot. */
let takes = 0;

/** The longest a warm-up waits for an idle moment. requestIdleCallback alone waits while the main thread is
 * busy, which on a loaded machine (first-model bench at load 2+, and any slow laptop) meant the warm-up came
 * after the person had pressed through to Train, or never: the worker's start (TF.js, the WASM backend's
 * compile) then lay on the Train page's path. Starting a worker costs the page thread little: it boots on
 * its own thread. */
export const WARM_WITHIN_MS = 150;

/** Starts a train worker and its backend probe, once; later calls do nothing until it is taken. */
export function warmTrainWorker(): void {
	if (warm) return;
	const client = createTrainClient();
	warm = client;
	// A failed probe is not this page's business: the Train page probes again and reports it there.
	client.run((api) => api.backends()).catch(() => undefined);
}

/**
 * Warms the train worker at the page's next idle moment, or after WARM_WITHIN_MS at the latest; nothing when
 * a page has taken a train worker since (it has its own, and a second would boot TF.js beside it).
 */
export function warmTrainWorkerSoon(
	schedule: (run: () => void, withinMs: number) => void = idleWithin
): void {
	const takesNow = takes;
	schedule(() => {
		if (takes === takesNow) warmTrainWorker();
	}, WARM_WITHIN_MS);
}

function idleWithin(run: () => void, withinMs: number): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: withinMs });
	else setTimeout(run, 0);
}

/** The warmed worker when there is one (it is then no longer held here), else a fresh client. */
export function takeTrainClient(): WorkerClient<TrainWorkerApi> {
	takes++;
	const client = warm ?? createTrainClient();
	warm = undefined;
	return client;
}
