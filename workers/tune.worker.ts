// A tuning worker: one of the pool the Train page's search runs its trials on. It loads the data set version
// once, settles the same search plan as every other worker of the pool (a pure function of the rows and the
// request: the same test rows cut off everywhere), trains the trials it is sent one at a time, and trains
// the winner's final run, which the page stores. Thin: the search itself is core (core/tune).
import { expose } from 'comlink';
import type { BackendName } from '$lib/core/backends/backend-names.ts';
import { runNeedsConvolutions } from '$lib/core/models/needs-convolutions.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import type { ModelArtifact, RunRecord } from '$lib/core/train/run-record.ts';
import { TrainControl } from '$lib/core/train/train-control.ts';
import { baselineRow, type BaselineRow } from '$lib/core/tune/baseline-row.ts';
import type { RecheckConfig } from '$lib/core/tune/finalists.ts';
import { runTrial } from '$lib/core/tune/run-trial.ts';
import type { TrialJob } from '$lib/core/tune/search.ts';
import { trialRun } from '$lib/core/tune/trial-runs.ts';
import {
	finalRun,
	jobSetup,
	planSearch,
	type TrialResult,
	type TunePlan,
	type TuneRequest
} from '$lib/core/tune/tune.ts';
import type { PrepTable } from '$lib/core/table/prep-table.ts';
import { BENCHTOP_VERSION } from '$lib/core/version.ts';
import { installErrorTransfer } from '$lib/worker-protocol/error-transfer.ts';
import type { DataRef } from '$lib/worker-protocol/data-ref.ts';
import { loadTable } from './load-table.ts';
import { tf } from './tfjs-setup.ts';
import { useBackend } from './worker-backend.ts';

installErrorTransfer();

export interface TuneWorkerJob {
	dataset: DatasetRecord;
	data: DataRef;
	request: TuneRequest;
	backend: BackendName | 'auto';
}

let loaded: { key: string; input: PrepTable; plan: TunePlan } | undefined;
let control: TrainControl | undefined;
/** The search is paused: a trial that starts now (its call crossed the pause) waits as well. */
let paused = false;

/** The rows and the plan, kept between trials of the same search. */
async function planFor(job: TuneWorkerJob) {
	const key = JSON.stringify([job.dataset.id, job.request]);
	if (loaded?.key !== key) {
		const input = { table: await loadTable(job.data, 'tuning worker'), schema: job.dataset.schema };
		loaded = { key, input, plan: planSearch(input, job.request) };
	}
	return loaded;
}

async function contextFor(job: TuneWorkerJob) {
	const features = job.dataset.schema.map((c) => c.name).filter((n) => !job.request.targets.includes(n));
	const backend = await useBackend(job.backend, {
		convolutions: runNeedsConvolutions({ family: 'auto', features })
	});
	return {
		dataset: { id: job.dataset.id, hash: job.dataset.hash, name: job.dataset.name },
		backend: { name: backend.name, reason: backend.reason, software: backend.software },
		versions: { benchtop: BENCHTOP_VERSION, tfjs: tf.version.tfjs }
	};
}

const api = {
	/** The backend this worker trains on: what "auto" resolves to here (the page sizes its pool on it). */
	async backend(job: TuneWorkerJob): Promise<BackendName> {
		return (await contextFor(job)).backend.name;
	},
	/** How the plan compares trials: the folds each is scored on (absent: one split) and the finalists'
	 * re-check, for the page's search loop and its notes. */
	async selection(job: TuneWorkerJob): Promise<{ folds?: number; recheck?: RecheckConfig }> {
		const { plan } = await planFor(job);
		return {
			...(plan.folds === undefined ? {} : { folds: plan.folds }),
			...(plan.recheck ? { recheck: plan.recheck } : {})
		};
	},
	/** What a model that learned nothing scores on the trials' validation rows: the leaderboard's baseline. */
	async baseline(job: TuneWorkerJob): Promise<BaselineRow> {
		const { plan } = await planFor(job);
		return baselineRow(plan.data.search, plan.setup);
	},
	/** One trial; with `wantRun`, its run too when it completed or was pruned (the page stores each one). */
	async trial(job: TuneWorkerJob, trial: TrialJob, wantRun = false): Promise<TrialResult> {
		const { plan } = await planFor(job);
		control = new TrainControl();
		if (paused) control.pause();
		try {
			const { outcome, training } = await runTrial(plan.data.search, jobSetup(plan, trial), trial, {
				...(await contextFor(job)),
				control
			});
			training?.model?.dispose();
			return {
				outcome,
				...(wantRun && !trial.recheck && training && outcome.status !== 'failed'
					? { run: trialRun(training, job.request.searchId, trial.trial, outcome.status === 'pruned') }
					: {})
			};
		} finally {
			control = undefined;
		}
	},
	/** The winner trained on every search row for its trial's `epochs`, its test rows scored: the page stores
	 * it as a run. */
	async final(
		job: TuneWorkerJob,
		params: TrialJob['params'],
		trial: number,
		epochs?: number
	): Promise<{ run: Omit<RunRecord, 'id' | 'artifactId'>; artifact: ModelArtifact }> {
		const { input, plan } = await planFor(job);
		const outcome = await finalRun(input, plan, params, await contextFor(job), epochs);
		outcome.model?.dispose();
		return { run: { ...outcome.run, search: job.request.searchId, trial }, artifact: outcome.artifact };
	},
	/** Ends the trial now training (its figures so far are kept, as for a stopped run). */
	stop: () => control?.stop(),
	/** Holds the trial now training after its current batch, its time not counted, until resume. */
	pause: () => {
		paused = true;
		control?.pause();
	},
	resume: () => {
		paused = false;
		control?.resume();
	}
};

export type TuneWorkerApi = typeof api;

expose(api);
