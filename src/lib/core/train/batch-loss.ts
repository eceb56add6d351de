// The losses a network trains on, as Keras computes them, so figures compare with a Keras run of the same
// model: categorical cross-entropy on probabilities (clipped at 1e-7), binary cross-entropy on sigmoid
// outputs (clipped alike), mean squared error or Huber averaged over the outputs, sample weights
// multiplied in and averaged over the batch, and the layers' L1/L2 penalties added on top.
import * as tf from '@tensorflow/tfjs';
import { defaultLoss, type TrainLoss } from './loss-choice.ts';
import type { NetworkTask } from './training-data.ts';

/** Keras's epsilon: keeps log(0) out of the cross-entropy when a probability underflows. */
const EPSILON = 1e-7;

/** One loss per row: shape [batch]. Without `loss`, the task's own. */
export function sampleLosses(
	task: NetworkTask,
	yTrue: tf.Tensor,
	yPred: tf.Tensor,
	loss: TrainLoss = { name: defaultLoss(task), delta: 1 }
): tf.Tensor1D {
	return tf.tidy(() => {
		switch (loss.name) {
			case 'cross-entropy': {
				const p = tf.clipByValue(yPred, EPSILON, 1 - EPSILON);
				return tf.neg(tf.sum(tf.mul(yTrue, tf.log(p)), -1)) as tf.Tensor1D;
			}
			case 'binary-cross-entropy': {
				// Keras's binary_crossentropy on probabilities: −(y·log p + (1 − y)·log(1 − p)), over the outputs.
				const p = tf.clipByValue(yPred, EPSILON, 1 - EPSILON);
				const terms = tf.add(tf.mul(yTrue, tf.log(p)), tf.mul(tf.sub(1, yTrue), tf.log(tf.sub(1, p))));
				return tf.neg(tf.mean(terms, -1)) as tf.Tensor1D;
			}
			case 'huber':
				return tf.mean(huber(tf.sub(yPred, yTrue), loss.delta), -1) as tf.Tensor1D;
			case 'mse':
				return tf.mean(tf.square(tf.sub(yPred, yTrue)), -1) as tf.Tensor1D;
		}
	});
}

/** Huber's loss of each error e: ½e² where |e| ≤ delta, else delta·(|e| − ½delta) (Keras's and PyTorch's
 * form, whose gradient is the error clipped to ±delta). */
export function huber(error: tf.Tensor, delta: number): tf.Tensor {
	return tf.tidy(() => {
		const absolute = tf.abs(error);
		const quadratic = tf.minimum(absolute, delta);
		const linear = tf.sub(absolute, quadratic);
		return tf.add(tf.mul(0.5, tf.square(quadratic)), tf.mul(delta, linear));
	});
}

/** The mean of the rows' losses, each times its weight when given (Keras's sample_weight: the weights are
 * not renormalised, so balanced class weights, which average 1 over the training rows, keep the scale). */
export function meanLoss(losses: tf.Tensor1D, weights?: tf.Tensor1D): tf.Scalar {
	return tf.tidy(() => tf.mean(weights ? tf.mul(losses, weights) : losses) as tf.Scalar);
}

/** The weight penalties (L2) the model's layers declare, summed; null when none has one. */
export function regularizationPenalty(model: tf.LayersModel): tf.Scalar | null {
	const penalties = model.calculateLosses();
	if (penalties.length === 0) return null;
	return tf.tidy(() => tf.addN(penalties) as tf.Scalar);
}

/** Per class, n / (k · count): scikit-learn's class_weight='balanced', over the classes present. */
export function balancedClassWeights(labels: Int32Array, classCount: number): Float64Array {
	const counts = new Float64Array(classCount);
	for (const label of labels) counts[label]!++;
	const present = counts.filter((c) => c > 0).length;
	return counts.map((count) => (count > 0 ? labels.length / (present * count) : 0));
}
