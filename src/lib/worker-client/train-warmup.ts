// The train worker started ahead of need: while a person looks at a data set (Data, Prepare), the page
// starts the train worker when idle and has it probe the TF.js backends (WebGPU and WebGL start-up, the
// WASM backend's module compiled), so that pressing Train on the Train page does not wait for any of it.
// The Train page's session takes that worker over; one not taken shuts down on the client's idle timeout.
import type { TrainWorkerApi } from '../../../workers/train.worker.ts';
import { createTrainClient } from './train-client.ts';
import type { WorkerClient } from './worker-client.ts';

let warm: WorkerClient<TrainWorkerApi> | undefined;

/** Starts a train worker and its backend probe, once; later calls do nothing until it is taken. */
export function warmTrainWorker(): void {
	if (warm) return;
	const client = createTrainClient();
	warm = client;
	// A failed probe is not this page's business: the Train page probes again and reports it there.
	client.run((api) => api.backends()).catch(() => undefined);
}

/** The warmed worker when there is one (it is then no longer held here), else a fresh client. */
export function takeTrainClient(): WorkerClient<TrainWorkerApi> {
	const client = warm ?? createTrainClient();
	warm = undefined;
	return client;
}
