// The fused WASM engine against the studio's TF.js step: from the same weights, on the same batches in
// the same order, each optimizer and loss gives the same loss curve and the same final weights.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	meanLoss,
	regularizationPenalty,
	sampleLosses
} from '../../../../../src/lib/core/train/batch-loss.ts';
import {
	DenseEngine,
	denseEngineSupported,
	type DenseActivation,
	type DenseOptimizer,
	type DenseLayerWeights
} from '../../../../../src/lib/core/train/fused/dense-engine.ts';
import { createRandom } from '../../../../../src/lib/core/random/seeded-random.ts';
import { createOptimizer } from '../../../../../src/lib/core/train/create-optimizer.ts';
import type { TrainLoss } from '../../../../../src/lib/core/train/loss-choice.ts';
import type { DenseLoss } from '../../../../../src/lib/core/train/fused/dense-engine.ts';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

interface Case {
	name: string;
	sizes: number[];
	activations: DenseActivation[];
	/** 'binary': independent 0/1 targets, one per output. */
	task: 'classification' | 'regression' | 'binary';
	optimizer: DenseOptimizer;
	l2?: number[];
	l1?: number[];
	/** Absent: the task's own (cross-entropy, or mean squared error). */
	loss?: DenseLoss;
	huberDelta?: number;
}

function lossOf(c: Case): TrainLoss {
	const name = c.loss ?? (c.task === 'classification' ? 'cross-entropy' : 'mse');
	return { name, delta: c.huberDelta ?? 1 };
}

function data(rows: number, features: number, outputs: number, task: Case['task'], seed: number) {
	const random = createRandom(seed);
	const x = Float32Array.from({ length: rows * features }, () => random.normal());
	const y = new Float32Array(rows * outputs);
	for (let i = 0; i < rows; i++) {
		const signal = x[i * features]! + 0.5 * x[i * features + 1]!;
		if (task === 'classification')
			y[i * outputs + ((signal > 0.5 ? 2 : signal > -0.5 ? 1 : 0) % outputs)] = 1;
		else if (task === 'binary')
			for (let o = 0; o < outputs; o++) y[i * outputs + o] = signal + 0.3 * o > 0 ? 1 : 0;
		else for (let o = 0; o < outputs; o++) y[i * outputs + o] = signal * (o + 1) + 0.1 * random.normal();
	}
	return { x, y };
}

function initialWeights(sizes: number[], seed: number): DenseLayerWeights[] {
	const random = createRandom(seed);
	return sizes.slice(1).map((out, l) => {
		const limit = Math.sqrt(6 / (sizes[l]! + out));
		return {
			kernel: Float32Array.from({ length: sizes[l]! * out }, () => (random.next() * 2 - 1) * limit),
			bias: Float32Array.from({ length: out }, () => 0.1 * random.normal())
		};
	});
}

function tfjsModel(c: Case, weights: DenseLayerWeights[]): tf.LayersModel {
	const model = tf.sequential();
	c.sizes.slice(1).forEach((units, l) => {
		model.add(
			tf.layers.dense({
				units,
				activation: c.activations[l],
				inputShape: l === 0 ? [c.sizes[0]!] : undefined,
				kernelRegularizer:
					c.l2?.[l] || c.l1?.[l]
						? tf.regularizers.l1l2({ l1: c.l1?.[l] ?? 0, l2: c.l2?.[l] ?? 0 })
						: undefined
			})
		);
	});
	model.setWeights(
		weights.flatMap((w, l) => [tf.tensor2d(w.kernel, [c.sizes[l]!, c.sizes[l + 1]!]), tf.tensor1d(w.bias)])
	);
	return model;
}

function tfjsOptimizer(o: DenseOptimizer): tf.Optimizer {
	if (o.kind === 'adam')
		return o.weightDecay
			? createOptimizer({ optimizer: 'adamw', learningRate: o.rate, momentum: 0, weightDecay: o.weightDecay })
			: tf.train.adam(o.rate);
	if (o.kind === 'rmsprop') return tf.train.rmsprop(o.rate);
	return o.momentum ? tf.train.momentum(o.rate, o.momentum) : tf.train.sgd(o.rate);
}

