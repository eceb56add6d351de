import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	fitTargetScale,
	foldTargetScale,
	scaleTargets
} from '../../../../src/lib/core/train/target-scaling.ts';
import type { TrainingArrays } from '../../../../src/lib/core/train/training-data.ts';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const DATA: TrainingArrays = {
	x: Float32Array.from([0, 1, 2, 3]),
	y: Float32Array.from([100, 5, 200, 5, 300, 5, 400, 5]),
	n: 4,
	featureCount: 1,
	outputSize: 2,
	classes: []
};

describe('target scaling', () => {
	it('puts each target in standard units, a constant one with spread 1', () => {
		const scale = fitTargetScale(DATA);
		expect(Array.from(scale.mean)).toEqual([250, 5]);
		expect(scale.std[0]).toBeCloseTo(Math.sqrt(12500), 10);
		expect(scale.std[1]).toBe(1);
		const scaled = scaleTargets(DATA, scale);
		expect(scaled.y[0]).toBeCloseTo(-150 / Math.sqrt(12500), 6);
		expect(scaled.y[1]).toBe(0);
	});

	it('folds the scaling into the output layer, so the model predicts in the target’s units', async () => {
		const model = tf.sequential({
			layers: [
				tf.layers.dense({ inputShape: [1], units: 2, kernelInitializer: 'ones', biasInitializer: 'ones' })
			]
		});
		const scale = fitTargetScale(DATA);
		const input = tf.tensor2d([[2]]);
		const before = await (model.predict(input) as tf.Tensor).data();
		foldTargetScale(model, scale);
		const after = await (model.predict(input) as tf.Tensor).data();
		expect(after[0]).toBeCloseTo(before[0]! * scale.std[0]! + 250, 3);
		expect(after[1]).toBeCloseTo(before[1]! * 1 + 5, 5);
		input.dispose();
		model.dispose();
	});
});
