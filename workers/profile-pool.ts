// The data worker's profile workers, for wide tables: started on the first such profile and kept for the
// next. One fewer than the cores, since the data worker summarises a share of the columns itself (and
// computes a share of the correlation matrix).
import type { ColumnRunner, CorrelationRunner } from '$lib/core/data/profile/index.ts';
import type { ColumnSummary } from '$lib/core/data/profile/column-profile.ts';
import type { ProfileJob } from './profile.worker.ts';

type Answer = { ok: true; result: unknown } | { ok: false; message: string };

const MAX_WORKERS = 7;
const pool: Worker[] = [];

/** How many profile workers help the data worker: one per other core, at least one. */
export function profileParallelism(): number {
	return Math.max(1, Math.min(MAX_WORKERS, (self.navigator?.hardwareConcurrency ?? 2) - 1));
}

/** Each worker's last job: a worker answers one job at a time, so a second profile (the page's table
 * profiled again under its stored id while the first still runs) waits its turn instead of taking the
 * first one's answer. */
const lastJob = new WeakMap<Worker, Promise<unknown>>();

function runOn<T>(worker: Worker, job: ProfileJob): Promise<T> {
	const before = lastJob.get(worker) ?? Promise.resolve();
	const answer = before
		.catch(() => undefined)
		.then(
			() =>
				new Promise<T>((resolve, reject) => {
					worker.onmessage = (event: MessageEvent<Answer>) => {
						if (event.data.ok) resolve(event.data.result as T);
						else reject(new Error(event.data.message));
					};
					worker.onerror = (event) => reject(new Error(`A profile worker stopped: ${event.message}`));
					// Copied, not moved: the data worker still needs the columns for correlations and duplicates.
					worker.postMessage(job);
				})
		);
	lastJob.set(worker, answer);
	return answer;
}

/** Each job on its own worker (started as needed), answers in job order. */
function runAll<T>(jobs: ProfileJob[]): Promise<T[]> {
	while (pool.length < jobs.length) {
		pool.push(
			new Worker(new URL('./profile.worker.ts', import.meta.url), { type: 'module', name: 'profile' })
		);
	}
	return Promise.all(jobs.map((job, k) => runOn<T>(pool[k]!, job)));
}

const runCorrelationParts: CorrelationRunner = (parts) =>
	runAll<(number | null)[]>(parts.map((correlate) => ({ correlate })));

/** Each part of the columns on its own worker; the correlation matrix's parts too. */
export const runColumnParts: ColumnRunner = Object.assign(
	(parts: Parameters<ColumnRunner>[0], settings: Parameters<ColumnRunner>[1]) =>
		runAll<ColumnSummary[]>(parts.map((columns) => ({ columns, settings }))),
	{ correlate: runCorrelationParts }
);
