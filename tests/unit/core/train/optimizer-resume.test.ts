// Continuing a run from its saved weights and optimizer state is the same as never having stopped: N
// epochs, the state kept, M more on a fresh model → the weights of N + M epochs in one go, for TF.js ops
// and the fused WASM engine, each optimizer, and across the two engines (one half on each).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork } from '../../../../src/lib/core/models/build-network.ts';
import { requireFamily } from '../../../../src/lib/core/models/families.ts';
import type { NetworkSpec } from '../../../../src/lib/core/models/types.ts';
import { parseTrainSettings, type TrainSettingsInput } from '../../../../src/lib/core/train/settings.ts';
import { readWeights, type TrainCheckpoint } from '../../../../src/lib/core/train/train-checkpoint.ts';
import { trainNetwork } from '../../../../src/lib/core/train/train-loop.ts';
import { ENGINE_PAIRS, OPTIMIZERS, type Engine } from './resume-cases.ts';
import { prepareSample } from './prepare-sample.ts';

const IRIS = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const { train, validation } = prepareSample('iris.csv', 'species', 'classification', [
	{ op: 'scale', params: { columns: IRIS } }
]);
// The studio's default MLP: 64 → dropout 0.1 → 32, softmax out.
const spec = requireFamily('mlp').defaultSpec('classification', {
	featureCount: 4,
	imageShape: null,
	rowCount: train.n,
	suggestedK: null
}) as NetworkSpec;
const fresh = () => buildNetwork(spec, { inputSize: train.featureCount, outputSize: train.outputSize }, 7);

async function trainFor(
	epochs: number,
	settingsInput: TrainSettingsInput,
	engine: Engine,
	resumeFrom?: TrainCheckpoint
) {
	const tensorsBefore = tf.memory().numTensors;
	const model = fresh();
	const settings = parseTrainSettings({
		...settingsInput,
		epochs,
		batchSize: 16,
		earlyStopping: { enabled: false },
		seed: 5
	});
	const result = await trainNetwork({
		model,
		task: 'classification',
		data: train,
		validation,
		settings,
		engine,
		...(resumeFrom ? { resumeFrom } : {})
	});
	const weights = await readWeights(model);
	model.dispose();
	// Reading and putting back the optimizer's state leaves no tensor behind.
	expect(tf.memory().numTensors).toBe(tensorsBefore);
	return { result, weights };
}

function largestGap(a: Float32Array[], b: Float32Array[]): number {
	let gap = 0;
	a.forEach((values, i) => values.forEach((v, j) => (gap = Math.max(gap, Math.abs(v - b[i]![j]!)))));
	return gap;
}

describe('continuing with the saved optimizer state', () => {
	for (const [engineA, engineB] of ENGINE_PAIRS) {
		for (const [label, settings] of OPTIMIZERS) {
			it(`${label}: 4 epochs (${engineA}), saved, then 3 more (${engineB}) equal 7 in one go`, async () => {
				const straight = await trainFor(7, settings, engineA);
				const first = await trainFor(4, settings, engineA);
				expect(first.result.engine?.name).toBe(engineA === 'auto' ? 'dense-wasm' : 'tfjs');
				const state = first.result.optimizer!;
				expect(state.iterations).toBe(4 * Math.ceil(train.n / 16));
				// What IndexedDB (and the worker boundary) does to a record: a structured clone.
				const saved: TrainCheckpoint = structuredClone({
					epoch: 4,
					weights: first.weights,
					history: first.result.history,
					optimizer: state
				});
				const continued = await trainFor(7, settings, engineB, saved);
				expect(continued.result.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7]);
				expect(largestGap(continued.weights, straight.weights)).toBeLessThan(1e-5);
				expect(continued.result.history.at(-1)!.loss).toBeCloseTo(straight.result.history.at(-1)!.loss, 5);
			}, 30_000);
		}
	}

	it('without the state the same epochs land elsewhere (the check can fail)', async () => {
		const settings = OPTIMIZERS[0]![1];
		const straight = await trainFor(7, settings, 'auto');
		const first = await trainFor(4, settings, 'auto');
		const restarted = await trainFor(7, settings, 'auto', {
			epoch: 4,
			weights: first.weights,
			history: first.result.history
		});
		expect(largestGap(restarted.weights, straight.weights)).toBeGreaterThan(1e-3);
	}, 30_000);

	it('keeps the best epoch’s state with the best epoch’s weights', async () => {
		const model = fresh();
		const settings = parseTrainSettings({
			optimizer: 'adam',
			learningRate: 0.5,
			epochs: 12,
			batchSize: 16,
			earlyStopping: { enabled: true, patience: 100, restoreBest: true, monitor: 'val_loss' },
			seed: 5
		});
		const result = await trainNetwork({ model, task: 'classification', data: train, validation, settings });
		model.dispose();
		const steps = Math.ceil(train.n / 16);
		expect(result.optimizer!.iterations).toBe(result.bestEpoch * steps);
	});
});
