// The trials the chooser times (engine-chooser.ts, path-choice.ts): the fused engine on its own instance, and
// TF.js on every backend the plan names, each on its own copy of the run's model made on that backend from
// the same initial weights (read once, asynchronously: a WebGPU device is never read synchronously). The run
// itself is untouched: its weights, optimizer state and dropout streams are as they were. When TF.js on
// another backend wins, the model moves there (its weights written anew from the same initial values), so
// everything the run then makes lives on that backend.
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../../backends/backend-names.ts';
import { SeededDropout } from '../../models/seeded-dropout.ts';
import type { DeviceArrays } from '../epoch-metrics.ts';
import type { NetworkTask, TrainingArrays } from '../training-data.ts';
import { makeTrainStep } from '../train-step.ts';
import { trainLossFor } from '../loss-choice.ts';
import type { TrainSettings } from '../types.ts';
import { readWeights, weightTensors } from '../train-checkpoint.ts';
import type { DenseNetworkSpec } from './dense-engine.ts';
import { DenseStepper } from './dense-stepper.ts';
import {
	timePath,
	tinyRun,
	type PathTiming,
	type TrialLimits,
	TINY_RUN_FLOPS,
	TRIAL_LIMITS
} from './engine-chooser.ts';
import {
	choosePath,
	planBackendTrials,
	tfjsLabel,
	type BackendPath,
	type EngineRecord,
	type MeasuredPath,
	type PathRecord
} from './path-choice.ts';

export interface TrialSetup {
	/** The run's model, on the backend TF.js is on now (the run's own). */
	model: tf.LayersModel;
	task: NetworkTask;
	spec: DenseNetworkSpec;
	train: TrainingArrays;
	settings: TrainSettings;
	batchSize: number;
	createOptimizer: () => tf.Optimizer;
	disposeOptimizer: (optimizer: tf.Optimizer) => void;
	limits?: TrialLimits;
	/** The run's backend is a software GPU adapter (its TF.js path is then never preferred). */
	backendSoftware?: boolean;
	/** Runs with less arithmetic than this are not timed (tinyRun); default TINY_RUN_FLOPS. */
	tinyRunFlops?: number;
	/** The TF.js backends the worker found (path-choice.ts plans which to time); absent: the run's own only. */
	backends?: readonly BackendPath[];
}