const CASES: Case[] = [
	{
		name: 'adam, cross-entropy, relu',
		sizes: [6, 20, 3],
		activations: ['relu', 'softmax'],
		task: 'classification',
		optimizer: { kind: 'adam', rate: 0.01 }
	},
	{
		name: 'sgd with momentum, cross-entropy, tanh, L2',
		sizes: [6, 17, 9, 3],
		activations: ['tanh', 'relu', 'softmax'],
		task: 'classification',
		optimizer: { kind: 'sgd', rate: 0.05, momentum: 0.9 },
		l2: [0.01, 0, 0]
	},
	{
		name: 'plain sgd, mean squared error, sigmoid, two outputs',
		sizes: [5, 33, 2],
		activations: ['sigmoid', 'linear'],
		task: 'regression',
		optimizer: { kind: 'sgd', rate: 0.05 }
	},
	{
		name: 'rmsprop, cross-entropy, relu',
		sizes: [6, 12, 4],
		activations: ['relu', 'softmax'],
		task: 'classification',
		optimizer: { kind: 'rmsprop', rate: 0.005 }
	},
	{
		name: 'adam, mean squared error, wide relu layers',
		sizes: [32, 64, 64, 1],
		activations: ['relu', 'relu', 'linear'],
		task: 'regression',
		optimizer: { kind: 'adam', rate: 0.003 }
	},
	{
		name: 'adamw, mean squared error, two outputs',
		sizes: [5, 24, 2],
		activations: ['relu', 'linear'],
		task: 'regression',
		optimizer: { kind: 'adam', rate: 0.01, weightDecay: 0.05 }
	},
	{
		name: 'adamw, cross-entropy, L1',
		sizes: [6, 16, 3],
		activations: ['tanh', 'softmax'],
		task: 'classification',
		optimizer: { kind: 'adam', rate: 0.01, weightDecay: 0.01 },
		l1: [0.001, 0.002]
	},
	{
		name: 'adam, huber (delta 0.5), two outputs',
		sizes: [5, 20, 2],
		activations: ['relu', 'linear'],
		task: 'regression',
		optimizer: { kind: 'adam', rate: 0.01 },
		loss: 'huber',
		huberDelta: 0.5
	},
	{
		name: 'sgd with momentum, huber, L1 and L2',
		sizes: [6, 13, 1],
		activations: ['sigmoid', 'linear'],
		task: 'regression',
		optimizer: { kind: 'sgd', rate: 0.02, momentum: 0.9 },
		loss: 'huber',
		l1: [0.001, 0],
		l2: [0.01, 0.01]
	},
	{
		name: 'rmsprop, binary cross-entropy, one sigmoid output',
		sizes: [6, 12, 1],
		activations: ['relu', 'sigmoid'],
		task: 'binary',
		optimizer: { kind: 'rmsprop', rate: 0.005 },
		loss: 'binary-cross-entropy'
	},
	{
		name: 'adamw, binary cross-entropy, three sigmoid outputs, L1',
		sizes: [6, 16, 3],
		activations: ['tanh', 'sigmoid'],
		task: 'binary',
		optimizer: { kind: 'adam', rate: 0.01, weightDecay: 0.02 },
		loss: 'binary-cross-entropy',
		l1: [0.002, 0]
	},
	{
		name: 'plain sgd, huber, multi-output with large errors',
		sizes: [5, 9, 3],
		activations: ['tanh', 'linear'],
		task: 'regression',
		optimizer: { kind: 'sgd', rate: 0.05 },
		loss: 'huber',
		huberDelta: 0.3
	}
];

describe('the fused dense engine', () => {
	it('runs here (WASM SIMD128)', () => {
		expect(denseEngineSupported()).toBe(true);
	});

	for (const c of CASES) {
		it(`matches TF.js step for step: ${c.name}`, async () => {
			const batch = 16;
			const batches = 25;
			const outputs = c.sizes[c.sizes.length - 1]!;
			const { x, y } = data(batch * 5, c.sizes[0]!, outputs, c.task, 7);
			const weights = initialWeights(c.sizes, 3);
			const engine = await DenseEngine.create(
				{
					sizes: c.sizes,
					activations: c.activations,
					l2: c.l2,
					l1: c.l1,
					loss: lossOf(c).name as DenseLoss,
					huberDelta: c.huberDelta
				},
				c.optimizer,
				batch
			);
			engine.setWeights(weights);
			const model = tfjsModel(c, weights);
			const optimizer = tfjsOptimizer(c.optimizer);
			const engineLosses: number[] = [];
			const tfjsLosses: number[] = [];
			for (let b = 0; b < batches; b++) {
				const start = (b % 5) * batch;
				const xb = x.subarray(start * c.sizes[0]!, (start + batch) * c.sizes[0]!);
				const yb = y.subarray(start * outputs, (start + batch) * outputs);
				engineLosses.push(engine.trainBatch(xb, yb, batch));
				const loss = optimizer.minimize(() => {
					const predicted = model.apply(tf.tensor2d(xb, [batch, c.sizes[0]!]), {
						training: true
					}) as tf.Tensor;
					const l = meanLoss(
						sampleLosses(
							c.task === 'classification' ? 'classification' : 'regression',
							tf.tensor2d(yb, [batch, outputs]),
							predicted,
							lossOf(c)
						)
					);
					const penalty = regularizationPenalty(model);
					return penalty ? tf.add(l, penalty) : l;
				}, true)!;
				tfjsLosses.push((await loss.data())[0]!);
				loss.dispose();
			}
			for (let b = 0; b < batches; b++) {
				expect(engineLosses[b], `batch ${b + 1}`).toBeCloseTo(tfjsLosses[b]!, 4);
			}
			// It learned: the first batch's loss, seen again four passes later, is lower.
			expect(engineLosses[20]).toBeLessThan(engineLosses[0]!);
			const expected = model.getWeights();
			const got = engine.getWeights().flatMap((w) => [w.kernel, w.bias]);
			for (let i = 0; i < got.length; i++) {
				const want = await expected[i]!.data();
				let worst = 0;
				for (let j = 0; j < want.length; j++) worst = Math.max(worst, Math.abs(got[i]![j]! - want[j]!));
				expect(worst, `weights ${i}`).toBeLessThan(1e-4);
			}
			// Forward on its own agrees too.
			const predicted = engine.predict(x, batch);
			const reference = await (
				model.predict(tf.tensor2d(x.subarray(0, batch * c.sizes[0]!), [batch, c.sizes[0]!])) as tf.Tensor
			).data();
			for (let j = 0; j < predicted.length; j++) expect(predicted[j]).toBeCloseTo(reference[j]!, 4);
			model.dispose();
			optimizer.dispose();
		});
	}

	it('refuses shapes it does not run', async () => {
		await expect(
			DenseEngine.create(
				{ sizes: [4, 3], activations: ['relu'], loss: 'cross-entropy' },
				{ kind: 'sgd', rate: 0.1 },
				8
			)
		).rejects.toThrow(/softmax/);
		await expect(
			DenseEngine.create(
				{ sizes: [4, 3, 2], activations: ['softmax', 'linear'], loss: 'mse' },
				{ kind: 'sgd', rate: 0.1 },
				8
			)
		).rejects.toThrow(/Softmax is only the last layer/);
	});
});
