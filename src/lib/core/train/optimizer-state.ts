// An optimizer's state as plain arrays — Adam's step count and moment estimates — read from a TF.js
// optimizer and put back into a fresh one, so training that stops and later goes on (from a checkpoint, or
// from a saved model version) takes the very steps an unbroken run would. Without it a continued run
// starts Adam over: zero moments and a bias correction of step one, a visibly different first few batches.
import * as tf from '@tensorflow/tfjs';
import { BenchtopError } from '../errors.ts';
import type { OptimizerState } from '../models/artifact.ts';

export type { OptimizerState } from '../models/artifact.ts';

/** The optimizer's state now, read asynchronously (a WebGPU device must never be read synchronously). */
export async function readOptimizerState(optimizer: tf.Optimizer): Promise<OptimizerState> {
	const named = await optimizer.getWeights();
	// TF.js puts the step count first; an optimizer that has not stepped yet has no other variables.
	const [iterations, ...rest] = named;
	const variables = await Promise.all(
		rest.map(async (weight) => ({
			name: weight.name,
			shape: [...weight.tensor.shape],
			values: Float32Array.from((await weight.tensor.data()) as Float32Array)
		}))
	);
	const count = iterations ? Number((await iterations.tensor.data())[0]) : 0;
	// getWeights makes the step count a new scalar each call (the moments are the optimizer's own variables).
	iterations?.tensor.dispose();
	return { name: optimizer.getClassName(), iterations: count, variables };
}

/**
 * Puts `state` into a fresh `optimizer` of the same kind, before its first step. Refused, with both names,
 * when the kinds differ (Adam's moments mean nothing to SGD with momentum).
 */
export async function applyOptimizerState(optimizer: tf.Optimizer, state: OptimizerState): Promise<void> {
	const kind = optimizer.getClassName();
	if (kind !== state.name) {
		throw new BenchtopError(
			'bad-input',
			`The saved optimizer state is ${state.name}'s, but this run uses ${kind}: continue with ${state.name} or start its state afresh.`
		);
	}
	const tensors = [
		{ name: 'iter', tensor: tf.scalar(state.iterations, 'int32') },
		...state.variables.map((variable) => ({
			name: variable.name,
			tensor: tf.tensor(variable.values, variable.shape, 'float32')
		}))
	];
	try {
		await optimizer.setWeights(tensors);
	} finally {
		// setWeights copies each tensor into a variable of its own.
		tf.dispose(tensors.map((t) => t.tensor));
	}
}
