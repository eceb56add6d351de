// The training loop with the fused dense engine against the same loop on TF.js ops: a whole run (shuffles,
// batches, validation, early stopping, the best weights kept) ends the same way, and the run says which
// engine stepped it and why.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTrainSettings } from '../../../../../src/lib/core/train/settings.ts';
import { trainNetwork } from '../../../../../src/lib/core/train/train-loop.ts';
import { denseSpecFor } from '../../../../../src/lib/core/train/fused/dense-stepper.ts';
import { buildNetwork } from '../../../../../src/lib/core/models/build-network.ts';
import { requireFamily } from '../../../../../src/lib/core/models/families.ts';
import type { NetworkIO } from '../../../../../src/lib/core/models/summary.ts';
import type { NetworkSpec } from '../../../../../src/lib/core/models/types.ts';
import { buildMlp, prepareSample } from '../prepare-sample.ts';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const IRIS = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
const DIABETES = ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'];

async function runBoth(
	file: string,
	target: string,
	task: 'classification' | 'regression',
	columns: string[],
	settingsInput: Parameters<typeof parseTrainSettings>[0],
	l2 = 0
) {
	const data = prepareSample(file, target, task, [{ op: 'scale', params: { columns } }]);
	const settings = parseTrainSettings(settingsInput);
	const results = [];
	for (const engine of ['auto', 'tfjs'] as const) {
		const model = buildMlp(data.train.featureCount, data.train.outputSize, task, { hidden: [16, 8], l2 });
		const result = await trainNetwork({
			model,
			task,
			data: data.train,
			validation: data.validation,
			settings,
			engine
		});
		const weights = await Promise.all(model.getWeights().map((w) => w.data()));
		results.push({ result, weights });
		model.dispose();
	}
	return results;
}

