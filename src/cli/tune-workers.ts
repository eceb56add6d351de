// `benchtop tune --workers N`: trials in N Node worker threads, each with its own TF.js and its own copy
// of the table. Each thread takes one trial at a time; the search loop (core/tune/search.ts) keeps N of
// them busy and, since its proposals never depend on which thread finishes first, finds the same trials.
import { Worker } from 'node:worker_threads';
import type { TrialJob } from '../lib/core/tune/search.ts';
import type { TrialResult } from '../lib/core/tune/tune.ts';
import type { TuneWorkerData } from './tune-worker.ts';

/**
 * A worker running tune-worker beside this file: the compiled copy in dist/cli/, or under tsx the TypeScript
 * source, loaded through tsx's tsImport (Node 20 does not pass `--import tsx` on to worker threads).
 */
function startWorker(workerData: TuneWorkerData): Worker {
	if (!import.meta.url.endsWith('.ts'))
		return new Worker(new URL('./tune-worker.js', import.meta.url), { workerData });
	const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
	const entry = JSON.stringify(new URL('./tune-worker.ts', import.meta.url).href);
	const parent = JSON.stringify(import.meta.url);
	const boot = `import(${api}).then(({ tsImport }) => tsImport(${entry}, ${parent}))`;
	return new Worker(boot, { eval: true, workerData });
}

export interface TrialThreads {
	/** `wantRun`: send back the completed trial's run (its record and model) too. */
	run(job: TrialJob, wantRun?: boolean): Promise<TrialResult>;
	close(): Promise<void>;
}

export async function startTrialThreads(count: number, data: TuneWorkerData): Promise<TrialThreads> {
	const idle: Worker[] = [];
	const waiting: ((worker: Worker) => void)[] = [];
	const all = await Promise.all(
		Array.from(
			{ length: count },
			() =>
				new Promise<Worker>((resolve, reject) => {
					const worker = startWorker(data);
					worker.once('error', reject);
					worker.once('message', () => resolve(worker));
				})
		)
	);
	idle.push(...all);
	const take = () =>
		new Promise<Worker>((resolve) => {
			const worker = idle.pop();
			if (worker) resolve(worker);
			else waiting.push(resolve);
		});
	const give = (worker: Worker) => {
		const next = waiting.shift();
		if (next) next(worker);
		else idle.push(worker);
	};
	return {
		async run(job, wantRun = false) {
			const worker = await take();
			try {
				return await new Promise<TrialResult>((resolve, reject) => {
					worker.once('message', resolve);
					worker.once('error', reject);
					worker.postMessage({ job, wantRun });
				});
			} finally {
				worker.removeAllListeners('error');
				give(worker);
			}
		},
		async close() {
			await Promise.all(all.map((w) => w.terminate()));
		}
	};
}
