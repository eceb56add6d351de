// The analysis worker: one cross-validation fold per call (the page runs several of these workers side by
// side), permutation importance of a stored run, and metrics per group of a column. Thin: the work is core
// (evaluate/cross-validate, permutation-importance, group-metrics); this loads rows and picks a backend.
import { expose } from 'comlink';
import type { BackendName } from '$lib/core/backends/backend-names.ts';
import { BenchtopError } from '$lib/core/errors.ts';
import { engineFor } from '$lib/core/models/families.ts';
import {
	crossValidationFolds,
	trainFold,
	type CrossValidationFolds,
	type CrossValidationSetup,
	type FoldResult
} from '$lib/core/evaluate/cross-validate.ts';
import { groupMetrics, type GroupMetrics, type GroupOptions } from '$lib/core/evaluate/group-metrics.ts';
import {
	permutationImportanceOfRun,
	type PermutationImportance
} from '$lib/core/evaluate/permutation-importance.ts';
import type { RunEvaluation } from '$lib/core/evaluate/run-evaluation.ts';
import { columnValues } from '$lib/core/table/read-column.ts';
import type { PrepTable } from '$lib/core/table/prep-table.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import type { TrainProgress } from '$lib/core/train/types.ts';
import { installErrorTransfer } from '$lib/worker-protocol/error-transfer.ts';
import { throttledProgress } from '$lib/worker-protocol/progress.ts';
import type { DataRef } from '$lib/worker-protocol/data-ref.ts';
import { loadTable } from './load-table.ts';
import { runWithArtifact, type RunJob } from './stored-run.ts';
import { useBackend } from './worker-backend.ts';

installErrorTransfer();

interface DataJob {
	dataset: DatasetRecord;
	data: DataRef;
}

export interface FoldPlanJob extends DataJob {
	setup: CrossValidationSetup;
	k: number;
}

export interface FoldJob extends FoldPlanJob {
	/** 0-based. */
	fold: number;
	backend: BackendName | 'auto';
}

export interface FoldPlan {
	stratified: boolean;
	warnings: string[];
	sizes: { train: number; test: number }[];
}

export interface ImportanceJob extends DataJob, RunJob {
	repeats?: number;
}

export interface ImportanceProgress {
	done: number;
	total: number;
}

export interface SliceJob extends DataJob, GroupOptions {
	evaluation: RunEvaluation;
	column: string;
}

/** The folds of the last version split: a worker in the pool trains several folds of the same rows. */
let cachedFolds: { key: string; folds: CrossValidationFolds } | undefined;

/** The version's rows, decoded once per worker (loadTable keeps the last one). */
async function loadInput(job: DataJob): Promise<PrepTable> {
	return { table: await loadTable(job.data, 'analysis worker'), schema: job.dataset.schema };
}

function foldsOf(job: FoldPlanJob, input: PrepTable): CrossValidationFolds {
	const key = JSON.stringify([job.dataset.id, job.k, job.setup.seed, job.setup.task, job.setup.targets]);
	if (cachedFolds?.key !== key) cachedFolds = { key, folds: crossValidationFolds(input, job.setup, job.k) };
	return cachedFolds.folds;
}

function hasConvolutions(setup: CrossValidationSetup): boolean {
	return engineFor(setup.spec).needsConvolutions(setup.spec);
}

const api = {
	/** How the rows fall into folds, before any training: the page shows sizes and warnings at once. */
	async planFolds(job: FoldPlanJob): Promise<FoldPlan> {
		const { folds, stratified, warnings } = foldsOf(job, await loadInput(job));
		return {
			stratified,
			warnings,
			sizes: folds.map((f) => ({ train: f.train.length, test: f.test.length }))
		};
	},

	/** Trains and scores one fold; the progress callback comes as its own argument (comlink proxies only those). */
	async trainFold(job: FoldJob, onProgress?: (progress: TrainProgress) => void): Promise<FoldResult> {
		const input = await loadInput(job);
		const fold = foldsOf(job, input).folds[job.fold];
		if (!fold) throw new BenchtopError('bad-input', `There is no fold ${job.fold + 1} of ${job.k}.`);
		await useBackend(job.backend, { convolutions: hasConvolutions(job.setup) });
		const progress = throttledProgress(onProgress);
		try {
			return await trainFold(input, job.setup, fold, job.fold, { onProgress: progress });
		} finally {
			await progress.settle();
		}
	},

	async importance(
		job: ImportanceJob,
		onProgress?: (progress: ImportanceProgress) => void
	): Promise<PermutationImportance> {
		const input = await loadInput(job);
		const { run, artifact } = await runWithArtifact(job, 'analysis worker');
		const requested = run.backend.name as BackendName;
		await useBackend(['webgpu', 'webgl', 'wasm', 'cpu'].includes(requested) ? requested : 'auto', {
			convolutions: false
		});
		const progress = throttledProgress(onProgress);
		try {
			return await permutationImportanceOfRun(input, run, artifact, {
				repeats: job.repeats,
				onProgress: (done, total) => progress({ done, total })
			});
		} finally {
			await progress.settle();
		}
	},

	async groupMetrics(job: SliceJob): Promise<GroupMetrics> {
		const input = await loadInput(job);
		const schema = job.dataset.schema.find((c) => c.name === job.column);
		if (!schema) throw new BenchtopError('bad-input', `There is no column “${job.column}” in this data set.`);
		const values = columnValues(input.table, job.column);
		return groupMetrics(job.evaluation, { name: job.column, type: schema.type, values }, job);
	}
};

export type AnalysisWorkerApi = typeof api;

expose(api);
