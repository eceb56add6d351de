// Binary cross-entropy for a two-class target: the network trains with one sigmoid output, the probability
// of the second class, and is then folded into the studio's two-class softmax head, so evaluation, export,
// share links, the edge runtime and predictions see the same model shape as any classifier and still get
// a probability for both classes. The fold is exact: softmax([0, z]) = [1 − σ(z), σ(z)], so the kernel
// [0 | w] and bias [0, b] give the sigmoid's probabilities (to float rounding). A saved version trains on
// with binary cross-entropy by the reverse: the logit z₁ − z₀ back as one sigmoid output, its optimizer
// state's output columns likewise, then folded again.
import * as tf from '@tensorflow/tfjs';
import { BenchtopError } from '../errors.ts';
import { buildNetwork } from '../models/build-network.ts';
import type { NetworkSpec } from '../models/types.ts';
import type { OptimizerState } from './optimizer-state.ts';
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

/**
 * The sigmoid network's weights (plain arrays in `getWeights()` order) from a folded two-class softmax's:
 * the hidden layers as they are, the output kernel's and bias's second column less their first. The
 * sigmoid's logit is the softmax's z₁ − z₀ (softmax([z₀, z₁])₁ = σ(z₁ − z₀)), so this is exact for any
 * two-class softmax head, and for one folded here (zeros in the first column) it gives back the very bits.
 */
export function unfoldSigmoidWeights(weights: readonly Float32Array[]): Float32Array[] {
	const kernel = weights.at(-2);
	const bias = weights.at(-1);
	if (!kernel || !bias || bias.length !== 2 || kernel.length % 2 !== 0) {
		throw new BenchtopError(
			'bad-input',
			`Binary cross-entropy trains on from a two-class softmax head, and the saved output layer has ${bias?.length ?? 0} outputs: it is not a two-class model.`
		);
	}
	const units = kernel.length / 2;
	const logit = new Float32Array(units);
	for (let i = 0; i < units; i++) logit[i] = kernel[2 * i + 1]! - kernel[2 * i]!;
	return [
		...weights.slice(0, -2).map((w) => Float32Array.from(w)),
		logit,
		Float32Array.of(bias[1]! - bias[0]!)
	];
}

/** Which of a state's variables belong to the output kernel and bias: the last two of each weight group. */
function outputVariables(state: OptimizerState, weightCount: number): (number | undefined)[] {
	if (weightCount < 2 || state.variables.length % weightCount !== 0) {
		throw new BenchtopError(
			'bad-input',
			`The saved optimizer state holds ${state.variables.length} variables, which do not divide into groups of the network's ${weightCount} weights: it is another network's.`
		);
	}
	// 0: the output kernel, 1: the output bias, undefined: a hidden layer's (left as it is).
	return state.variables.map((_, i) => {
		const at = i % weightCount;
		return at === weightCount - 2 ? 0 : at === weightCount - 1 ? 1 : undefined;
	});
}

/**
 * The sigmoid run's optimizer state (Adam's moments, momentum, RMSprop's mean square) in the folded
 * network's shapes, as the weights are folded: each output kernel's and bias's slot gets a zero first
 * column. Saved with the version, so a BCE run continues with the state an unbroken run would have.
 * `weightCount` is the network's weights (kernel, bias per dense layer).
 */
export function foldSigmoidState(state: OptimizerState, weightCount: number): OptimizerState {
	const roles = outputVariables(state, weightCount);
	return {
		...state,
		variables: state.variables.map((variable, i) => {
			if (roles[i] === undefined) return { ...variable, values: Float32Array.from(variable.values) };
			const values = new Float32Array(variable.values.length * 2);
			variable.values.forEach((v, j) => (values[2 * j + 1] = v));
			const shape = roles[i] === 0 ? [variable.values.length, 2] : [2];
			return { ...variable, shape, values };
		})
	};
}

/**
 * The state `foldSigmoidState` folded, back in the sigmoid network's shapes: the output slots' second
 * column (the fold put zeros in the first; a mean square has no difference to take, so the second column is
 * the state itself, bit for bit).
 */
export function unfoldSigmoidState(state: OptimizerState, weightCount: number): OptimizerState {
	const roles = outputVariables(state, weightCount);
	return {
		...state,
		variables: state.variables.map((variable, i) => {
			if (roles[i] === undefined) return { ...variable, values: Float32Array.from(variable.values) };
			if (variable.values.length % 2 !== 0)
				throw new BenchtopError(
					'bad-input',
					`The saved optimizer state's variable ${variable.name} holds ${variable.values.length} numbers: not a two-class output layer's.`
				);
			const values = new Float32Array(variable.values.length / 2);
			for (let j = 0; j < values.length; j++) values[j] = variable.values[2 * j + 1]!;
			const shape = roles[i] === 0 ? [values.length, 1] : [1];
			return { ...variable, shape, values };
		})
	};
}
