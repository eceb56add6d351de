// Node worker threads standing in for the page's parse workers, so the bench measures the same
// parallel read the Data page does (split, parts at once, checked and joined).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PartResult, PartRunner } from '../src/lib/core/data/import/parallel-parse.ts';

export interface PartThreads {
	size: number;
	run: PartRunner;
	close(): Promise<void>;
}

export async function startPartThreads(size = Math.max(2, availableParallelism())): Promise<PartThreads> {
	// Loaded through tsx's tsImport: Node 20 does not pass `--import tsx` on to worker threads.
	const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
	const entry = JSON.stringify(new URL('./csv-part-thread.ts', import.meta.url).href);
	const boot = `import(${api}).then(({ tsImport }) => tsImport(${entry}, ${JSON.stringify(import.meta.url)}))`;
	const workers = Array.from({ length: size }, () => new Worker(boot, { eval: true }));
	// Started and loaded before the clock starts, as the page warms its pool while the file is read.
	await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
	const run: PartRunner = (tasks) =>
		Promise.all(
			tasks.map(
				(task, k) =>
					new Promise<PartResult>((resolve, reject) => {
						const worker = workers[k % size]!;
						worker.once('message', resolve);
						worker.once('error', reject);
						worker.postMessage(task, [task.bytes.buffer as ArrayBuffer]);
					})
			)
		);
	return { size, run, close: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}
