// The train worker: loads the data set version itself (from IndexedDB, or the Blob the page holds in memory
// mode), picks the backend, runs one training run and stores it with its weights. Thin: the run itself is
// core (runTraining). Pause, resume and stop arrive between batches, since the loop yields to messages.
import { expose } from 'comlink';
import type { BackendName } from '$lib/core/backends/backend-names.ts';
import type { BackendReport } from '$lib/core/backends/probe-backends.ts';
import { BenchtopError, toBenchtopError } from '$lib/core/errors.ts';
import { runNeedsConvolutions } from '$lib/core/models/needs-convolutions.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import { TrainControl } from '$lib/core/train/train-control.ts';
import { runTraining, type TrainingRequest } from '$lib/core/train/run-training.ts';
import { trainedRunProfile } from '$lib/core/evaluate/model-drift.ts';
import type { BoundaryFrame, BoundaryPlane, BoundaryProbeRequest } from '$lib/core/train/boundary-probe.ts';
import type { ModelArtifact, RunRecord } from '$lib/core/train/run-record.ts';
import type { EpochRecord, TrainProgress } from '$lib/core/train/types.ts';
import type { ResumeOrigin, TrainCheckpoint } from '$lib/core/train/train-checkpoint.ts';
import type { ContinueFrom } from '$lib/core/train/continue-from.ts';
import { BENCHTOP_VERSION } from '$lib/core/version.ts';
import { installErrorTransfer } from '$lib/worker-protocol/error-transfer.ts';
import { batchedItems, throttledProgress } from '$lib/worker-protocol/progress.ts';
import type { DataRef } from '$lib/worker-protocol/data-ref.ts';
import { loadTable } from './load-table.ts';
import { tf } from './tfjs-setup.ts';
import { backendReports, chooserBackends, markBackendUnavailable, useBackend } from './worker-backend.ts';
import { workerStorage } from './worker-storage.ts';
import { setUpDenseThreads } from './dense-thread-pool.ts';

installErrorTransfer();
setUpDenseThreads();
// The worker's TF.js for the browser's developer tools (memory, backend, the GPU device) and for the tests that
// break a device on purpose; nothing in the studio reads it.
(self as unknown as { benchtopTf: typeof tf }).benchtopTf = tf;

export interface WorkerTrainRequest {
	dataset: DatasetRecord;
	/** The version's rows. A run of a stored version is stored here; of a memory one, handed back to the page. */
	data: DataRef;
	request: TrainingRequest;
	backend: BackendName | 'auto';
	/** Go on from where an earlier try of this same request got to. */
	resume?: ResumeOrigin;
	/** Draw the live decision boundary over these two raw columns (the model has exactly these features). */
	boundary?: BoundaryProbeRequest;
	/** Train a saved model version further (its weights and optimizer state, or centroids). */
	init?: ContinueFrom;
}

export interface WorkerTrainOutcome {
	/** Set when stored here. */
	saved?: RunRecord;
	/** Set when the page must store it. */
	unsaved?: { run: Omit<RunRecord, 'id' | 'artifactId'>; artifact: ModelArtifact };
	/** Tensors alive before and after the run: equal when everything was disposed. */
	tensors: { before: number; after: number };
	/** Where the worker's time went, in ms (the first-model bench prints them). */
	timings: TrainTimings;
}

/** The steps of one `train` call, each in ms. `runMs` holds the run record's own `durationMs`. */
export interface TrainTimings {
	/** The version's rows read (IndexedDB or the page's Blob) and decoded; ~0 when this worker had them. */
	loadTableMs: number;
	/** The backend made ready (TF.js, its WASM compiled: ~0 when the warm-up did it) and the chooser's list. */
	backendMs: number;
	/** runTraining: split, recipe, the engine choice, the epochs, scoring validation and test, the weights. */
	runMs: number;
	/** The training rows' profile kept for drift checks. */
	profileMs: number;
	/** The run and its weights written to IndexedDB (0 when the page stores them). */
	saveMs: number;
	/** When the call began and ended, in epoch ms (performance.timeOrigin + now: comparable with the page's). */
	startedAt: number;
	/** When this worker's code (TF.js and its backends' code) had loaded and it began to answer calls. */
	readyAt: number;
	finishedAt: number;
}

