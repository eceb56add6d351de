// The page's handle on the compute worker, where TF.js and its backends live.
import type { ComputeWorkerApi } from '../../../workers/compute.worker.ts';
import { WorkerClient } from './worker-client.ts';

export function createComputeClient(): WorkerClient<ComputeWorkerApi> {
	return new WorkerClient<ComputeWorkerApi>(
		() => new Worker(new URL('../../../workers/compute.worker.ts', import.meta.url), { type: 'module' }),
		{ name: 'compute worker' }
	);
}
