// Binary cross-entropy for a two-class target: the network trains with one sigmoid output, the probability
// of the second class, and is then folded into the studio's two-class softmax head, so evaluation, export,
// share links, the edge runtime and predictions see the same model shape as any classifier and still get
// a probability for both classes. The fold is exact: softmax([0, z]) = [1 − σ(z), σ(z)], so the kernel
// [0 | w] and bias [0, b] give the sigmoid's probabilities (to float rounding).
import * as tf from '@tensorflow/tfjs';
import { BenchtopError } from '../errors.ts';
import { buildNetwork } from '../models/build-network.ts';
import type { NetworkSpec } from '../models/types.ts';
import type { NetworkTask, TrainingArrays } from './training-data.ts';
import type { TrainSettings } from './types.ts';

/** Whether a run trains one sigmoid output on binary cross-entropy (settings.ts refuses it but for 2 classes). */
export function trainsSigmoidHead(task: NetworkTask, settings: Pick<TrainSettings, 'loss'>): boolean {
	return task === 'classification' && settings.loss === 'binary-cross-entropy';
}

/** The rows with the second class's 0/1 as the one target (the one-hot's second column). */
export function sigmoidTargets(data: TrainingArrays): TrainingArrays {
	if (data.outputSize !== 2) {
		throw new BenchtopError(
			'bad-input',
			`Binary cross-entropy trains one sigmoid output for two classes, and the target has ${data.outputSize}: use cross-entropy.`
		);
	}
	const y = new Float32Array(data.n);
	for (let i = 0; i < data.n; i++) y[i] = data.y[2 * i + 1]!;
	return { ...data, y, outputSize: 1 };
}

/**
 * The two-class softmax network equal to `sigmoid` (built from `spec` with one sigmoid output): its hidden
 * layers' weights copied, its output layer's kernel and bias put in the second column with zeros in the
 * first. `sigmoid` is left as it was; the caller disposes it.
 */
export function foldSigmoidHead(
	sigmoid: tf.LayersModel,
	spec: NetworkSpec,
	inputSize: number
): tf.LayersModel {
	const folded = buildNetwork(spec, { inputSize, outputSize: 2 }, 1);
	const weights = sigmoid.getWeights();
	const [kernel, bias] = weights.slice(-2) as [tf.Tensor2D, tf.Tensor1D];
	const values = tf.tidy(() => [
		...weights.slice(0, -2).map((w) => w.clone()),
		tf.concat([tf.zerosLike(kernel), kernel], 1),
		tf.concat([tf.zerosLike(bias), bias], 0)
	]);
	folded.setWeights(values);
	tf.dispose(values);
	return folded;
}
