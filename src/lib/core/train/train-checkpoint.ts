// A run's progress as plain arrays, sent out of the worker as epochs end, so a run whose GPU device was
// lost or whose worker crashed goes on elsewhere from where it was rather than from scratch. The optimizer's
// own state (Adam's moment estimates and step count) is in it, so the continued run takes the very steps the
// unbroken one would have, whichever engine steps it (optimizer-layout.ts).
import * as tf from '@tensorflow/tfjs';
import { BenchtopError } from '../errors.ts';
import type { OptimizerState } from './optimizer-state.ts';
import type { EpochRecord } from './types.ts';

export interface TrainCheckpoint {
	/** Epochs finished. */
	epoch: number;
	/** The model's weights after `epoch`, in `model.getWeights()` order. */
	weights: Float32Array[];
	/** The finished epochs' records, so the continued run's curves start where these end. */
	history: EpochRecord[];
	/** The optimizer's state after `epoch`; absent in checkpoints from before it was kept (the continued run
	 * then starts the optimizer afresh). */
	optimizer?: OptimizerState;
	/** The best epoch's weights (and optimizer state), when the run restores them at the end and they differ
	 * from `weights`. */
	best?: { epoch: number; weights: Float32Array[]; optimizer?: OptimizerState };
}

/** How a continued run came to be, kept in its record. */
export interface ResumeOrigin {
	checkpoint: TrainCheckpoint;
	/** The backend the first part ran on. */
	previousBackend: string;
	/** Why it did not finish there, in words. */
	reason: string;
}

/** The model's weights, read asynchronously (a WebGPU device must never be read synchronously). */
export async function readWeights(model: tf.LayersModel): Promise<Float32Array[]> {
	return Promise.all(model.getWeights().map(async (w) => Float32Array.from(await w.data())));
}

/** Tensors of the model's weight shapes holding `weights`; refuses a checkpoint of another architecture. */
export function weightTensors(model: tf.LayersModel, weights: readonly Float32Array[]): tf.Tensor[] {
	const current = model.getWeights();
	const fits = current.length === weights.length && current.every((w, i) => w.size === weights[i]!.length);
	if (!fits) {
		throw new BenchtopError(
			'bad-input',
			'The checkpoint does not fit this model (its layers or sizes differ): start the run again.'
		);
	}
	return current.map((w, i) => tf.tensor(weights[i]!, w.shape, 'float32'));
}
