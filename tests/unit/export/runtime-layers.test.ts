// The runtime's forward pass equals TF.js's on networks the studio builds with every layer and activation
// the engines list (dense, dropout, batch norm, conv2d with same and valid padding and strides, max
// pooling, flatten; relu, tanh, sigmoid, elu, selu, linear, softmax), with random weights and moving
// statistics so no layer is an identity, in float32 (1e-5), and in float16/int8 within their precision;
// dense networks both in JS (float64) and in the WebAssembly SIMD path (float32, as TF.js).
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { layersPlan } from '../../../src/lib/core/export/layers-plan.ts';
import { WeightWriter, type Quantization } from '../../../src/lib/core/export/weight-writer.ts';
import { buildNetwork } from '../../../src/lib/core/models/build-network.ts';
import type { LayersArtifact } from '../../../src/lib/core/models/artifact.ts';
import type { NetworkSpec } from '../../../src/lib/core/models/types.ts';
import { createRandom } from '../../../src/lib/core/random/seeded-random.ts';
import { network } from '../../../src/lib/runtime/layers.ts';

async function artifactOf(model: tf.LayersModel): Promise<LayersArtifact> {
	let saved: tf.io.ModelArtifacts | undefined;
	await model.save(
		tf.io.withSaveHandler(
			async (artifacts) => (
				(saved = artifacts),
				{ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }
			)
		)
	);
	const data = saved!.weightData as ArrayBuffer;
	return {
		kind: 'layers',
		modelTopology: saved!.modelTopology,
		weightSpecs: saved!.weightSpecs!,
		weightData: new Blob([data])
	};
}

/** Every weight random (variances positive), so batch norm and biases all do something. */
function randomize(model: tf.LayersModel, seed: number): void {
	const random = createRandom(seed);
	for (const layer of model.layers) {
		const weights = layer.weights.map((w) => {
			const positive = w.name.includes('variance');
			const shape = w.shape as number[];
			const values = Float32Array.from(
				{ length: shape.reduce((a, b) => a * b, 1) },
				() => (positive ? 0.5 + random.next() : random.next() * 2 - 1) * 0.8
			);
			return tf.tensor(values, shape);
		});
		if (weights.length) layer.setWeights(weights);
	}
}

async function compare(
	spec: NetworkSpec,
	inputSize: number,
	outputSize: number,
	quantize: Quantization,
	engine: 'wasm' | 'js' = 'js',
	n = 17
) {
	const model = buildNetwork(spec, { inputSize, outputSize }, 7);
	randomize(model, 11);
	const random = createRandom(5);
	const x = Float64Array.from({ length: n * inputSize }, () => random.next() * 4 - 2);
	const expected = (await (
		model.predict(tf.tensor2d(Float32Array.from(x), [n, inputSize])) as tf.Tensor
	).data()) as Float32Array;
	const writer = new WeightWriter(quantize);
	const layers = await layersPlan(await artifactOf(model), writer);
	const forward = network(layers, inputSize, writer.bytes(), engine === 'wasm');
	expect(forward.engine ?? 'js').toBe(engine);
	const actual = forward(x, n);
	model.dispose();
	expect(actual.length).toBe(expected.length);
	return Math.max(...Array.from(actual, (a, i) => Math.abs(a - expected[i]!)));
}

const MLP: NetworkSpec = {
	family: 'mlp',
	task: 'classification',
	layers: [
		{ type: 'dense', units: 12, activation: 'relu' },
		{ type: 'batch-norm' },
		{ type: 'dropout', rate: 0.3 },
		{ type: 'dense', units: 10, activation: 'tanh' },
		{ type: 'dense', units: 9, activation: 'sigmoid' },
		{ type: 'dense', units: 8, activation: 'elu' },
		{ type: 'dense', units: 7, activation: 'selu' },
		{ type: 'dense', units: 6, activation: 'linear' }
	]
};

const CNN: NetworkSpec = {
	family: 'cnn',
	task: 'regression',
	inputShape: [9, 7, 2],
	layers: [
		{ type: 'conv2d', filters: 4, kernel: 3, stride: 2, padding: 'same', activation: 'relu' },
		{ type: 'batch-norm' },
		{ type: 'conv2d', filters: 3, kernel: 2, padding: 'valid', activation: 'tanh' },
		{ type: 'max-pool', size: 2 },
		{ type: 'flatten' },
		{ type: 'dense', units: 5, activation: 'elu' }
	] as NetworkSpec['layers']
};

describe('runtime forward pass', () => {
	it('equals TF.js for an MLP with batch norm, dropout and every activation (softmax out)', async () => {
		expect(await compare(MLP, 6, 4, 'none')).toBeLessThan(1e-5);
	});
	it('equals TF.js in WebAssembly too, over several chunks of rows and an odd remainder', async () => {
		expect(await compare(MLP, 6, 4, 'none', 'wasm')).toBeLessThan(1e-5);
		expect(await compare(MLP, 6, 4, 'none', 'wasm', 1000 + 3)).toBeLessThan(1e-5);
		expect(await compare(MLP, 6, 4, 'int8', 'wasm', 5)).toBeLessThan(5e-2);
	});
	it('equals TF.js for a CNN with strided same and valid convolutions, pooling and flatten', async () => {
		expect(await compare(CNN, 9 * 7 * 2, 3, 'none')).toBeLessThan(1e-5);
	});
	it('stays close with float16 and int8 kernels, and differs from float32 (they are really quantised)', async () => {
		const half = await compare(MLP, 6, 4, 'float16');
		const int8 = await compare(MLP, 6, 4, 'int8');
		expect(half).toBeGreaterThan(1e-7);
		expect(half).toBeLessThan(5e-3);
		expect(int8).toBeGreaterThan(half);
		expect(int8).toBeLessThan(5e-2);
	});
});
