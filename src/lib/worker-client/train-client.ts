// The page's handle on the train worker. Its idle timeout is long: a run keeps it busy, and the probed
// backends are worth keeping between runs.
import type { TrainWorkerApi } from '../../../workers/train.worker.ts';
import { WorkerClient } from './worker-client.ts';

export function createTrainClient(): WorkerClient<TrainWorkerApi> {
	return new WorkerClient<TrainWorkerApi>(
		() => new Worker(new URL('../../../workers/train.worker.ts', import.meta.url), { type: 'module' }),
		{ name: 'train worker', idleTimeoutMs: 5 * 60_000 }
	);
}
