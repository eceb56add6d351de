// The evaluate worker: evaluates a stored run on its held-out rows and makes batch predictions for an
// uploaded file, off the page's thread. With IndexedDB it loads the run, its weights and the data set
// version itself; in memory mode the page passes them. Thin: the work is core (evaluateRun, predictFile).
import { expose } from 'comlink';
import { chooseTrainingBackend } from '$lib/core/backends/choose-training-backend.ts';
import { probeBackends, type BackendReport } from '$lib/core/backends/probe-backends.ts';
import { tableFromArrowIPC } from '$lib/core/data/arrow-ipc.ts';
import { BenchtopError } from '$lib/core/errors.ts';
import { evaluateRun } from '$lib/core/evaluate/evaluate-run.ts';
import type { RunEvaluation } from '$lib/core/evaluate/run-evaluation.ts';
import {
	predictFile,
	type PredictFileProgress,
	type PredictFileResult
} from '$lib/core/predict/predict-file.ts';
import { bundleFromRun, loadPredictor } from '$lib/core/predict/predictor.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import type { ModelArtifact, RunRecord } from '$lib/core/train/run-record.ts';
import { installErrorTransfer } from '$lib/worker-client/error-transfer.ts';
import { throttledProgress } from '$lib/worker-client/progress.ts';
import { tf, tfLike } from './tfjs-setup.ts';
import { workerStorage } from './worker-storage.ts';

installErrorTransfer();

export type { PredictFileProgress, PredictFileResult } from '$lib/core/predict/predict-file.ts';

export interface EvaluateRunJob {
	dataset: DatasetRecord;
	runId: string;
	/** Memory mode: the run, its weights and the version's bytes, which the worker cannot load itself. */
	run?: RunRecord;
	artifact?: ModelArtifact;
	arrow?: Uint8Array;
}

export interface PredictFileJob {
	dataset?: DatasetRecord;
	runId: string;
	run?: RunRecord;
	artifact?: ModelArtifact;
	file: { name: string; bytes: Uint8Array };
}

let reports: Promise<BackendReport[]> | undefined;

/** Inference needs no gradients, so any real backend will do; the fastest one that works here. */
async function useBackend(): Promise<void> {
	reports ??= probeBackends(tfLike);
	const choice = chooseTrainingBackend(await reports, 'auto', { convolutions: false });
	if (choice.name === null) throw new BenchtopError('backend-unavailable', choice.reason);
	if (tf.getBackend() !== choice.name) await tf.setBackend(choice.name);
	await tf.ready();
}

async function runWithArtifact(job: {
	runId: string;
	run?: RunRecord;
	artifact?: ModelArtifact;
}): Promise<{ run: RunRecord; artifact: ModelArtifact }> {
	if (job.run && job.artifact) return { run: job.run, artifact: job.artifact };
	const registry = await workerStorage('evaluate worker');
	const run = job.run ?? (await registry.getRun(job.runId));
	if (!run) throw new BenchtopError('not-found', 'This run is no longer stored: it may have been deleted.');
	return { run, artifact: job.artifact ?? (await registry.loadRunArtifact(run)) };
}

const api = {
	async evaluateRun(job: EvaluateRunJob): Promise<RunEvaluation> {
		const { run, artifact } = await runWithArtifact(job);
		const bytes =
			job.arrow ?? (await (await workerStorage('evaluate worker')).loadDatasetArrow(job.dataset.id));
		const input = { table: tableFromArrowIPC(bytes), schema: job.dataset.schema };
		await useBackend();
		return evaluateRun(input, run, artifact);
	},

	/** The progress callback comes as its own argument: comlink proxies only top-level ones. */
	async predictFile(
		job: PredictFileJob,
		onProgress?: (progress: PredictFileProgress) => void
	): Promise<PredictFileResult> {
		const { run, artifact } = await runWithArtifact(job);
		await useBackend();
		const progress = throttledProgress(onProgress);
		const predictor = await loadPredictor(bundleFromRun(run, artifact));
		try {
			return (await predictFile(predictor, job.file, progress)).result;
		} finally {
			predictor.dispose();
			await progress.settle();
		}
	}
};

export type EvaluateWorkerApi = typeof api;

expose(api);
