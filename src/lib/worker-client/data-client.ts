// The page's handle on the data worker.
import type { DataWorkerApi } from '../../../workers/data.worker.ts';
import { WorkerClient } from './worker-client.ts';

export function createDataClient(): WorkerClient<DataWorkerApi> {
	return new WorkerClient<DataWorkerApi>(
		() => new Worker(new URL('../../../workers/data.worker.ts', import.meta.url), { type: 'module' }),
		{ name: 'data worker' }
	);
}
