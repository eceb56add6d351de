import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { balancedClassWeights, meanLoss, sampleLosses } from '../../../../src/lib/core/train/batch-loss.ts';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

describe('balancedClassWeights', () => {
	it('gives n / (k · count) over the classes present, as scikit-learn does', () => {
		// compute_class_weight('balanced', classes=[0, 1, 3], y=[0, 0, 0, 1, 3, 3]) = [0.6667, 2, 1].
		const weights = balancedClassWeights(Int32Array.from([0, 0, 0, 1, 3, 3]), 4);
		expect(weights[0]).toBeCloseTo(2 / 3, 12);
		expect(weights[1]).toBe(2);
		expect(weights[2]).toBe(0);
		expect(weights[3]).toBe(1);
	});
});

describe('sampleLosses', () => {
	it('is the cross-entropy of each row, with probabilities clipped as Keras clips them', () => {
		const losses = tf.tidy(() =>
			sampleLosses(
				'classification',
				tf.tensor2d([
					[1, 0],
					[0, 1]
				]),
				tf.tensor2d([
					[0.8, 0.2],
					[1, 0]
				])
			).arraySync()
		);
		expect(losses[0]).toBeCloseTo(-Math.log(0.8), 6);
		expect(losses[1]).toBeCloseTo(-Math.log(1e-7), 3);
	});

	it('is the squared error averaged over the outputs for regression, and weighs rows when asked', () => {
		const [losses, weighted] = tf.tidy(() => {
			const l = sampleLosses(
				'multi-output',
				tf.tensor2d([
					[1, 2],
					[0, 0]
				]),
				tf.tensor2d([
					[2, 4],
					[0, 1]
				])
			);
			return [l.arraySync(), meanLoss(l, tf.tensor1d([2, 0])).arraySync()];
		});
		expect(losses).toEqual([2.5, 0.5]);
		expect(weighted).toBe(2.5);
	});
});

describe('sampleLosses: Huber and binary cross-entropy', () => {
	it('is Huber per row: ½e² within delta, delta·(|e| − ½delta) past it, over the outputs', async () => {
		// Errors 0.5 and −3 with delta 1: 0.125 and 2.5, averaged over two outputs = 1.3125.
		const losses = tf.tidy(() =>
			sampleLosses('regression', tf.tensor2d([[1, 4]]), tf.tensor2d([[1.5, 1]]), { name: 'huber', delta: 1 })
		);
		expect((await losses.data())[0]).toBeCloseTo(1.3125, 6);
		// Huber's gradient is the error clipped to ±delta (over 2 outputs).
		const grad = tf.grad((p: tf.Tensor) =>
			sampleLosses('regression', tf.tensor2d([[1, 4]]), p, { name: 'huber', delta: 1 }).sum()
		)(tf.tensor2d([[1.5, 1]]));
		expect(Array.from(await grad.data())).toEqual([0.25, -0.5]);
		tf.dispose([losses, grad]);
	});

	it('is binary cross-entropy per row, over the outputs, clipped as Keras clips', async () => {
		const losses = tf.tidy(() =>
			sampleLosses('classification', tf.tensor2d([[1], [0], [1]]), tf.tensor2d([[0.8], [0.3], [0]]), {
				name: 'binary-cross-entropy',
				delta: 1
			})
		);
		const values = await losses.data();
		expect(values[0]).toBeCloseTo(-Math.log(0.8), 5);
		expect(values[1]).toBeCloseTo(-Math.log(0.7), 5);
		// log(1e-7): the clip keeps a probability of 0 finite.
		expect(values[2]).toBeCloseTo(-Math.log(1e-7), 2);
		losses.dispose();
	});
});