/** What a run tells the page while it trains, through one callback. */
export type TrainEvent =
	/** Throttled to about 10 a second. */
	| { kind: 'progress'; progress: TrainProgress }
	/** Every finished epoch, never dropped. */
	| { kind: 'epochs'; epochs: EpochRecord[] }
	/** The backend the run uses, and why, as soon as it is chosen; again if the engine chooser moves the run. */
	| { kind: 'backend'; name: string; reason: string }
	/** The run's weights and history after epochs: what the page keeps to go on from if this worker fails. */
	| { kind: 'checkpoint'; checkpoint: TrainCheckpoint }
	/** The decision boundary's plane (axes and points), once per model before its first epoch. */
	| { kind: 'boundary-plane'; plane: BoundaryPlane }
	/** The model's outputs over the plane's grid after some epochs (a few kilobytes: 40 × 40 × outputs). */
	| { kind: 'boundary-frame'; frame: BoundaryFrame }
	/** Why this run draws no boundary after all. */
	| { kind: 'boundary-unavailable'; reason: string };

let control: TrainControl | undefined;
const watchedDevices = new WeakSet<object>();

function webgpuDevice(): GPUDevice | undefined {
	if (tf.getBackend() !== 'webgpu') return undefined;
	return (tf.backend() as unknown as { device?: GPUDevice }).device;
}

/**
 * Why the WebGPU device went, when it did. A lost device first fails a read with a bare AbortError; its `lost`
 * promise settles a moment later, so it is given a second to say so.
 */
async function deviceLossOf(backend: string): Promise<string | undefined> {
	const device = backend === 'webgpu' ? webgpuDevice() : undefined;
	if (!device) return undefined;
	const info = await Promise.race([device.lost, new Promise<undefined>((r) => setTimeout(r, 1000))]);
	return info ? info.message || `the device was ${info.reason ?? 'lost'}` : undefined;
}

/** Listens for the loss of the WebGPU device, and takes WebGPU off this worker's list once it is gone. */
function watchDevice(): void {
	const device = webgpuDevice();
	if (!device || watchedDevices.has(device)) return;
	watchedDevices.add(device);
	void device.lost.then(() => {
		markBackendUnavailable(
			'webgpu',
			'The GPU device was lost in this session: reload the page to use WebGPU again.'
		);
	});
}

function needsConvolutions(request: TrainingRequest, dataset: DatasetRecord): boolean {
	const features = dataset.schema.map((c) => c.name).filter((name) => !request.targets.includes(name));
	return runNeedsConvolutions({ spec: request.spec, family: request.family, features });
}

