// The data worker's profile workers, for wide tables: started on the first such profile and kept for the
// next. One fewer than the cores, since the data worker summarises a share of the columns itself.
import type { ColumnRunner } from '$lib/core/data/profile/index.ts';
import type { ColumnSummary } from '$lib/core/data/profile/column-profile.ts';

type Answer = { ok: true; summaries: ColumnSummary[] } | { ok: false; message: string };

const MAX_WORKERS = 7;
const pool: Worker[] = [];

/** How many profile workers help the data worker: one per other core, at least one. */
export function profileParallelism(): number {
	return Math.max(1, Math.min(MAX_WORKERS, (self.navigator?.hardwareConcurrency ?? 2) - 1));
}

function runOn(worker: Worker, message: unknown): Promise<ColumnSummary[]> {
	return new Promise((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<Answer>) => {
			if (event.data.ok) resolve(event.data.summaries);
			else reject(new Error(event.data.message));
		};
		worker.onerror = (event) => reject(new Error(`A profile worker stopped: ${event.message}`));
		// Copied, not moved: the data worker still needs the columns for correlations and duplicates.
		worker.postMessage(message);
	});
}

/** Each part on its own worker, answers in part order. */
export const runColumnParts: ColumnRunner = (parts, settings) => {
	while (pool.length < parts.length) {
		pool.push(
			new Worker(new URL('./profile.worker.ts', import.meta.url), { type: 'module', name: 'profile' })
		);
	}
	return Promise.all(parts.map((columns, k) => runOn(pool[k]!, { columns, settings })));
};
