// The data worker's parse workers: started when an import begins (so their start overlaps reading the
// file), each given one part, and kept for the next import until the data worker itself goes.
import type { PartResult, PartRunner, PartTask } from '$lib/core/data/import/parallel-parse.ts';

/** `job` is the number the task was sent with: only the answer to the task just sent is taken. */
export type ParseAnswer = { job: number } & (
	{ ok: true; result: PartResult } | { ok: false; message: string }
);
export interface ParseRequest {
	job: number;
	task: PartTask;
}

const MAX_WORKERS = 8;
const pool: Worker[] = [];
let lastJob = 0;

/** How many parts a big file is read in: one per core, at least two. */
export function parseParallelism(): number {
	return Math.max(2, Math.min(MAX_WORKERS, self.navigator?.hardwareConcurrency ?? 2));
}

/** Starts the workers now; their module loads while the file is still being read. */
export function warmParsePool(size = parseParallelism()): void {
	while (pool.length < size) {
		pool.push(new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'parse' }));
	}
}

function runOn(worker: Worker, task: PartTask): Promise<PartResult> {
	const job = ++lastJob;
	return new Promise((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<ParseAnswer>) => {
			// A worker still reading a part of an import that already failed (on another part) answers
			// late: that answer is the old file's rows, not this part's, and is dropped.
			if (event.data.job !== job) return;
			if (event.data.ok) resolve(event.data.result);
			else reject(new Error(event.data.message));
		};
		worker.onerror = (event) => reject(new Error(`A parse worker stopped: ${event.message}`));
		// The part's bytes are its own copy: moved, not copied again.
		worker.postMessage({ job, task } satisfies ParseRequest, [task.bytes.buffer]);
	});
}

/** Each task on its own worker, answers in task order. */
export const runParts: PartRunner = (tasks) => {
	warmParsePool(tasks.length);
	return Promise.all(tasks.map((task, k) => runOn(pool[k]!, task)));
};
