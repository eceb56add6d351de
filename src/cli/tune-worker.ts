// One Node worker thread of `benchtop tune --workers N`: reads the file once, settles the same search plan as
// the main thread (the plan is a pure function of the table and the request, so every thread cuts the same
// test rows off), then trains the trials it is sent, one at a time, and answers each with its outcome.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { importTable } from '../lib/core/data/import/index.ts';
import { runTrial } from '../lib/core/tune/run-trial.ts';
import type { TrialJob } from '../lib/core/tune/search.ts';
import { trialRun } from '../lib/core/tune/trial-runs.ts';
import { jobSetup, planSearch, type TrialResult, type TuneRequest } from '../lib/core/tune/tune.ts';
import { BENCHTOP_VERSION } from '../lib/core/version.ts';
import { useNodeBackend } from './node-backend.ts';

export interface TuneWorkerData {
	file: string;
	hash: string;
	request: TuneRequest;
	convolution: boolean;
}

const data = workerData as TuneWorkerData;
const port = parentPort!;
const input = await importTable(new Blob([readFileSync(data.file)]), { fileName: basename(data.file) });
const plan = planSearch(input, data.request);
const backend = await useNodeBackend(data.convolution);
const context = {
	dataset: { id: data.hash, hash: data.hash, name: basename(data.file) },
	backend,
	versions: { benchtop: BENCHTOP_VERSION, tfjs: tf.version.tfjs }
};
port.on('message', async ({ job, wantRun }: { job: TrialJob; wantRun: boolean }) => {
	const { outcome, training } = await runTrial(plan.data.search, jobSetup(plan, job), job, context);
	training?.model?.dispose();
	const result: TrialResult = {
		outcome,
		...(wantRun && !job.recheck && training && outcome.status !== 'failed'
			? { run: trialRun(training, data.request.searchId, job.trial, outcome.status === 'pruned') }
			: {})
	};
	port.postMessage(result);
});
port.postMessage('ready');
