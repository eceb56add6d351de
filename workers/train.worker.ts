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
import { trainBestModel } from '$lib/core/train/choose-model.ts';
import { trainedRunProfile } from '$lib/core/evaluate/model-drift.ts';
import type { ModelFamily } from '$lib/core/models/types.ts';
import type { BoundaryFrame, BoundaryPlane, BoundaryProbeRequest } from '$lib/core/train/boundary-probe.ts';
import type { ModelArtifact, RunRecord } from '$lib/core/train/run-record.ts';
import type { EpochRecord, TrainProgress } from '$lib/core/train/types.ts';
import type { ResumeOrigin, TrainCheckpoint } from '$lib/core/train/train-checkpoint.ts';
import type { ContinueFrom } from '$lib/core/train/continue-from.ts';
import { BENCHTOP_VERSION } from '$lib/core/version.ts';
import { installErrorTransfer } from '$lib/worker-protocol/error-transfer.ts';
import { throttledProgress } from '$lib/worker-protocol/progress.ts';
import type { DataRef } from '$lib/worker-protocol/data-ref.ts';
import { loadTable } from './load-table.ts';
import { tf } from './tfjs-setup.ts';
import { backendReports, markBackendUnavailable, useBackend } from './worker-backend.ts';
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
	/** Train the linear model and the default MLP and keep the better on the validation rows (trainBestModel). */
	compare?: boolean;
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
}

/** What a run tells the page while it trains, through one callback. */
export type TrainEvent =
	/** Throttled to about 10 a second. */
	| { kind: 'progress'; progress: TrainProgress }
	/** Every finished epoch, never dropped. */
	| { kind: 'epoch'; epoch: EpochRecord }
	/** The backend the run uses, and why, as soon as it is chosen. */
	| { kind: 'backend'; name: string; reason: string }
	/** The run's weights and history after epochs: what the page keeps to go on from if this worker fails. */
	| { kind: 'checkpoint'; checkpoint: TrainCheckpoint }
	/** A compared run: which model starts training now (its epochs count from 1 again). */
	| { kind: 'candidate'; family: ModelFamily }
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
		const input = { table: await loadTable(job.data, 'train worker'), schema: dataset.schema };
		const backend = await useBackend(job.backend, { convolutions: needsConvolutions(request, dataset) });
		watchDevice();
		emit({ kind: 'backend', name: backend.name, reason: backend.reason });
		const progress = throttledProgress(
			onEvent && ((p: TrainProgress) => onEvent({ kind: 'progress', progress: p }))
		);
		control = new TrainControl();
		const before = tf.memory().numTensors;
		let outcome;
		try {
			// A compared run trains two models; one that goes on from a checkpoint finishes the model it was on.
			const train = job.compare && !job.resume ? trainBestModel : runTraining;
			outcome = await train(input, request, {
				dataset: { id: dataset.id, hash: dataset.hash, name: dataset.name },
				backend: { name: backend.name, reason: backend.reason, software: backend.software },
				versions: { benchtop: BENCHTOP_VERSION, tfjs: tf.version.tfjs },
				control,
				...(job.resume ? { resume: job.resume } : {}),
				...(job.init ? { init: job.init } : {}),
				onCheckpoint: onEvent && ((checkpoint) => emit({ kind: 'checkpoint', checkpoint })),
				onCandidate: (family) => emit({ kind: 'candidate', family }),
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
					if (p.epochEnd) emit({ kind: 'epoch', epoch: p.epochEnd });
				}
			});
		} catch (error) {
			throw describeFailure(error, backend.name, await deviceLossOf(backend.name));
		} finally {
			control = undefined;
			await progress.settle();
		}
		outcome.model?.dispose();
		// What a drift report later compares new data with; a run without it still works (the drift page then
		// profiles its data set again), so a failure here never fails the run.
		const profile = await trainedRunProfile(input, outcome.run, outcome.artifact).catch(() => undefined);
		if (profile) outcome.run.trainingProfile = profile;
		const tensors = { before, after: tf.memory().numTensors };
		if (job.data.kind === 'memory')
			return { unsaved: { run: outcome.run, artifact: outcome.artifact }, tensors };
		const saved = await (await workerStorage('train worker')).saveRun(outcome.run, outcome.artifact);
		return { saved, tensors };
	},
	pause: () => control?.pause(),
	resume: () => control?.resume(),
	stop: () => control?.stop(),
	/** What each backend can do here (probed once per worker). */
	backends: (): Promise<BackendReport[]> => backendReports()
};

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

expose(api);
