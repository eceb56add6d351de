// Network summaries: shapes and parameter counts by formula, equal to what TF.js builds, and shape
// problems explained before training.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork } from '../../../../src/lib/core/models/build-network.ts';
import { formatSummary, summarizeNetwork } from '../../../../src/lib/core/models/summary.ts';
import type { LayerSpec, NetworkSpec } from '../../../../src/lib/core/models/types.ts';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const cases: { name: string; spec: NetworkSpec; io: { inputSize: number; outputSize: number } }[] = [
	{
		name: 'logistic regression',
		spec: { family: 'linear', task: 'classification', layers: [] },
		io: { inputSize: 4, outputSize: 3 }
	},
	{
		name: 'multi-output linear',
		spec: { family: 'linear', task: 'multi-output', layers: [] },
		io: { inputSize: 3, outputSize: 3 }
	},
	{
		name: 'MLP with dropout, batch norm and L2',
		spec: {
			family: 'mlp',
			task: 'regression',
			layers: [
				{ type: 'dropout', rate: 0.1 },
				{ type: 'dense', units: 64, activation: 'relu', l2: 0.01 },
				{ type: 'batch-norm' },
				{ type: 'dense', units: 32, activation: 'selu' }
			]
		},
		io: { inputSize: 10, outputSize: 1 }
	},
	{
		name: 'digits CNN',
		spec: {
			family: 'cnn',
			task: 'classification',
			inputShape: [8, 8, 1],
			layers: [
				{ type: 'conv2d', filters: 16, kernel: 3, padding: 'same', activation: 'relu' },
				{ type: 'max-pool', size: 2 },
				{ type: 'conv2d', filters: 32, kernel: 3, activation: 'relu', padding: 'valid' },
				{ type: 'flatten' },
				{ type: 'dense', units: 64, activation: 'relu' },
				{ type: 'dropout', rate: 0.2 }
			]
		},
		io: { inputSize: 64, outputSize: 10 }
	},
	{
		name: 'CNN with colour, strides, odd sizes and batch norm on channels',
		spec: {
			family: 'cnn',
			task: 'regression',
			inputShape: [11, 9, 3],
			layers: [
				{ type: 'conv2d', filters: 8, kernel: 5, stride: 2, padding: 'same', activation: 'tanh' },
				{ type: 'batch-norm' },
				{ type: 'conv2d', filters: 4, kernel: 2, stride: 2, padding: 'valid', activation: 'elu' },
				{ type: 'max-pool', size: 1 },
				{ type: 'flatten' }
			]
		},
		io: { inputSize: 297, outputSize: 2 }
	}
];

