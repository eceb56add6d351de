// The evaluate worker: evaluates a stored run on its held-out rows and makes batch predictions for an
// uploaded file, off the page's thread. With IndexedDB it loads the run, its weights and the data set
// version itself; in memory mode the page passes the run and weights, and the version's Blob. Thin: the work is core (evaluateRun, predictFile).
import { expose } from 'comlink';
import { evaluateRun } from '$lib/core/evaluate/evaluate-run.ts';
import type { RunEvaluation } from '$lib/core/evaluate/run-evaluation.ts';
import {
	predictFile,
	type PredictFileProgress,
	type PredictFileResult
} from '$lib/core/predict/predict-file.ts';
import { bundleFromRun, loadPredictor } from '$lib/core/predict/predictor.ts';
import type { CsvCells } from '$lib/core/data/export/csv-cell.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import { installErrorTransfer } from '$lib/worker-protocol/error-transfer.ts';
import { throttledProgress } from '$lib/worker-protocol/progress.ts';
import type { DataRef } from '$lib/worker-protocol/data-ref.ts';
import { loadTable } from './load-table.ts';
import { runWithArtifact, type RunJob } from './stored-run.ts';
import { useBackend } from './worker-backend.ts';

installErrorTransfer();

export type { PredictFileProgress, PredictFileResult } from '$lib/core/predict/predict-file.ts';

export interface EvaluateRunJob extends RunJob {
	dataset: DatasetRecord;
	data: DataRef;
}

export interface PredictFileJob extends RunJob {
	dataset?: DatasetRecord;
	file: { name: string; bytes: Uint8Array };
	/** Text cells neutralised for spreadsheets (the default here) or raw, for code. */
	cells?: CsvCells;
}

/** Inference needs no gradients, so the fastest real backend that works here will do. */
const INFERENCE = { convolutions: false };

const api = {
	async evaluateRun(job: EvaluateRunJob): Promise<RunEvaluation> {
		const { run, artifact } = await runWithArtifact(job, 'evaluate worker');
		const input = { table: await loadTable(job.data, 'evaluate worker'), schema: job.dataset.schema };
		await useBackend('auto', INFERENCE);
		return evaluateRun(input, run, artifact);
	},

	/** The progress callback comes as its own argument: comlink proxies only top-level ones. */
	async predictFile(
		job: PredictFileJob,
		onProgress?: (progress: PredictFileProgress) => void
	): Promise<PredictFileResult> {
		const { run, artifact } = await runWithArtifact(job, 'evaluate worker');
		await useBackend('auto', INFERENCE);
		const progress = throttledProgress(onProgress);
		const predictor = await loadPredictor(bundleFromRun(run, artifact));
		try {
			return (await predictFile(predictor, job.file, progress, job.cells ?? 'spreadsheet')).result;
		} finally {
			predictor.dispose();
			await progress.settle();
		}
	}
};

export type EvaluateWorkerApi = typeof api;

expose(api);
