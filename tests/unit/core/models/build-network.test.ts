// buildNetwork: seeded initial weights and dropout masks, outputs from the task, L2, the CNN reshape, and
// refusal of layers that do not fit the data.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, layerSeeds, lossFor } from '../../../../src/lib/core/models/build-network.ts';
import { SeededDropout } from '../../../../src/lib/core/models/seeded-dropout.ts';
import type { NetworkSpec } from '../../../../src/lib/core/models/types.ts';
import { regularizationPenalty } from '../../../../src/lib/core/train/batch-loss.ts';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const mlp: NetworkSpec = {
	family: 'mlp',
	task: 'classification',
	layers: [
		{ type: 'dense', units: 16, activation: 'relu' },
		{ type: 'dropout', rate: 0.5 },
		{ type: 'dense', units: 8, activation: 'selu', l2: 0.01 }
	]
};
const io = { inputSize: 5, outputSize: 3 };
const weightsOf = (model: tf.LayersModel) => model.getWeights().map((w) => Array.from(w.dataSync()));

describe('buildNetwork', () => {
	it('the same seed gives identical initial weights; another seed different ones', () => {
		const a = buildNetwork(mlp, io, 7);
		const b = buildNetwork(mlp, io, 7);
		const c = buildNetwork(mlp, io, 8);
		expect(weightsOf(b)).toEqual(weightsOf(a));
		const [kernelA, kernelC] = [weightsOf(a)[0]!, weightsOf(c)[0]!];
		expect(kernelC).not.toEqual(kernelA);
		// Kernels are random, biases start at zero.
		expect(new Set(kernelA).size).toBe(kernelA.length);
		expect(weightsOf(a)[1]!.every((x) => x === 0)).toBe(true);
		for (const model of [a, b, c]) model.dispose();
	});

	it('draws one seed per layer, none 0 (TF.js would pick a random one) and unrelated across nearby seeds', () => {
		const seeds = layerSeeds(1, 5);
		expect(seeds).toEqual(layerSeeds(1, 5));
		expect(seeds.every((s) => Number.isInteger(s) && s >= 1 && s < 2 ** 31)).toBe(true);
		expect(new Set(seeds).size).toBe(5);
		// seed + index would make seed 2's first layer seed 1's second; these do not line up.
		expect(layerSeeds(2, 4).slice(0, 3)).not.toEqual(seeds.slice(1, 4));
	});

	it('dropout draws a new mask each training step, the same sequence for the same seed, none at inference', () => {
		const x = tf.ones([4, 5]);
		const masks = (seed: number) => {
			const model = buildNetwork(
				{ family: 'mlp', task: 'regression', layers: [{ type: 'dropout', rate: 0.5 }] },
				{ inputSize: 5, outputSize: 1 },
				seed
			);
			const dropout = model.layers[0]!;
			expect(dropout).toBeInstanceOf(SeededDropout);
			const steps = [0, 1, 2].map(() =>
				Array.from((dropout.apply(x, { training: true }) as tf.Tensor).dataSync())
			);
			const inference = Array.from((dropout.apply(x) as tf.Tensor).dataSync());
			model.dispose();
			return { steps, inference };
		};
		const first = masks(3);
		expect(first.steps[1]).not.toEqual(first.steps[0]);
		expect(first.steps[2]).not.toEqual(first.steps[1]);
		// Kept units are scaled by 1 / (1 − rate).
		expect(new Set(first.steps.flat())).toEqual(new Set([0, 2]));
		expect(masks(3).steps).toEqual(first.steps);
		expect(masks(4).steps).not.toEqual(first.steps);
		expect(first.inference.every((v) => v === 1)).toBe(true);
	});

	it('saves dropout as a plain Dropout layer that TF.js loads back', async () => {
		const model = buildNetwork(mlp, io, 1);
		const artifacts = await new Promise<tf.io.ModelArtifacts>((resolve) => {
			void model.save(
				tf.io.withSaveHandler(async (saved) => {
					resolve(saved);
					return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
				})
			);
		});
		const topology = JSON.stringify(artifacts.modelTopology);
		expect(topology).toContain('"class_name":"Dropout"');
		const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
		const input = tf.randomNormal([2, 5], 0, 1, 'float32', 5);
		expect(Array.from((loaded.predict(input) as tf.Tensor).dataSync())).toEqual(
			Array.from((model.predict(input) as tf.Tensor).dataSync())
		);
		model.dispose();
		loaded.dispose();
	});

	it('classification ends in softmax (also for 2 classes), regression and multi-output in a linear layer', () => {
		const config = (spec: NetworkSpec, outputSize: number) => {
			const model = buildNetwork(spec, { inputSize: 3, outputSize }, 1);
			const output = model.layers.at(-1)!.getConfig();
			model.dispose();
			return [output['units'], output['activation']];
		};
		expect(config({ family: 'linear', task: 'classification', layers: [] }, 2)).toEqual([2, 'softmax']);
		expect(config({ family: 'linear', task: 'regression', layers: [] }, 1)).toEqual([1, 'linear']);
		expect(
			config(
				{ family: 'mlp', task: 'multi-output', layers: [{ type: 'dense', units: 4, activation: 'tanh' }] },
				3
			)
		).toEqual([3, 'linear']);
		expect(lossFor('classification')).toBe('categoricalCrossentropy');
		expect(lossFor('regression')).toBe('meanSquaredError');
		expect(lossFor('multi-output')).toBe('meanSquaredError');
	});

	it('adds L2 as a kernel regularizer that training applies: one SGD step shrinks the kernel by lr · 2 · l2 · w', async () => {
		const plain: NetworkSpec = {
			...mlp,
			layers: mlp.layers.map((l) => (l.type === 'dense' ? { ...l, l2: 0 } : l))
		};
		const [withL2, without] = [buildNetwork(mlp, io, 1), buildNetwork(plain, io, 1)];
		expect(withL2.getLayer('dense_2').getConfig()['kernelRegularizer']).toMatchObject({
			config: { l2: 0.01 }
		});
		expect(without.getLayer('dense_2').getConfig()['kernelRegularizer']).toBeNull();
		const before = Array.from(withL2.getLayer('dense_2').getWeights()[0]!.dataSync());
		const x = tf.randomNormal([8, 5], 0, 1, 'float32', 2);
		const y = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], 'int32'), 3);
		const step = async (model: tf.LayersModel) => {
			model.compile({ optimizer: tf.train.sgd(0.1), loss: lossFor('classification') });
			// Same seed, same dropout masks: the data's gradient is the same for both models.
			await model.fit(x, y, { epochs: 1, batchSize: 8, shuffle: false, verbose: 0 });
			return Array.from(model.getLayer('dense_2').getWeights()[0]!.dataSync());
		};
		const [regularized, free] = [await step(withL2), await step(without)];
		before.forEach((w, i) => expect(free[i]! - regularized[i]!).toBeCloseTo(0.1 * 2 * 0.01 * w, 6));
		expect(before.some((w) => Math.abs(w) > 0.1)).toBe(true);
		withL2.dispose();
		without.dispose();
	});

	it("puts a linear model's L2 on its one layer, the output, and none without it", () => {
		const logistic: NetworkSpec = { family: 'linear', task: 'classification', layers: [], l2: 0.02 };
		const [penalised, plain] = [
			buildNetwork(logistic, io, 1),
			buildNetwork({ ...logistic, l2: undefined }, io, 1)
		];
		expect(penalised.layers).toHaveLength(1);
		expect(penalised.layers[0]!.getConfig()['kernelRegularizer']).toMatchObject({ config: { l2: 0.02 } });
		expect(plain.layers[0]!.getConfig()['kernelRegularizer']).toBeNull();
		// The penalty a training step adds (after its forward pass builds the model): 0.02 · Σw² of the kernel.
		const x = tf.randomNormal([4, 5], 0, 1, 'float32', 3);
		for (const model of [penalised, plain]) model.apply(x, { training: true });
		const kernel = penalised.layers[0]!.getWeights()[0]!;
		const expected = 0.02 * tf.sum(tf.square(kernel)).dataSync()[0]!;
		expect(regularizationPenalty(penalised)!.dataSync()[0]).toBeCloseTo(expected, 5);
		expect(regularizationPenalty(plain)).toBeNull();
		penalised.dispose();
		plain.dispose();
	});

	it('a CNN takes flat rows and reshapes them to its image', () => {
		const spec: NetworkSpec = {
			family: 'cnn',
			task: 'classification',
			inputShape: [4, 4, 1],
			layers: [{ type: 'conv2d', filters: 2, kernel: 3, activation: 'relu' }, { type: 'flatten' }]
		};
		const model = buildNetwork(spec, { inputSize: 16, outputSize: 3 }, 1);
		expect(model.inputs[0]!.shape).toEqual([null, 16]);
		const rows = tf.tensor2d([Array.from({ length: 16 }, (_, i) => i / 16)]);
		const probabilities = Array.from((model.predict(rows) as tf.Tensor).dataSync());
		expect(probabilities).toHaveLength(3);
		expect(probabilities.reduce((a, b) => a + b)).toBeCloseTo(1, 5);
		model.dispose();
	});

	it('compiles and trains (the loop owns optimizer and loss) and refuses layers that do not fit', async () => {
		const model = buildNetwork(mlp, io, 2);
		model.compile({ optimizer: tf.train.adam(0.01), loss: lossFor('classification') });
		const x = tf.randomNormal([30, 5], 0, 1, 'float32', 1);
		const y = tf.oneHot(
			tf.tensor1d(
				Array.from({ length: 30 }, (_, i) => i % 3),
				'int32'
			),
			3
		);
		const history = await model.fit(x, y, { epochs: 3, verbose: 0 });
		expect(history.history['loss']).toHaveLength(3);
		model.dispose();
		expect(() =>
			buildNetwork(
				{
					family: 'mlp',
					task: 'regression',
					layers: [{ type: 'conv2d', filters: 2, kernel: 3, activation: 'relu' }]
				},
				{ inputSize: 13, outputSize: 1 },
				1
			)
		).toThrow(/Layer 1 \(conv2d\) needs an image, but the input is a flat row of 13 numbers/);
	});
});