describe('summarizeNetwork', () => {
	for (const { name, spec, io } of cases) {
		it(`${name}: shapes and parameter counts equal TF.js'`, () => {
			const summary = summarizeNetwork(spec, io);
			expect(summary.problems).toEqual([]);
			const model = buildNetwork(spec, io, 1);
			expect(model.layers.map((l) => l.name)).toEqual(summary.rows.map((r) => r.name));
			expect(summary.rows.map((r) => r.outputShape)).toEqual(model.layers.map((l) => l.outputShape));
			expect(summary.rows.map((r) => r.params)).toEqual(model.layers.map((l) => l.countParams()));
			expect(summary.totalParams).toBe(model.countParams());
			const trainable = model.trainableWeights.reduce(
				(sum, w) => sum + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1),
				0
			);
			expect(summary.trainableParams).toBe(trainable);
			model.dispose();
		});
	}

	it('counts by the formulas: dense in·units + units, conv k·k·cin·filters + filters, batch norm 4 per feature', () => {
		const summary = summarizeNetwork(cases[3]!.spec, cases[3]!.io);
		expect(summary.rows.map((r) => [r.name, r.params])).toEqual([
			['reshape', 0],
			['conv2d_1', 3 * 3 * 1 * 16 + 16],
			['max_pool_1', 0],
			['conv2d_2', 3 * 3 * 16 * 32 + 32],
			['flatten_1', 0],
			['dense_1', 2 * 2 * 32 * 64 + 64],
			['dropout_1', 0],
			['output', 64 * 10 + 10]
		]);
		const bn = summarizeNetwork(cases[2]!.spec, cases[2]!.io).rows.find((r) => r.type === 'batch-norm')!;
		expect([bn.params, bn.trainableParams]).toEqual([4 * 64, 2 * 64]);
		expect(summary.rows.map((r) => r.specLayer)).toEqual([null, 1, 2, 3, 4, 5, 6, null]);
	});

	it('explains shape problems in words before training', () => {
		const problems = (spec: NetworkSpec, inputSize: number, outputSize = 3) =>
			summarizeNetwork(spec, { inputSize, outputSize }).problems;
		const conv: LayerSpec = { type: 'conv2d', filters: 8, kernel: 3, activation: 'relu' };
		expect(
			problems(
				{
					family: 'mlp',
					task: 'classification',
					layers: [{ type: 'dense', units: 8, activation: 'relu' }, conv]
				},
				13
			)
		).toEqual([
			"Layer 2 (conv2d) needs an image, but the input is a flat row of 13 numbers: use a CNN only on image-shaped data (like digits' 8 × 8 pixels) or remove the conv2d layer."
		]);
		const image = {
			family: 'cnn',
			task: 'classification',
			inputShape: [8, 8, 1]
		} satisfies Partial<NetworkSpec> as Omit<NetworkSpec, 'layers'>;
		expect(
			problems(
				{
					...image,
					layers: [
						{ type: 'max-pool', size: 2 },
						{ type: 'max-pool', size: 2 },
						{ type: 'max-pool', size: 2 },
						{ type: 'max-pool', size: 2 }
					]
				},
				64
			)
		).toEqual([
			'Layer 4 (max-pool 2) would shrink the 1 × 1 image to nothing: use a smaller pool or remove the layer.'
		]);
		expect(
			problems(
				{ ...image, layers: [conv, { type: 'dense', units: 8, activation: 'relu' }, { type: 'flatten' }] },
				64
			)
		).toEqual([
			'Layer 2 (dense) gets a 8 × 8 × 8 image: a dense layer after conv2d needs a flatten layer first.'
		]);
		expect(problems({ ...image, layers: [conv] }, 64)).toEqual([
			'The output layer needs a flat row, but the last layer gives a 8 × 8 × 8 image: add a flatten layer after the last conv2d or max-pool layer.'
		]);
		expect(problems({ ...image, layers: [{ type: 'flatten' }] }, 13)[0]).toBe(
			'The input shape 8 × 8 × 1 holds 64 numbers, but each row has 13 features: set inputShape to the image the features are, or check the recipe keeps every pixel column.'
		);
		expect(
			problems({ ...image, layers: [{ ...conv, kernel: 9, padding: 'valid' }, { type: 'flatten' }] }, 64)[0]
		).toMatch(
			/^Layer 1 \(conv2d\) with a 9 × 9 kernel would shrink the 8 × 8 image to nothing: use padding 'same'/
		);
		expect(problems({ ...image, layers: [{ type: 'flatten' }, conv] }, 64)[0]).toMatch(
			/^Layer 2 \(conv2d\) comes after the flatten layer \(layer 1\), .* move the conv2d layer before the flatten/
		);
		expect(problems({ family: 'mlp', task: 'regression', layers: [{ type: 'flatten' }] }, 5, 1)).toEqual([
			'Layer 1 (flatten) has nothing to flatten: its input is already a flat row of 5 numbers. Remove it.'
		]);
		expect(problems({ family: 'linear', task: 'classification', layers: [] }, 4, 1)[0]).toMatch(
			/at least 2 classes/
		);
		// Once a shape is unknown, later rows say so instead of guessing.
		const broken = summarizeNetwork(
			{ family: 'mlp', task: 'regression', layers: [conv, { type: 'dense', units: 4, activation: 'relu' }] },
			{ inputSize: 4, outputSize: 1 }
		);
		expect(broken.rows.map((r) => r.outputShape)).toEqual([null, null, null]);
	});

	it('formats like Keras model.summary()', () => {
		const text = formatSummary(summarizeNetwork(cases[3]!.spec, cases[3]!.io));
		const lines = text.split('\n');
		expect(lines[1]).toMatch(/^Layer \(type\) +Output Shape +Param #$/);
		expect(text).toContain('conv2d_1 (Conv2D)');
		expect(text).toMatch(/max_pool_1 \(MaxPooling2D\) +\(None, 4, 4, 16\) +0/);
		expect(text).toMatch(/dense_1 \(Dense\) +\(None, 64\) +8,256/);
		expect(text).toContain('Total params: 13,706');
		expect(text).toContain('Non-trainable params: 0');
		const withProblem = formatSummary(
			summarizeNetwork(
				{ family: 'mlp', task: 'regression', layers: [{ type: 'flatten' }] },
				{ inputSize: 5, outputSize: 1 }
			)
		);
		expect(withProblem).toMatch(/flatten_1 \(Flatten\) +\? +0/);
		expect(withProblem).toMatch(/Problem: Layer 1 \(flatten\) has nothing to flatten/);
	});
});
