// Binary cross-entropy's sigmoid head: trained on the second class's 0/1, then folded into the two-class
// softmax head every other part of the studio reads, with the same probabilities.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork } from '../../../../src/lib/core/models/build-network.ts';
import type { NetworkSpec } from '../../../../src/lib/core/models/types.ts';
import {
	foldSigmoidHead,
	sigmoidTargets,
	trainsSigmoidHead
} from '../../../../src/lib/core/train/sigmoid-head.ts';
import type { TrainingArrays } from '../../../../src/lib/core/train/training-data.ts';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const spec: NetworkSpec = {
	family: 'mlp',
	task: 'classification',
	layers: [
		{ type: 'dense', units: 5, activation: 'tanh', l1: 0.01 },
		{ type: 'dropout', rate: 0.2 }
	]
};

describe('the sigmoid head', () => {
	it('is for classification with binary cross-entropy only', () => {
		expect(trainsSigmoidHead('classification', { loss: 'binary-cross-entropy' })).toBe(true);
		expect(trainsSigmoidHead('classification', {})).toBe(false);
		expect(trainsSigmoidHead('regression', { loss: 'binary-cross-entropy' })).toBe(false);
	});

	it('trains on the second class’s column, and refuses more than two classes', () => {
		const data: TrainingArrays = {
			x: new Float32Array(6),
			y: Float32Array.from([1, 0, 0, 1, 0, 1]),
			labels: Int32Array.from([0, 1, 1]),
			n: 3,
			featureCount: 2,
			outputSize: 2,
			classes: ['no', 'yes']
		};
		const one = sigmoidTargets(data);
		expect(Array.from(one.y)).toEqual([0, 1, 1]);
		expect(one.outputSize).toBe(1);
		expect(one.classes).toEqual(['no', 'yes']);
		expect(() => sigmoidTargets({ ...data, outputSize: 3 })).toThrow(/two classes, and the target has 3/);
	});

	it('folds into a two-class softmax with the sigmoid’s probabilities: [1 − p, p]', async () => {
		const sigmoid = buildNetwork(spec, { inputSize: 3, outputSize: 1 }, 7, 'sigmoid');
		// Move the output's bias off zero so the two columns differ.
		const weights = sigmoid.getWeights();
		sigmoid.setWeights([...weights.slice(0, -1), tf.tensor1d([0.7])]);
		const folded = foldSigmoidHead(sigmoid, spec, 3);
		const x = tf.tensor2d([0.5, -1, 2, -0.3, 0.8, 0.1, 3, 3, -3], [3, 3]);
		const p = (await (sigmoid.predict(x) as tf.Tensor).data()) as Float32Array;
		const both = (await (folded.predict(x) as tf.Tensor).data()) as Float32Array;
		expect(folded.outputs[0]!.shape).toEqual([null, 2]);
		for (let i = 0; i < 3; i++) {
			expect(both[2 * i + 1]).toBeCloseTo(p[i]!, 6);
			expect(both[2 * i]).toBeCloseTo(1 - p[i]!, 6);
		}
		expect(new Set(Array.from(p, (v) => v.toFixed(3))).size).toBe(3);
		sigmoid.dispose();
		folded.dispose();
		x.dispose();
	});
});
