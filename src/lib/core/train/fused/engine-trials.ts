// The two trial paths the chooser times (engine-chooser.ts), built on copies so that the run itself is
// untouched: the TF.js trial steps a fresh optimizer and puts the model's weights back afterwards; the
// engine trial trains its own instance. Both hold every seeded dropout layer's stream still while they run,
// so the run's masks are the ones it would have drawn without the trials.
import * as tf from '@tensorflow/tfjs';
import { SeededDropout } from '../../models/seeded-dropout.ts';
import type { DeviceArrays } from '../epoch-metrics.ts';
import type { NetworkTask, TrainingArrays } from '../training-data.ts';
import { makeTrainStep } from '../train-step.ts';
import { trainLossFor } from '../loss-choice.ts';
import type { TrainSettings } from '../types.ts';
import { WeightCheckpoint } from '../weight-checkpoint.ts';
import type { DenseNetworkSpec } from './dense-engine.ts';
import { DenseStepper } from './dense-stepper.ts';
import {
	pickFaster,
	timePath,
	tinyRun,
	type TrialLimits,
	TINY_RUN_FLOPS,
	TRIAL_LIMITS
} from './engine-chooser.ts';
import type { TrainingEngine } from './dense-stepper.ts';

export interface TrialSetup {
	model: tf.LayersModel;
	task: NetworkTask;
	spec: DenseNetworkSpec;
	train: TrainingArrays;
	device: DeviceArrays;
	settings: TrainSettings;
	batchSize: number;
	createOptimizer: () => tf.Optimizer;
	disposeOptimizer: (optimizer: tf.Optimizer) => void;
	limits?: TrialLimits;
	/** The run's backend is a software GPU adapter (its TF.js path is then never preferred). */
	backendSoftware?: boolean;
	/** Runs with less arithmetic than this are not timed (tinyRun); default TINY_RUN_FLOPS. */
	tinyRunFlops?: number;
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

/** Times a few batches of each path on the run's first rows and returns the faster, with the figures;
 * TF.js, with why, when a trial fails. */
export async function chooseByTrial(setup: TrialSetup): Promise<TrainingEngine> {
	const { model, task, train, device, settings, batchSize } = setup;
	const limits = setup.limits ?? TRIAL_LIMITS;
	const size = Math.min(batchSize, train.n);
	// A tiny run (iris: about 150 MFLOP in all) would spend more time on the trials than on training.
	const tiny = tinyRun(setup.spec.sizes, train.n, settings.epochs, setup.tinyRunFlops ?? TINY_RUN_FLOPS);
	if (tiny.tiny) return { name: 'dense-wasm', reason: tiny.reason };
	const release = holdDropoutStreams(model);
	try {
		const stepper = await DenseStepper.create(setup.spec, model, task, train, settings, batchSize);
		stepper.startEpoch(Int32Array.from({ length: train.n }, (_, i) => i));
		const dense = await timePath(
			{ run: () => stepper.step(0, size), dispose: () => stepper.release() },
			limits
		);

		const optimizer = setup.createOptimizer();
		const saved = new WeightCheckpoint();
		saved.take(model, 0);
		const order = tf.tensor1d(
			Int32Array.from({ length: train.n }, (_, i) => i),
			'int32'
		);
		const putBack = () => {
			saved.restore(model);
			saved.dispose();
			order.dispose();
			setup.disposeOptimizer(optimizer);
		};
		let step;
		try {
			step = makeTrainStep({ model, task, optimizer, data: device, loss: trainLossFor(task, settings) });
		} catch (error) {
			putBack();
			throw error;
		}
		const tfjs = await timePath(
			{
				run: async () => {
					const sums = step(order, 0, size);
					try {
						await sums.data();
					} finally {
						sums.dispose();
					}
				},
				dispose: putBack
			},
			limits
		);
		const { threads } = stepper.threading;
		const build = `${stepper.build}, ${threads === 1 ? 'one thread' : `${threads} threads`}`;
		return pickFaster(dense, tfjs, tf.getBackend(), build, setup.backendSoftware === true);
	} catch (error) {
		// The engine is an optimisation: a trial that fails (memory for a huge batch, say) leaves TF.js.
		const message = error instanceof Error ? error.message : String(error);
		return { name: 'tfjs', reason: `TF.js: the fused engine's trial failed (${message})` };
	} finally {
		release();
	}
}
