// An epoch's validation macro F1 (evaluateModel with scores): counted per class on the model's predictions,
// as scikit-learn counts them, for a softmax head and a one-column sigmoid head, across evaluation chunks.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateModel } from '../../../../src/lib/core/train/epoch-metrics.ts';
import { f1Score } from '../../../../src/lib/core/metrics/classification.ts';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const models: tf.LayersModel[] = [];
afterAll(() => models.forEach((m) => m.dispose()));

/** A model that answers the class its input row points at: an identity dense layer before the head. */
function pointingModel(units: number, activation: 'softmax' | 'sigmoid'): tf.LayersModel {
	const model = tf.sequential({
		layers: [tf.layers.dense({ units, inputShape: [units], activation, useBias: false })]
	});
	model.setWeights([tf.eye(units)]);
	models.push(model);
	return model;
}

describe('evaluateModel with scores', () => {
	it('scores macro F1 on a softmax head as scikit-learn does', async () => {
		const yTrue = [0, 0, 0, 0, 1, 1, 2, 2, 2, 2];
		const yPred = [0, 0, 1, 0, 1, 2, 2, 2, 0, 3];
		const k = 5;
		const data = {
			x: tf.mul(tf.oneHot(yPred, k), 10),
			y: tf.oneHot(yTrue, k).toFloat(),
			n: yTrue.length
		};
		const checked = await evaluateModel(
			pointingModel(k, 'softmax'),
			'classification',
			data,
			new Float64Array(0),
			undefined,
			true
		);
		// f1_score(y_true, y_pred, average='macro') = 0.4553571428571429 (classes 0-3; 4 is neither).
		expect(checked.scores?.f1_macro).toBeCloseTo(0.4553571428571429, 6);
		const classes = ['a', 'b', 'c', 'd', 'e'];
		expect(checked.scores?.f1_macro).toBeCloseTo(f1Score(yTrue, yPred, classes, 'macro'), 6);
		expect(checked.metric).toBeCloseTo(0.6, 6);
		// Without asking, no scores: ordinary runs keep their history as it was.
		const plain = await evaluateModel(
			pointingModel(k, 'softmax'),
			'classification',
			data,
			new Float64Array(0)
		);
		expect(plain.scores).toBeUndefined();
		tf.dispose([data.x, data.y]);
	});

	it('reads a one-column sigmoid head as two classes, either side of ½', async () => {
		// True 1,1,1,0,0 predicted 1,0,1,0,1: class 1 F1 2·2/(3+3) = 2/3, class 0 F1 2·1/(2+2) = 1/2.
		const data = {
			x: tf.tensor2d([[5], [-5], [5], [-5], [5]]),
			y: tf.tensor2d([[1], [1], [1], [0], [0]]),
			n: 5
		};
		const checked = await evaluateModel(
			pointingModel(1, 'sigmoid'),
			'classification',
			data,
			new Float64Array(0),
			{ name: 'binary-cross-entropy', delta: 1 },
			true
		);
		expect(checked.scores?.f1_macro).toBeCloseTo((2 / 3 + 1 / 2) / 2, 6);
		tf.dispose([data.x, data.y]);
	});
});
