// AdamW, Huber and binary cross-entropy against PyTorch: the fixture (tests/fixtures/torch, made once by
// make-adamw-huber-fixture.py with torch.optim.AdamW, torch.nn.HuberLoss and torch.nn.BCELoss) trains a small
// network from fixed weights on fixed batches; the studio's TF.js step and the fused engine each take the same
// steps and must land on PyTorch's losses and final weights.
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { meanLoss, sampleLosses } from '../../../../../src/lib/core/train/batch-loss.ts';
import { createOptimizer } from '../../../../../src/lib/core/train/create-optimizer.ts';
import {
	DenseEngine,
	type DenseActivation,
	type DenseLayerWeights
} from '../../../../../src/lib/core/train/fused/dense-engine.ts';

interface TorchCase {
	name: string;
	sizes: number[];
	activations: DenseActivation[];
	loss: 'huber' | 'binary-cross-entropy';
	delta: number;
	rate: number;
	weightDecay: number;
	rows: number;
	batch: number;
	steps: number;
	x: number[];
	y: number[];
	initial: { kernel: number[]; bias: number[] }[];
	losses: number[];
	final: { kernel: number[]; bias: number[] }[];
}

const fixture = JSON.parse(
	readFileSync(new URL('../../../../fixtures/torch/adamw-huber.json', import.meta.url), 'utf8')
) as { torch: string; cases: TorchCase[] };

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const layers = (list: TorchCase['initial']): DenseLayerWeights[] =>
	list.map((w) => ({ kernel: Float32Array.from(w.kernel), bias: Float32Array.from(w.bias) }));

function batchAt(c: TorchCase, step: number) {
	const start = (step % (c.rows / c.batch)) * c.batch;
	const inputs = c.sizes[0]!;
	const outputs = c.sizes[c.sizes.length - 1]!;
	return {
		x: Float32Array.from(c.x.slice(start * inputs, (start + c.batch) * inputs)),
		y: Float32Array.from(c.y.slice(start * outputs, (start + c.batch) * outputs))
	};
}

function expectWeights(got: DenseLayerWeights[], want: TorchCase['final'], label: string) {
	let worst = 0;
	got.forEach((layer, l) => {
		layer.kernel.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - want[l]!.kernel[i]!))));
		layer.bias.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - want[l]!.bias[i]!))));
	});
	expect(worst, `${label}: largest weight difference from PyTorch`).toBeLessThan(2e-5);
}

describe(`AdamW, Huber and binary cross-entropy against PyTorch ${fixture.torch}`, () => {
	for (const c of fixture.cases) {
		const outputs = c.sizes[c.sizes.length - 1]!;
		const loss = { name: c.loss, delta: c.delta } as const;

		it(`the fused engine: ${c.name}`, async () => {
			const engine = await DenseEngine.create(
				{ sizes: c.sizes, activations: c.activations, loss: c.loss, huberDelta: c.delta },
				{ kind: 'adam', rate: c.rate, weightDecay: c.weightDecay },
				c.batch,
				'simd128'
			);
			engine.setWeights(layers(c.initial));
			for (let step = 0; step < c.steps; step++) {
				const { x, y } = batchAt(c, step);
				expect(engine.trainBatch(x, y, c.batch), `step ${step + 1}`).toBeCloseTo(c.losses[step]!, 5);
			}
			expectWeights(engine.getWeights(), c.final, 'engine');
		});

		it(`TF.js with the studio's AdamW: ${c.name}`, async () => {
			const model = tf.sequential();
			c.sizes.slice(1).forEach((units, l) =>
				model.add(
					tf.layers.dense({
						units,
						activation: c.activations[l],
						...(l === 0 ? { inputShape: [c.sizes[0]!] } : {})
					})
				)
			);
			model.setWeights(
				c.initial.flatMap((w, l) => [
					tf.tensor2d(w.kernel, [c.sizes[l]!, c.sizes[l + 1]!]),
					tf.tensor1d(w.bias)
				])
			);
			const optimizer = createOptimizer({
				optimizer: 'adamw',
				learningRate: c.rate,
				momentum: 0,
				weightDecay: c.weightDecay
			});
			expect(optimizer.getClassName()).toBe('AdamW');
			for (let step = 0; step < c.steps; step++) {
				const { x, y } = batchAt(c, step);
				const value = optimizer.minimize(() => {
					const predicted = model.apply(tf.tensor2d(x, [c.batch, c.sizes[0]!])) as tf.Tensor;
					return meanLoss(sampleLosses('regression', tf.tensor2d(y, [c.batch, outputs]), predicted, loss));
				}, true)!;
				expect((await value.data())[0], `step ${step + 1}`).toBeCloseTo(c.losses[step]!, 5);
				value.dispose();
			}
			const values = await Promise.all(model.getWeights().map((w) => w.data() as Promise<Float32Array>));
			const got = c.initial.map((_, l) => ({ kernel: values[2 * l]!, bias: values[2 * l + 1]! }));
			expectWeights(got, c.final, 'TF.js');
			model.dispose();
			optimizer.dispose();
		});
	}

	it('moves the weights: PyTorch’s final weights are not its initial ones', () => {
		for (const c of fixture.cases) expect(c.final[0]!.kernel).not.toEqual(c.initial[0]!.kernel);
	});
});
