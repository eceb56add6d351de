// One optimizer step on one batch: gather the batch's rows on the device, forward in training mode, the
// (weighted, penalised) loss, its gradients applied. Returns the batch's sums for the epoch's figures.
import * as tf from '@tensorflow/tfjs';
import { meanLoss, regularizationPenalty, sampleLosses } from './batch-loss.ts';
import { batchSums, type DeviceArrays } from './epoch-metrics.ts';
import type { TrainLoss } from './loss-choice.ts';
import type { NetworkTask } from './training-data.ts';

export interface TrainStepSetup {
	model: tf.LayersModel;
	task: NetworkTask;
	optimizer: tf.Optimizer;
	data: DeviceArrays;
	/** Per training row, when classes are weighted. */
	weights?: tf.Tensor1D;
	/** Absent: the task's own. */
	loss?: TrainLoss;
}

/** A function running one step on rows `order[begin .. begin + size)`; the tensor it returns is the
 * caller's to read and dispose (batchSums' layout: loss first). */
export type TrainStep = (order: tf.Tensor1D, begin: number, size: number) => tf.Tensor1D;

export function makeTrainStep({
	model,
	task,
	optimizer,
	data,
	weights,
	loss: lossKind
}: TrainStepSetup): TrainStep {
	const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
	return (order, begin, size) =>
		tf.tidy(() => {
			const rows = order.slice(begin, size);
			const x = tf.gather(data.x, rows);
			const y = tf.gather(data.y, rows);
			const w = weights && (tf.gather(weights, rows) as tf.Tensor1D);
			let sums: tf.Tensor1D | undefined;
			optimizer.minimize(
				() => {
					const predicted = model.apply(x, { training: true }) as tf.Tensor;
					let loss = meanLoss(sampleLosses(task, y, predicted, lossKind), w);
					const penalty = regularizationPenalty(model);
					if (penalty) loss = tf.add(loss, penalty);
					// Kept past the gradient's scope, so the loss is read without a second forward pass.
					sums = tf.keep(batchSums(task, loss, y, predicted));
					return loss;
				},
				false,
				variables
			);
			return sums!;
		});
}
