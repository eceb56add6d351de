// The page's pool of tuning workers: min(cores − 1, 4) on the CPU and WASM backends, one on a GPU backend
// (trials would only queue on the one device), as cross-validation's folds are spread. The search loop is
// core (runSearch): it keeps as many trials going as there are workers and proposes them from finished
// batches only, so the pool finds the same trials as one worker would.
import type { BackendName } from '../core/backends/backend-names.ts';
import type { DatasetRecord } from '../core/registry/index.ts';
import type { BaselineRow } from '../core/tune/baseline-row.ts';
import type { ModelArtifact, RunRecord } from '../core/train/run-record.ts';
import { BATCH, runSearch, type SearchState, type TrialRecord } from '../core/tune/search.ts';
import { searchWinner } from '../core/tune/winner.ts';
import type { SearchSpace } from '../core/tune/space.ts';
import type { TrialRun } from '../core/tune/trial-runs.ts';
import { searchMaxEpochs } from '../core/tune/max-epochs.ts';
import { selectionMetric } from '../core/tune/selection.ts';
import type { TuneRequest } from '../core/tune/tune.ts';
import type { TrainControl, TrainControlState } from '../core/train/train-control.ts';
import type { TuneWorkerApi } from '../../../workers/tune.worker.ts';
import type { DataRef } from '../worker-protocol/data-ref.ts';
import { foldWorkerCount } from './analysis-client.ts';
import { WorkerClient } from './worker-client.ts';

export function createTuneClient(): WorkerClient<TuneWorkerApi> {
	return new WorkerClient<TuneWorkerApi>(
		() => new Worker(new URL('../../../workers/tune.worker.ts', import.meta.url), { type: 'module' }),
		{ name: 'tuning worker', idleTimeoutMs: 60_000 }
	);
}

/** Workers for a search on `backend` (the one the trials train on, not "auto"): as cross-validation's folds
 * get them, min(cores − 1, 4) on CPU and WASM, one on a GPU. */
export function tuneWorkerCount(backend: string, cores: number | undefined): number {
	return foldWorkerCount(BATCH, backend, cores);
}

export interface SearchRunOptions {
	dataset: DatasetRecord;
	data: DataRef;
	/** The page always sends the space it shows. */
	request: TuneRequest & { space: SearchSpace };
	backend: BackendName | 'auto';
	resume?: SearchState;
	/** `folds`: the folds each trial is scored on (absent: one validation split, its best re-checked). */
	onStart?: (workers: number, folds: number | undefined) => void;
	onBaseline?: (baseline: BaselineRow) => void;
	onTrial?: (record: TrialRecord, state: SearchState) => void;
	/** Each completed trial's run, awaited before its onTrial (the page stores the best, admitTrial). */
	onTrialRun?: (record: TrialRecord, run: TrialRun) => Promise<void>;
	/** Asked before each trial: true stops the search there (a trial already training finishes). */
	shouldStop: () => boolean;
	/** Pauses and resumes the search: no trial starts while paused, those training hold after their current
	 * batch, and the time budget stands still. */
	control?: TrainControl;
	/** The finalists' re-check starts (runSearch's onRecheck). */
	onRecheck?: (trials: number, folds: number) => void;
	/** The trials are over: the winner is trained on every search row and scored on the test rows. */
	onFinalRun?: () => void;
}

export interface SearchRunResult {
	state: SearchState;
	/** The winner's final run, to be stored by the page; null when no trial finished. */
	final: { run: Omit<RunRecord, 'id' | 'artifactId'>; artifact: ModelArtifact } | null;
}

/** Runs (or goes on with) a search in a pool of tuning workers, terminated when done. */
export async function searchInWorkers(options: SearchRunOptions): Promise<SearchRunResult> {
	const cores = typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency;
	const job = {
		dataset: options.dataset,
		data: options.data,
		request: options.request,
		backend: options.backend
	};
	// The pool is sized on the backend the trials will train on: "auto" picks a GPU where one works, and
	// trials on one device would only queue there, so the first worker says what "auto" became.
	const first = createTuneClient();
	const pool = [first];
	try {
		const backend = await first.run((api) => api.backend(job));
		const count = tuneWorkerCount(backend, cores);
		while (pool.length < count) pool.push(createTuneClient());
	} catch (error) {
		first.terminate();
		throw error;
	}
	const count = pool.length;
	const idle = [...pool];
	const control = options.control;
	// Every worker hears a pause (one between trials keeps it for the trial it starts next).
	const tell = (state: TrainControlState) => {
		if (state === 'stopped') return;
		for (const client of pool)
			void client.run((api) => (state === 'paused' ? api.pause() : api.resume())).catch(() => undefined);
	};
	const unsubscribe = control?.subscribe(tell);
	try {
		// The selection and the finalists' re-check, as the workers' plan (planSearch) sets them up.
		const { folds, recheck } = await pool[0]!.run((api) => api.selection(job));
		options.onStart?.(count, folds);
		options.onBaseline?.(await pool[0]!.run((api) => api.baseline(job)));
		const state = await runSearch(
			{
				space: options.request.space,
				strategy: options.request.strategy,
				seed: options.request.seed,
				budget: options.request.budget,
				maxEpochs: searchMaxEpochs(options.request.space, options.request.settings),
				...(recheck ? { recheck } : {})
			},
			async (trial) => {
				// runSearch never runs more trials at once than `count`, so a worker is always free here.
				const client = idle.pop()!;
				try {
					const wantRun = options.onTrialRun !== undefined && !trial.recheck;
					const { outcome, run } = await client.run((api) => api.trial(job, trial, wantRun));
					if (run) await options.onTrialRun?.({ trial: trial.trial, params: trial.params, ...outcome }, run);
					return outcome;
				} finally {
					idle.push(client);
				}
			},
			{
				workers: count,
				resume: options.resume,
				onTrial: options.onTrial,
				shouldStop: options.shouldStop,
				...(control
					? {
							now: () => performance.now() - control.pausedMs,
							whilePaused: () => control.whilePaused()
						}
					: {}),
				...(options.onRecheck ? { onRecheck: options.onRecheck } : {})
			}
		);
		const best = searchWinner(
			state.trials,
			selectionMetric(options.request.task, options.request.metric)
		).winner;
		if (best) options.onFinalRun?.();
		const final = best
			? await pool[0]!.run((api) => api.final(job, best.params, best.trial, best.epochs))
			: null;
		return { state, final };
	} finally {
		unsubscribe?.();
		for (const client of pool) client.terminate();
	}
}