describe('the training loop on the fused dense engine', () => {
	it('trains iris (Adam, cross-entropy) to the run TF.js ops give', { timeout: 60_000 }, async () => {
		const [fused, ops] = await runBoth('iris.csv', 'species', 'classification', IRIS, { epochs: 30 });
		expect(fused!.result.engine?.name).toBe('dense-wasm');
		expect(ops!.result.engine).toEqual({ name: 'tfjs', reason: 'TF.js was asked for' });
		expect(fused!.result.history.length).toBe(ops!.result.history.length);
		expect(fused!.result.bestEpoch).toBe(ops!.result.bestEpoch);
		fused!.result.history.forEach((epoch, i) => {
			const other = ops!.result.history[i]!;
			expect(epoch.loss, `epoch ${i + 1} loss`).toBeCloseTo(other.loss, 4);
			expect(epoch.valLoss, `epoch ${i + 1} validation loss`).toBeCloseTo(other.valLoss!, 4);
			expect(epoch.metric, `epoch ${i + 1} accuracy`).toBeCloseTo(other.metric!, 6);
		});
		fused!.weights.forEach((w, i) => {
			for (let j = 0; j < w.length; j++) expect(w[j]).toBeCloseTo(ops!.weights[i]![j]!, 3);
		});
	});

	it(
		'trains diabetes (SGD with momentum, MSE, L2) to the run TF.js ops give',
		{ timeout: 60_000 },
		async () => {
			const [fused, ops] = await runBoth(
				'diabetes.csv',
				'progression',
				'regression',
				DIABETES,
				{ epochs: 15, optimizer: 'sgd', learningRate: 0.01 },
				0.001
			);
			expect(fused!.result.engine?.name).toBe('dense-wasm');
			fused!.result.history.forEach((epoch, i) => {
				const other = ops!.result.history[i]!;
				// Losses in the target's squared units (thousands): compare relative to their size.
				expect(Math.abs(epoch.loss - other.loss) / other.loss, `epoch ${i + 1}`).toBeLessThan(1e-4);
				expect(epoch.metric, `epoch ${i + 1} R²`).toBeCloseTo(other.metric!, 4);
			});
		}
	);

	it(
		'trains the studio’s default MLP (dropout 0.1 between its layers) to the run TF.js ops give',
		{ timeout: 60_000 },
		async () => {
			const data = prepareSample('iris.csv', 'species', 'classification', [
				{ op: 'scale', params: { columns: IRIS } }
			]);
			const spec = requireFamily('mlp').defaultSpec('classification', {
				kind: 'table',
				features: 4
			} as never) as NetworkSpec;
			expect(spec.layers.some((layer) => layer.type === 'dropout')).toBe(true);
			const settings = parseTrainSettings({ epochs: 12 });
			const runs = [];
			for (const engine of ['auto', 'tfjs'] as const) {
				const model = buildNetwork(spec, { inputSize: 4, outputSize: 3 } as NetworkIO, 42);
				const result = await trainNetwork({
					model,
					task: 'classification',
					data: data.train,
					validation: data.validation,
					settings,
					engine
				});
				runs.push({ result, weights: await Promise.all(model.getWeights().map((w) => w.data())) });
				model.dispose();
			}
			const [fused, ops] = runs;
			expect(fused!.result.engine?.name).toBe('dense-wasm');
			fused!.result.history.forEach((epoch, i) => {
				expect(epoch.loss, `epoch ${i + 1}`).toBeCloseTo(ops!.result.history[i]!.loss, 4);
			});
			fused!.weights.forEach((w, i) => {
				for (let j = 0; j < w.length; j++) expect(w[j]).toBeCloseTo(ops!.weights[i]![j]!, 3);
			});
		}
	);

	it('leaves what it does not compute exactly to TF.js, and says why', () => {
		const withDropout = tf.sequential({
			layers: [
				tf.layers.dense({ units: 4, inputShape: [3], activation: 'relu' }),
				tf.layers.dropout({ rate: 0.2 }),
				tf.layers.dense({ units: 2, activation: 'softmax' })
			]
		});
		expect(denseSpecFor(withDropout, 'classification', false)).toBe('Dropout layers are trained by TF.js');
		const elu = tf.sequential({
			layers: [tf.layers.dense({ units: 1, inputShape: [3], activation: 'elu' })]
		});
		expect(denseSpecFor(elu, 'regression', false)).toBe('the elu activation is trained by TF.js');
		const plain = tf.sequential({
			layers: [tf.layers.dense({ units: 3, inputShape: [3], activation: 'softmax' })]
		});
		expect(denseSpecFor(plain, 'classification', true)).toBe('balanced class weights are trained by TF.js');
		expect(denseSpecFor(plain, 'classification', false)).toEqual({
			sizes: [3, 3],
			activations: ['softmax'],
			l2: [0],
			l1: [0],
			dropout: [0],
			loss: 'cross-entropy',
			huberDelta: 1
		});
		// L1 on a kernel, Huber and binary cross-entropy on a sigmoid are the engine's too.
		const penalised = tf.sequential({
			layers: [
				tf.layers.dense({
					units: 4,
					inputShape: [3],
					activation: 'relu',
					kernelRegularizer: tf.regularizers.l1l2({ l1: 0.01, l2: 0.02 })
				}),
				tf.layers.dense({ units: 1, activation: 'sigmoid' })
			]
		});
		expect(
			denseSpecFor(penalised, 'classification', false, { name: 'binary-cross-entropy', delta: 1 })
		).toMatchObject({ l1: [0.01, 0], l2: [0.02, 0], loss: 'binary-cross-entropy' });
		expect(denseSpecFor(penalised, 'classification', false)).toBe(
			'a classifier without softmax is trained by TF.js'
		);
		expect(denseSpecFor(plain, 'classification', false, { name: 'binary-cross-entropy', delta: 1 })).toBe(
			'binary cross-entropy without a sigmoid output is trained by TF.js'
		);
		const linear = tf.sequential({
			layers: [tf.layers.dense({ units: 2, inputShape: [3] })]
		});
		expect(denseSpecFor(linear, 'regression', false, { name: 'huber', delta: 0.5 })).toMatchObject({
			loss: 'huber',
			huberDelta: 0.5
		});
		for (const model of [withDropout, elu, plain, penalised, linear]) model.dispose();
	});
});