/** Makes every seeded dropout layer draw a fixed mask seed until the returned function is called. */
function holdDropoutStreams(model: tf.LayersModel): () => void {
	const held = model.layers.filter((layer): layer is SeededDropout => layer instanceof SeededDropout);
	// An own property shadows the prototype's method; deleting it brings the layer's stream back untouched.
	for (const layer of held) layer.nextMaskSeed = () => 1;
	return () => {
		for (const layer of held) delete (layer as Partial<Pick<SeededDropout, 'nextMaskSeed'>>).nextMaskSeed;
	};
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

async function switchTo(backend: string): Promise<void> {
	if (tf.getBackend() === backend) return;
	if (!(await tf.setBackend(backend))) throw new Error(`TF.js could not start its ${backend} backend`);
	await tf.ready();
}

/** The engine's trial on its own instance (the run's dropout streams held still meanwhile). */
async function timeEngine(setup: TrialSetup, size: number, limits: TrialLimits) {
	const { model, task, train, settings, batchSize } = setup;
	const release = holdDropoutStreams(model);
	try {
		const stepper = await DenseStepper.create(setup.spec, model, task, train, settings, batchSize);
		stepper.startEpoch(Int32Array.from({ length: train.n }, (_, i) => i));
		const timing = await timePath(
			{ run: () => stepper.step(0, size), dispose: () => stepper.release() },
			limits
		);
		const { threads } = stepper.threading;
		const label = `the fused WASM engine (${stepper.build}, ${threads === 1 ? 'one thread' : `${threads} threads`})`;
		return { timing, label };
	} finally {
		release();
	}
}

/** The run's first `size` rows on the current backend: a trial steps one batch of them, again and again. */
function firstRows(train: TrainingArrays, size: number): DeviceArrays {
	const x = tf.tensor2d(
		train.x.subarray(0, size * train.featureCount),
		[size, train.featureCount],
		'float32'
	);
	try {
		const y = tf.tensor2d(train.y.subarray(0, size * train.outputSize), [size, train.outputSize], 'float32');
		return { x, y, n: size };
	} catch (error) {
		x.dispose();
		throw error;
	}
}

/** A copy of `model` on the current backend holding `weights`: the same layers, a fresh set of variables. */
async function copyOf(model: tf.LayersModel, weights: readonly Float32Array[]): Promise<tf.LayersModel> {
	// Seeded dropout saves as TF.js's own Dropout: the same arithmetic per batch, a stream of its own.
	const topology = model.toJSON(null, false) as unknown as tf.io.ModelJSON['modelTopology'];
	const copy = await tf.models.modelFromJSON({ modelTopology: topology });
	try {
		const held = weightTensors(copy, weights);
		copy.setWeights(held);
		tf.dispose(held);
		return copy;
	} catch (error) {
		copy.dispose();
		throw error;
	}
}

/** TF.js's trial on `backend`: a copy of the model, the first rows and an optimizer, all made there and
 * disposed after. Leaves TF.js on `backend` (the caller switches back). */
async function timeTfjs(
	setup: TrialSetup,
	backend: BackendName,
	weights: readonly Float32Array[],
	size: number,
	limits: TrialLimits
): Promise<PathTiming> {
	await switchTo(backend);
	const copy = await copyOf(setup.model, weights);
	// Made inside the try: a backend that fails here (a lost device) must not keep the copy or the rows.
	let rows: DeviceArrays | undefined;
	let order: tf.Tensor1D | undefined;
	let optimizer: tf.Optimizer | undefined;
	try {
		const data = (rows = firstRows(setup.train, size));
		const batch = (order = tf.tensor1d(
			Int32Array.from({ length: size }, (_, i) => i),
			'int32'
		));
		optimizer = setup.createOptimizer();
		const loss = trainLossFor(setup.task, setup.settings);
		const step = makeTrainStep({ model: copy, task: setup.task, optimizer, data, loss });
		return await timePath(
			{
				run: async () => {
					const sums = step(batch, 0, size);
					try {
						await sums.data();
					} finally {
						sums.dispose();
					}
				},
				dispose: () => undefined
			},
			limits
		);
	} finally {
		if (optimizer) setup.disposeOptimizer(optimizer);
		tf.dispose(rows ? [rows.x, rows.y] : []);
		order?.dispose();
		copy.dispose();
	}
}

/** Writes `weights` into `model`'s variables as tensors made on `backend`: the model now lives there. */
async function moveModel(model: tf.LayersModel, weights: readonly Float32Array[], backend: BackendName) {
	await switchTo(backend);
	const held = weightTensors(model, weights);
	model.setWeights(held);
	tf.dispose(held);
}

/**
 * Times a few batches of each path on the run's first rows and returns the fastest with every figure (and
 * each skipped path with why). Nothing is timed on a tiny run: the engine steps it. A trial that fails is
 * recorded as skipped with its error; when every one fails, TF.js on the run's own backend steps the run.
 */
export async function chooseByTrial(setup: TrialSetup): Promise<EngineRecord> {
	const { model, train, settings, batchSize } = setup;
	const limits = setup.limits ?? TRIAL_LIMITS;
	const size = Math.min(batchSize, train.n);
	// A tiny run (iris: about 150 MFLOP in all) would spend more time on the trials than on training.
	const tiny = tinyRun(setup.spec.sizes, train.n, settings.epochs, setup.tinyRunFlops ?? TINY_RUN_FLOPS);
	if (tiny.tiny) return { name: 'dense-wasm', reason: tiny.reason };

	const home = tf.getBackend() as BackendName;
	const homeSoftware =
		setup.backendSoftware === true || setup.backends?.some((b) => b.name === home && b.software) === true;
	const plan = planBackendTrials(setup.backends ?? [{ name: home, available: true }], home);
	const skipped: PathRecord[] = [...plan.skipped];
	const weights = await readWeights(model);

	let engine: MeasuredPath | undefined;
	try {
		const { timing, label } = await timeEngine(setup, size, limits);
		engine = { path: 'dense-wasm', label, timing };
	} catch (error) {
		// The engine is an optimisation: a trial that fails (memory for a huge batch, say) leaves TF.js.
		skipped.push({
			path: 'dense-wasm',
			label: 'the fused WASM engine',
			skipped: `its trial failed (${messageOf(error)})`
		});
	}
	const tfjs: MeasuredPath[] = [];
	for (const backend of plan.timed) {
		try {
			const timing = await timeTfjs(setup, backend, weights, size, limits);
			tfjs.push({
				path: backend,
				label: tfjsLabel(backend),
				timing,
				...(backend === home && homeSoftware ? { software: true } : {})
			});
		} catch (error) {
			skipped.push({
				path: backend,
				label: tfjsLabel(backend),
				skipped: `its trial failed (${messageOf(error)})`
			});
		} finally {
			await switchTo(home);
		}
	}
	// TF.js on the run's own backend first: ties go to it (the reference), then the engine.
	const measured = [
		...tfjs.filter((m) => m.path === home),
		...(engine ? [engine] : []),
		...tfjs.filter((m) => m.path !== home)
	];
	const choice = choosePath(measured, skipped, home);
	if (choice.backend !== home) await moveModel(model, weights, choice.backend);
	return { name: choice.name, reason: choice.reason, backend: choice.backend, paths: choice.paths };
}
