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
import { bundleFromRun, loadPredictor, type Predictor } from '$lib/core/predict/predictor.ts';
import {
	createWhatIf,
	type WhatIf,
	type WhatIfAnswer,
	type WhatIfField
} from '$lib/core/evaluate/what-if.ts';
import { BenchtopError } from '$lib/core/errors.ts';
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

/** The what-if form's run, kept loaded between keystrokes (one at a time). */
let whatIfOpen: { runId: string; whatIf: WhatIf; predictor: Predictor } | undefined;

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
	},

	/** Loads a run for what-if: its model, its training rows prepared for the nearest-row search. */
	async openWhatIf(job: EvaluateRunJob): Promise<{ fields: WhatIfField[]; trainRows: number }> {
		const { run, artifact } = await runWithArtifact(job, 'evaluate worker');
		const input = { table: await loadTable(job.data, 'evaluate worker'), schema: job.dataset.schema };
		await useBackend('auto', INFERENCE);
		whatIfOpen?.predictor.dispose();
		whatIfOpen = undefined;
		const predictor = await loadPredictor(bundleFromRun(run, artifact));
		try {
			whatIfOpen = { runId: run.id, whatIf: createWhatIf(input, run, predictor), predictor };
		} catch (error) {
			predictor.dispose();
			throw error;
		}
		return { fields: whatIfOpen.whatIf.fields, trainRows: whatIfOpen.whatIf.trainRows };
	},

	/** One typed row of the open run predicted, with its nearest training rows. */
	async answerWhatIf(runId: string, values: Record<string, string>, k?: number): Promise<WhatIfAnswer> {
		if (whatIfOpen?.runId !== runId)
			throw new BenchtopError(
				'not-found',
				'This run is not open for what-if here (the worker was restarted).'
			);
		return whatIfOpen.whatIf.answer(values, k);
	}
};

export type EvaluateWorkerApi = typeof api;

expose(api);
