// Runs in Chromium: hands the plan to a module worker (where the studio trains) and returns its answer.
import type { BackendThroughput, ThroughputPlan, WorkerReply } from './train-throughput.types.ts';

function trainThroughput(plan: ThroughputPlan): Promise<BackendThroughput[]> {
	const worker = new Worker(new URL('./train-throughput.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<BackendThroughput[]>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<WorkerReply>) =>
			event.data.ok ? resolve(event.data.results) : reject(new Error(event.data.error));
		worker.onerror = (event) => reject(new Error(`the training worker failed: ${event.message}`));
		worker.postMessage(plan);
	}).finally(() => worker.terminate());
}

(globalThis as { benchTrainThroughput?: typeof trainThroughput }).benchTrainThroughput = trainThroughput;
document.body.dataset.ready = 'true';