const api = {
	/** The event callback comes as its own argument: comlink proxies only top-level ones. */
	async train(job: WorkerTrainRequest, onEvent?: (event: TrainEvent) => void): Promise<WorkerTrainOutcome> {
		const emit = (event: TrainEvent) => void onEvent?.(event);
		const { dataset, request } = job;
		const startedAt = performance.timeOrigin + performance.now();
		const clock = stepClock();
		const input = { table: await loadTable(job.data, 'train worker'), schema: dataset.schema };
		const loadTableMs = clock.lap();
		const backend = await useBackend(job.backend, { convolutions: needsConvolutions(request, dataset) });
		watchDevice();
		// A dense run's chooser may time TF.js on the other backends found here (path-choice.ts).
		const backendPaths = await chooserBackends(job.backend);
		const backendMs = clock.lap();
		emit({ kind: 'backend', name: backend.name, reason: backend.reason });
		const progress = throttledProgress(
			onEvent && ((p: TrainProgress) => onEvent({ kind: 'progress', progress: p }))
		);
		const epochs = batchedItems(
			onEvent && ((records: EpochRecord[]) => onEvent({ kind: 'epochs', epochs: records }))
		);
		control = new TrainControl();
		const before = tf.memory().numTensors;
		let outcome;
		try {
			outcome = await runTraining(input, request, {
				dataset: { id: dataset.id, hash: dataset.hash, name: dataset.name },
				backend: { name: backend.name, reason: backend.reason, software: backend.software },
				...(backendPaths ? { backendPaths } : {}),
				// The chooser may move the model before the first batch: the live page then names where it went.
				onBackendMoved: (moved) => emit({ kind: 'backend', name: moved.name, reason: moved.reason }),
				versions: { benchtop: BENCHTOP_VERSION, tfjs: tf.version.tfjs },
				control,
				...(job.resume ? { resume: job.resume } : {}),
				...(job.init ? { init: job.init } : {}),
				onCheckpoint: onEvent && ((checkpoint) => emit({ kind: 'checkpoint', checkpoint })),
				...(job.boundary && onEvent
					? {
							boundary: {
								request: job.boundary,
								onPlane: (plane: BoundaryPlane) => emit({ kind: 'boundary-plane', plane }),
								onFrame: (frame: BoundaryFrame) => emit({ kind: 'boundary-frame', frame }),
								onUnavailable: (reason: string) => emit({ kind: 'boundary-unavailable', reason })
							}
						}
					: {}),
				onProgress(p) {
					progress(p);
					if (p.epochEnd) epochs(p.epochEnd);
				}
			});
		} catch (error) {
			// The chooser may have moved the run to another backend: the failure is that one's.
			const failed = tf.getBackend();
			throw describeFailure(error, failed, await deviceLossOf(failed));
		} finally {
			control = undefined;
			await epochs.settle();
			await progress.settle();
		}
		outcome.model?.dispose();
		const runMs = clock.lap();
		// What a drift report later compares new data with; a run without it still works (the drift page then
		// profiles its data set again), so a failure here never fails the run.
		const profile = await trainedRunProfile(input, outcome.run, outcome.artifact).catch(() => undefined);
		if (profile) outcome.run.trainingProfile = profile;
		const profileMs = clock.lap();
		const tensors = { before, after: tf.memory().numTensors };
		const timings = (saveMs: number): TrainTimings => ({
			loadTableMs,
			backendMs,
			runMs,
			profileMs,
			saveMs,
			startedAt,
			readyAt,
			finishedAt: performance.timeOrigin + performance.now()
		});
		if (job.data.kind === 'memory')
			return { unsaved: { run: outcome.run, artifact: outcome.artifact }, tensors, timings: timings(0) };
		const saved = await (await workerStorage('train worker')).saveRun(outcome.run, outcome.artifact);
		return { saved, tensors, timings: timings(clock.lap()) };
	},
	pause: () => control?.pause(),
	resume: () => control?.resume(),
	stop: () => control?.stop(),
	/** What each backend can do here (probed once per worker). */
	backends: (): Promise<BackendReport[]> => backendReports()
};

/** Milliseconds since the last lap (or the start), rounded to 0.1 ms. */
function stepClock(): { lap(): number } {
	let last = performance.now();
	return {
		lap() {
			const now = performance.now();
			const ms = Math.round((now - last) * 10) / 10;
			last = now;
			return ms;
		}
	};
}

/** A lost GPU device surfaces as a TF.js or WebGPU error deep in a kernel; say it in words. */
function describeFailure(error: unknown, backend: string, lost: string | undefined): BenchtopError {
	const failure = toBenchtopError(error, 'Training failed.');
	const text = `${failure.message} ${failure.detail ?? ''}`;
	if (lost !== undefined || /device (was )?lost|GPUDevice|context lost|CONTEXT_LOST/i.test(text)) {
		return new BenchtopError(
			'backend-unavailable',
			`The ${backend} device was lost during training (the GPU was reset or another app took it).`,
			lost ?? failure.detail ?? failure.message
		);
	}
	if (/not registered for backend/i.test(text)) {
		return new BenchtopError(
			'backend-unavailable',
			`The ${backend} backend cannot train this model (it lacks an operation it needs, such as the gradient of a convolution).`,
			failure.detail ?? failure.message
		);
	}
	return failure;
}

export type TrainWorkerApi = typeof api;

const readyAt = performance.timeOrigin + performance.now();
expose(api);
