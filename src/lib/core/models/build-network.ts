// Turns a network spec into an uncompiled tf.LayersModel with seeded initial weights and dropout masks, so
// the same spec, data shape and seed start from the same point. The training loop compiles and fits it.
import * as tf from '@tensorflow/tfjs';
import { BenchtopError } from '../errors.ts';
import { createRandom } from '../random/seeded-random.ts';
import { SeededDropout } from './seeded-dropout.ts';
import { CONV_DEFAULTS, summarizeNetwork } from './summary.ts';
import type { NetworkIO } from './summary.ts';
import type { Activation, LayerSpec, NetworkSpec, Task } from './types.ts';

export type LossName = 'categoricalCrossentropy' | 'meanSquaredError';

/** Softmax outputs (also for 2 classes) pair with cross-entropy; numeric targets with squared error. */
export function lossFor(task: Exclude<Task, 'clustering'>): LossName {
	return task === 'classification' ? 'categoricalCrossentropy' : 'meanSquaredError';
}

/**
 * One seed per layer of the built model, in order, drawn from the run's seed: two runs with nearby seeds get
 * unrelated weights (seed + index would share them shifted by one layer), and none is 0, which TF.js reads
 * as "pick one at random".
 */
export function layerSeeds(seed: number, count: number): number[] {
	const random = createRandom(seed);
	return Array.from({ length: count }, () => 1 + random.int(2 ** 31 - 1));
}

function kernelInitializer(activation: Activation, seed: number) {
	// SELU keeps activations normalised only from LeCun-normal weights; Glorot-uniform suits the rest.
	return activation === 'selu'
		? tf.initializers.leCunNormal({ seed })
		: tf.initializers.glorotUniform({ seed });
}

/** Keras's L1L2 on the kernel: l1 · Σ|w| + l2 · Σw², or none. Only the penalties set are named, so a
 * layer with L2 alone saves the same config as before L1 existed. */
function regularizer({ l1, l2 }: { l1?: number; l2?: number }) {
	if (!l1 && !l2) return undefined;
	if (!l1) return tf.regularizers.l2({ l2: l2! });
	if (!l2) return tf.regularizers.l1({ l1 });
	return tf.regularizers.l1l2({ l1, l2 });
}

/**
 * Every family takes a flat row of features: a CNN's first layer reshapes it to [height, width, channels].
 * The output layer follows the task: softmax over the classes, or linear for numeric targets.
 * Throws the summary's problems, in words, when the layers do not fit the data.
 */
export function buildNetwork(
	spec: NetworkSpec,
	io: NetworkIO,
	seed: number,
	/** 'sigmoid': one sigmoid output for a two-class target trained on binary cross-entropy (sigmoid-head.ts). */
	head?: 'sigmoid'
): tf.LayersModel {
	// One sigmoid output stands for two classes: the summary checks it as the two-class network it becomes.
	const summary = summarizeNetwork(spec, head === 'sigmoid' ? { ...io, outputSize: 2 } : io);
	if (summary.problems.length > 0) {
		throw new BenchtopError('bad-input', summary.problems.join(' '));
	}
	const seeds = layerSeeds(seed, summary.rows.length);
	const model = tf.sequential();
	// Only the first layer says what comes in.
	let inputShape: number[] | undefined = [io.inputSize];
	const firstArgs = () => {
		const args = inputShape ? { inputShape } : {};
		inputShape = undefined;
		return args;
	};
	for (const row of summary.rows) {
		const layerSeed = seeds[row.index]!;
		if (row.type === 'reshape') {
			model.add(tf.layers.reshape({ name: row.name, targetShape: spec.inputShape!, ...firstArgs() }));
		} else if (row.specLayer === null) {
			model.add(
				tf.layers.dense({
					name: row.name,
					units: io.outputSize,
					activation: head ?? (spec.task === 'classification' ? 'softmax' : 'linear'),
					kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed }),
					biasInitializer: 'zeros',
					// A linear model's penalty (spec.l2); an MLP's or CNN's are on their layers.
					kernelRegularizer: regularizer({ l2: spec.l2 }),
					...firstArgs()
				})
			);
		} else {
			model.add(hiddenLayer(spec.layers[row.specLayer - 1]!, row.name, layerSeed, firstArgs()));
		}
	}
	return model;
}

function hiddenLayer(layer: LayerSpec, name: string, seed: number, first: { inputShape?: number[] }) {
	switch (layer.type) {
		case 'dense':
			return tf.layers.dense({
				name,
				units: layer.units,
				activation: layer.activation,
				kernelInitializer: kernelInitializer(layer.activation, seed),
				biasInitializer: 'zeros',
				kernelRegularizer: regularizer(layer),
				...first
			});
		case 'conv2d':
			return tf.layers.conv2d({
				name,
				filters: layer.filters,
				kernelSize: layer.kernel,
				strides: layer.stride ?? CONV_DEFAULTS.stride,
				padding: layer.padding ?? CONV_DEFAULTS.padding,
				activation: layer.activation,
				kernelInitializer: kernelInitializer(layer.activation, seed),
				biasInitializer: 'zeros',
				kernelRegularizer: regularizer(layer),
				...first
			});
		case 'max-pool':
			return tf.layers.maxPooling2d({
				name,
				poolSize: layer.size,
				strides: layer.size,
				padding: 'valid',
				...first
			});
		case 'flatten':
			return tf.layers.flatten({ name, ...first });
		case 'batch-norm':
			return tf.layers.batchNormalization({ name, ...first });
		case 'dropout':
			return new SeededDropout({ name, rate: layer.rate, seed, ...first });
	}
}
