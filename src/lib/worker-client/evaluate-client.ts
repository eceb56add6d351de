// The page's handle on the evaluate worker (evaluating a stored run, batch predictions for a file).
import type { EvaluateWorkerApi } from '../../../workers/evaluate.worker.ts';
import { WorkerClient } from './worker-client.ts';

export type {
	EvaluateRunJob,
	PredictFileJob,
	PredictFileProgress,
	PredictFileResult
} from '../../../workers/evaluate.worker.ts';

export function createEvaluateClient(): WorkerClient<EvaluateWorkerApi> {
	return new WorkerClient<EvaluateWorkerApi>(
		() => new Worker(new URL('../../../workers/evaluate.worker.ts', import.meta.url), { type: 'module' }),
		{ name: 'evaluate worker', idleTimeoutMs: 2 * 60_000 }
	);
}
