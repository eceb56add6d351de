// The page's handles on analysis workers: one for importance and slices, and a small pool for
// cross-validation folds. Folds run side by side on the CPU and WASM backends (each worker its own core),
// one at a time on a GPU backend (parallel workers would only queue on the one device and each hold its
// own copy of the weights). Cancelling aborts every fold still running.
import type { BackendName } from '../core/backends/backend-names.ts';
import { BenchtopError } from '../core/errors.ts';
import type { CrossValidationSetup, FoldResult } from '../core/evaluate/cv-fold.ts';
import { summarizeFolds, type CrossValidationResult } from '../core/evaluate/cv-summary.ts';
import type { DatasetRecord } from '../core/registry/index.ts';
import type { TrainProgress } from '../core/train/types.ts';
import type { AnalysisWorkerApi, FoldPlan } from '../../../workers/analysis.worker.ts';
import type { DataRef } from '../worker-protocol/data-ref.ts';
import { progressCallback } from '../worker-protocol/progress.ts';
import { WorkerClient } from './worker-client.ts';

export type { FoldPlan } from '../../../workers/analysis.worker.ts';

/** Past four, folds of a small table gain little and each worker costs its own TF.js and data copy. */
export const MAX_FOLD_WORKERS = 4;

export function createAnalysisClient(): WorkerClient<AnalysisWorkerApi> {
	return new WorkerClient<AnalysisWorkerApi>(
		() => new Worker(new URL('../../../workers/analysis.worker.ts', import.meta.url), { type: 'module' }),
		{ name: 'analysis worker', idleTimeoutMs: 60_000 }
	);
}

export function isGpuBackend(backend: string): boolean {
	return backend === 'webgl' || backend === 'webgpu';
}

/** min(k, cores − 1 (at least 1), 4) workers on CPU or WASM; one on a GPU backend. */
export function foldWorkerCount(k: number, backend: string, cores: number | undefined): number {
	if (isGpuBackend(backend)) return 1;
	return Math.max(1, Math.min(k, Math.max(1, (cores ?? 2) - 1), MAX_FOLD_WORKERS));
}

/**
 * Runs tasks 0…count−1 on `workers` lanes, each lane taking the next task when its last one ends; results
 * in task order. The first failure stops handing out tasks and is what the call rejects with.
 */
export async function runInLanes<T>(
	count: number,
	workers: number,
	task: (index: number, lane: number) => Promise<T>
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	let failed = false;
	const lane = async (id: number) => {
		while (!failed && next < count) {
			const index = next++;
			try {
				results[index] = await task(index, id);
			} catch (error) {
				failed = true;
				throw error;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(workers, count) }, (_, id) => lane(id)));
	return results;
}

export interface FoldRunOptions {
	dataset: DatasetRecord;
	setup: CrossValidationSetup;
	k: number;
	/** The run's backend; 'auto' lets each worker pick. */
	backend: BackendName | 'auto';
	/** The version's rows, as every worker of the pool reads them. */
	data: DataRef;
	signal?: AbortSignal;
	onPlan?: (plan: FoldPlan, workers: number) => void;
	onFoldProgress?: (fold: number, progress: TrainProgress) => void;
	onFold?: (result: FoldResult) => void;
}

/** Cross-validation with its folds spread over a pool of analysis workers, terminated when done. */
export async function crossValidateInWorkers(options: FoldRunOptions): Promise<CrossValidationResult> {
	const { dataset, setup, k, backend, data, signal } = options;
	const cores = typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency;
	const count = foldWorkerCount(k, backend, cores);
	const pool = Array.from({ length: count }, () => createAnalysisClient());
	try {
		const plan = await pool[0]!.run((api) => api.planFolds({ dataset, data, setup, k }), { signal });
		options.onPlan?.(plan, count);
		const folds = await runInLanes(k, count, (fold, lane) =>
			pool[lane]!.run(
				(api) =>
					api.trainFold(
						{ dataset, data, setup, k, fold, backend },
						progressCallback((progress: TrainProgress) => options.onFoldProgress?.(fold, progress))
					),
				{ signal }
			).then((result) => {
				options.onFold?.(result);
				return result;
			})
		);
		return { k, stratified: plan.stratified, folds, summary: summarizeFolds(folds), warnings: plan.warnings };
	} catch (error) {
		if (signal?.aborted) throw new BenchtopError('aborted', 'Cross-validation was cancelled.');
		throw error;
	} finally {
		for (const client of pool) client.terminate();
	}
}
