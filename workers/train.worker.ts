// The train worker: loads the data set version itself (from IndexedDB, or bytes the page holds in memory
// mode), picks the backend, runs one training run and stores it with its weights. Thin: the run itself is
// core (runTraining). Pause, resume and stop arrive between batches, since the loop yields to messages.
import { expose } from 'comlink';
import { tableFromArrowIPC } from '$lib/core/data/arrow-ipc.ts';
import type { BackendName } from '$lib/core/backends/backend-names.ts';
import type { BackendReport } from '$lib/core/backends/probe-backends.ts';
import { BenchtopError, toBenchtopError } from '$lib/core/errors.ts';
import { imageShapeOf } from '$lib/core/models/infer-task.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import { TrainControl } from '$lib/core/train/train-control.ts';
import { runTraining, type TrainingRequest } from '$lib/core/train/run-training.ts';
import { trainBestModel } from '$lib/core/train/choose-model.ts';
import type { ModelFamily } from '$lib/core/models/types.ts';
import type { ModelArtifact, RunRecord } from '$lib/core/train/run-record.ts';
import type { EpochRecord, TrainProgress } from '$lib/core/train/types.ts';
import type { ResumeOrigin, TrainCheckpoint } from '$lib/core/train/train-checkpoint.ts';
import { BENCHTOP_VERSION } from '$lib/core/version.ts';
import { installErrorTransfer } from '$lib/worker-protocol/error-transfer.ts';
import { throttledProgress } from '$lib/worker-protocol/progress.ts';
import { tf } from './tfjs-setup.ts';
import { backendReports, markBackendUnavailable, useBackend } from './worker-backend.ts';
import { workerStorage } from './worker-storage.ts';

installErrorTransfer();
// The worker's TF.js for the browser's developer tools (memory, backend, the GPU device) and for the tests that
// break a device on purpose; nothing in the studio reads it.
(self as unknown as { benchtopTf: typeof tf }).benchtopTf = tf;

export interface WorkerTrainRequest {
	dataset: DatasetRecord;
	request: TrainingRequest;
	backend: BackendName | 'auto';
	/** Store the run here (IndexedDB); otherwise hand it back for the page's memory store. */
	store: boolean;
	/** The version's bytes, in memory mode only. */
	arrow?: Uint8Array;
	/** Go on from where an earlier try of this same request got to. */
	resume?: ResumeOrigin;
	/** Train the linear model and the default MLP and keep the better on the validation rows (trainBestModel). */
	compare?: boolean;
}

export interface WorkerTrainOutcome {
	/** Set when stored here. */
	saved?: RunRecord;
	/** Set when the page must store it. */
	unsaved?: { run: Omit<RunRecord, 'id' | 'artifactId'>; artifact: ModelArtifact };
	/** Tensors alive before and after the run: equal when everything was disposed. */
	tensors: { before: number; after: number };
}

export interface TrainCallbacks {
	/** Throttled to about 10 a second. */
	onProgress?: (progress: TrainProgress) => void;
	/** Every finished epoch, never dropped. */
	onEpoch?: (epoch: EpochRecord) => void;
	/** The backend the run uses, and why, as soon as it is chosen. */
	onBackend?: (backend: { name: string; reason: string }) => void;
	/** The run's weights and history after epochs: what the page keeps to go on from if this worker fails. */
	onCheckpoint?: (checkpoint: TrainCheckpoint) => void;
	/** A compared run: which model starts training now (its epochs count from 1 again). */
	onCandidate?: (family: ModelFamily) => void;
}

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
	const spec = request.spec as { family?: string } | undefined;
	if (spec?.family) return spec.family === 'cnn';
	if (request.family && request.family !== 'auto') return request.family === 'cnn';
	const features = dataset.schema.map((c) => c.name).filter((name) => !request.targets.includes(name));
	return imageShapeOf(features) !== null;
}

const api = {
	/** Callbacks come as separate arguments: comlink proxies only top-level ones. */
	async train(
		job: WorkerTrainRequest,
		onProgress?: TrainCallbacks['onProgress'],
		onEpoch?: TrainCallbacks['onEpoch'],
		onBackend?: TrainCallbacks['onBackend'],
		onCheckpoint?: TrainCallbacks['onCheckpoint'],
		onCandidate?: TrainCallbacks['onCandidate']
	): Promise<WorkerTrainOutcome> {
		const callbacks: TrainCallbacks = { onProgress, onEpoch, onBackend, onCheckpoint, onCandidate };
		const { dataset, request } = job;
		const bytes = job.arrow ?? (await (await workerStorage('train worker')).loadDatasetArrow(dataset.id));
		const input = { table: tableFromArrowIPC(bytes), schema: dataset.schema };
		const backend = await useBackend(job.backend, { convolutions: needsConvolutions(request, dataset) });
		watchDevice();
		void callbacks.onBackend?.({ name: backend.name, reason: backend.reason });
		const progress = throttledProgress(callbacks.onProgress);
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
				onCheckpoint: callbacks.onCheckpoint && ((c) => void callbacks.onCheckpoint?.(c)),
				onCandidate: (family) => void callbacks.onCandidate?.(family),
				onProgress(p) {
					progress(p);
					if (p.epochEnd) void callbacks.onEpoch?.(p.epochEnd);
				}
			});
		} catch (error) {
			throw describeFailure(error, backend.name, await deviceLossOf(backend.name));
		} finally {
			control = undefined;
			await progress.settle();
		}
		outcome.model?.dispose();
		const tensors = { before, after: tf.memory().numTensors };
		if (!job.store) return { unsaved: { run: outcome.run, artifact: outcome.artifact }, tensors };
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
