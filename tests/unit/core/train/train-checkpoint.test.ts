// Going on from a checkpoint: with a stateless optimizer (plain SGD) a run broken after some epochs and
// continued on a fresh model ends exactly where an unbroken run ends, early stopping included.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/lib/core/random/seeded-random.ts';
import { parseTrainSettings, type TrainSettingsInput } from '../../../../src/lib/core/train/settings.ts';
import type { TrainCheckpoint } from '../../../../src/lib/core/train/train-checkpoint.ts';
import { trainNetwork } from '../../../../src/lib/core/train/train-loop.ts';
import type { TrainingArrays } from '../../../../src/lib/core/train/training-data.ts';
import { buildMlp, prepareSample } from './prepare-sample.ts';

const IRIS = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];

beforeAll(async () => {
	await tf.setBackend('cpu');
});

function noise(n: number, features: number, seed: number): TrainingArrays {
	const random = createRandom(seed);
	const x = Float32Array.from({ length: n * features }, () => random.normal());
	const y = Float32Array.from({ length: n }, () => random.normal());
	return { x, y, n, featureCount: features, outputSize: 1, classes: [] };
}

const weightsOf = (model: tf.LayersModel) => model.getWeights().map((w) => Array.from(w.dataSync()));

const sgd = (input: TrainSettingsInput) =>
	parseTrainSettings({ optimizer: 'sgd', momentum: 0, learningRate: 0.1, ...input });

describe('resuming from a checkpoint', () => {
	it('ends with the weights and history of an unbroken run', async () => {
		const { train } = prepareSample('iris.csv', 'species', 'classification', [
			{ op: 'scale', params: { columns: IRIS } }
		]);
		const settings = sgd({ epochs: 6, earlyStopping: { enabled: false } });
		const fresh = () => buildMlp(train.featureCount, train.outputSize, 'classification', { seed: 3 });

		const whole = fresh();
		const checkpoints: TrainCheckpoint[] = [];
		const unbroken = await trainNetwork({
			model: whole,
			task: 'classification',
			data: train,
			settings,
			onCheckpoint: (c) => checkpoints.push(c),
			checkpointIntervalMs: 0
		});
		expect(checkpoints.length).toBeGreaterThan(0);
		const midway = checkpoints.filter((c) => c.epoch < 6).at(-1)!;
		expect(midway.history).toHaveLength(midway.epoch);
		expect(midway.weights.map((w) => w.length)).toEqual(whole.getWeights().map((w) => w.size));

		const before = tf.memory().numTensors;
		const continued = fresh();
		const afterBuild = tf.memory().numTensors;
		const resumed = await trainNetwork({
			model: continued,
			task: 'classification',
			data: train,
			settings,
			resumeFrom: midway
		});
		expect(tf.memory().numTensors).toBe(afterBuild);
		expect(afterBuild).toBeGreaterThan(before);
		expect(resumed.history).toEqual(unbroken.history);
		expect(weightsOf(continued)).toEqual(weightsOf(whole));
		whole.dispose();
		continued.dispose();
	});

	it('carries early stopping over: the same stopping epoch and the same best weights', async () => {
		const data = noise(40, 5, 1);
		const validation = noise(40, 5, 2);
		const settings = sgd({
			epochs: 200,
			batchSize: 8,
			learningRate: 0.05,
			earlyStopping: { patience: 3, restoreBest: true }
		});
		const fresh = () => buildMlp(5, 1, 'regression', { hidden: [64, 64], seed: 9 });
		const whole = fresh();
		const checkpoints: TrainCheckpoint[] = [];
		const unbroken = await trainNetwork({
			model: whole,
			task: 'regression',
			data,
			validation,
			settings,
			onCheckpoint: (c) => checkpoints.push(c),
			checkpointIntervalMs: 0
		});
		expect(unbroken.stopReason).toBe('early-stopping');
		expect(checkpoints.map((c) => c.epoch)).toEqual(unbroken.history.map((r) => r.epoch));
		// Past the best epoch, a checkpoint carries the best weights beside its own.
		const from = checkpoints[unbroken.bestEpoch]!;
		expect(from.epoch).toBe(unbroken.bestEpoch + 1);
		expect(from.best?.epoch).toBe(unbroken.bestEpoch);
		expect(checkpoints[unbroken.bestEpoch - 1]!.best).toBeUndefined();

		const continued = fresh();
		const resumed = await trainNetwork({
			model: continued,
			task: 'regression',
			data,
			validation,
			settings,
			resumeFrom: from
		});
		expect(resumed.stopReason).toBe('early-stopping');
		expect(resumed.bestEpoch).toBe(unbroken.bestEpoch);
		expect(resumed.history).toEqual(unbroken.history);
		expect(weightsOf(continued)).toEqual(weightsOf(whole));
		whole.dispose();
		continued.dispose();
	});

	it('refuses a checkpoint taken from another architecture', async () => {
		const data = noise(20, 5, 1);
		const other = buildMlp(5, 1, 'regression', { hidden: [8] });
		const checkpoint: TrainCheckpoint = {
			epoch: 1,
			weights: other.getWeights().map((w) => Float32Array.from(w.dataSync())),
			history: [{ epoch: 1, loss: 1 }]
		};
		const model = buildMlp(5, 1, 'regression', { hidden: [16] });
		await expect(
			trainNetwork({ model, task: 'regression', data, settings: sgd({ epochs: 2 }), resumeFrom: checkpoint })
		).rejects.toThrow(/checkpoint does not fit this model/);
		other.dispose();
		model.dispose();
	});
});
