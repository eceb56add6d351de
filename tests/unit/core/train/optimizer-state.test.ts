import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyOptimizerState, readOptimizerState } from '../../../../src/lib/core/train/optimizer-state.ts';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

// A small least-squares problem: w (3×1) fitted to y = x·[1, -2, 0.5].
const x = tf.tensor2d([
	[1, 0, 2],
	[0, 1, -1],
	[2, 1, 0],
	[1, -1, 1]
]);
const y = tf.tensor2d([[2], [-1.5], [0], [3.5]]);

function step(optimizer: tf.Optimizer, w: tf.Variable) {
	optimizer.minimize(() => tf.losses.meanSquaredError(y, x.matMul(w)) as tf.Scalar, false, [w]);
}

async function run(steps: number, w: tf.Variable, optimizer: tf.Optimizer) {
	for (let i = 0; i < steps; i++) step(optimizer, w);
	return Float32Array.from(await w.data());
}

describe('optimizer state', () => {
	it('continuing with the saved Adam state gives the same weights as never stopping', async () => {
		const unbroken = await run(6, tf.variable(tf.zeros([3, 1])), tf.train.adam(0.1));

		const first = tf.variable(tf.zeros([3, 1]));
		const before = tf.train.adam(0.1);
		await run(3, first, before);
		const state = await readOptimizerState(before);
		expect(state.name).toBe('Adam');
		expect(state.iterations).toBe(3);
		// First and second moments, one each for w.
		expect(state.variables.map((v) => v.shape)).toEqual([
			[3, 1],
			[3, 1]
		]);

		const weights = Float32Array.from(await first.data());
		const resumedWeights = tf.variable(tf.tensor2d(weights, [3, 1]));
		const after = tf.train.adam(0.1);
		await applyOptimizerState(after, state);
		const continued = await run(3, resumedWeights, after);
		for (let i = 0; i < 3; i++) expect(continued[i]).toBeCloseTo(unbroken[i]!, 6);

		// Without the state (a fresh Adam), the same three steps land elsewhere: the check can fail.
		const fresh = await run(3, tf.variable(tf.tensor2d(weights, [3, 1])), tf.train.adam(0.1));
		const gap = Math.max(...[0, 1, 2].map((i) => Math.abs(fresh[i]! - unbroken[i]!)));
		expect(gap).toBeGreaterThan(1e-3);
	});

	it('refuses the state of another kind of optimizer, naming both', async () => {
		const adam = tf.train.adam(0.1);
		await run(1, tf.variable(tf.zeros([3, 1])), adam);
		const state = await readOptimizerState(adam);
		await expect(applyOptimizerState(tf.train.sgd(0.1), state)).rejects.toThrow(
			/saved optimizer state is Adam's, but this run uses SGD/
		);
	});
});
