// The training loop on the CPU backend: it learns (iris), repeats to the bit, stops early on the best
// epoch, survives a NaN, obeys pause/resume/stop, weighs classes as documented and leaves no tensor behind.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/lib/core/random/seeded-random.ts';
import { parseTrainSettings, type TrainSettingsInput } from '../../../../src/lib/core/train/settings.ts';
import { TrainControl } from '../../../../src/lib/core/train/train-control.ts';
import { solveRidge } from '../../../../src/lib/core/train/ridge.ts';
import { trainNetwork, type TrainNetworkOptions } from '../../../../src/lib/core/train/train-loop.ts';
import type { TrainingArrays } from '../../../../src/lib/core/train/training-data.ts';
import type { TrainProgress } from '../../../../src/lib/core/train/types.ts';
import { accuracyOf, buildMlp, prepareSample, r2Of } from './prepare-sample.ts';

const IRIS = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
const DIABETES = ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'];

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const iris = () =>
	prepareSample('iris.csv', 'species', 'classification', [{ op: 'scale', params: { columns: IRIS } }]);

/** Regression on pure noise: a wide network overfits it within a few epochs, so validation loss rises. */
function noise(n: number, features: number, seed: number): TrainingArrays {
	const random = createRandom(seed);
	const x = Float32Array.from({ length: n * features }, () => random.normal());
	const y = Float32Array.from({ length: n }, () => random.normal());
	return { x, y, n, featureCount: features, outputSize: 1, classes: [] };
}

function settings(input: TrainSettingsInput = {}) {
	return parseTrainSettings(input);
}

/** Mean squared error of the model on regression arrays, computed apart from the loop. */
function mseOf(model: tf.LayersModel, data: TrainingArrays): number {
	return tf.tidy(() => {
		const predicted = model.predict(tf.tensor2d(data.x, [data.n, data.featureCount])) as tf.Tensor;
		return tf.losses
			.meanSquaredError(tf.tensor2d(data.y, [data.n, data.outputSize]), predicted)
			.dataSync()[0]!;
	});
}

function weightsOf(model: tf.LayersModel): number[][] {
	return model.getWeights().map((w) => Array.from(w.dataSync()));
}

async function train(options: TrainNetworkOptions) {
	const before = tf.memory().numTensors;
	const result = await trainNetwork(options);
	// The run leaves exactly the model's weights, which were there before it started.
	expect(tf.memory().numTensors).toBe(before);
	return result;
}

describe('trainNetwork on iris', () => {
	it('reaches at least 0.93 test accuracy with the default settings', async () => {
		const data = iris();
		const model = buildMlp(data.train.featureCount, data.train.outputSize, 'classification');
		const started = performance.now();
		const result = await train({
			model,
			task: 'classification',
			data: data.train,
			validation: data.validation,
			settings: settings()
		});
		const seconds = (performance.now() - started) / 1000;
		const accuracy = accuracyOf(model, data.test);
		console.log(
			`iris: test accuracy ${accuracy.toFixed(3)} on ${data.test.n} rows, ${result.history.length} epochs ` +
				`(${result.stopReason}, best ${result.bestEpoch}), ${seconds.toFixed(2)} s`
		);
		expect(accuracy).toBeGreaterThanOrEqual(0.93);
		const last = result.history[result.history.length - 1]!;
		expect(last.metric).toBeGreaterThan(0.9);
		expect(last.valMetric).toBeGreaterThan(0.9);
		expect(result.history[0]!.loss).toBeGreaterThan(last.loss);
		// The restored epoch is the one with the lowest validation loss.
		const valLosses = result.history.map((r) => r.valLoss!);
		expect(result.bestEpoch).toBe(valLosses.indexOf(Math.min(...valLosses)) + 1);
		// And its validation accuracy is what the model now scores on the validation rows.
		expect(accuracyOf(model, data.validation)).toBeCloseTo(
			result.history[result.bestEpoch - 1]!.valMetric!,
			10
		);
		model.dispose();
	});

	it('holds back a stratified tenth of the training rows when no validation rows are given', async () => {
		const data = iris();
		const model = buildMlp(data.train.featureCount, data.train.outputSize, 'classification');
		const events: TrainProgress[] = [];
		const result = await train({
			model,
			task: 'classification',
			data: data.train,
			settings: settings({ epochs: 3, batchSize: 16 }),
			onProgress: (p) => events.push(p)
		});
		expect(result.history.every((r) => r.valLoss !== undefined && r.valMetric !== undefined)).toBe(true);
		// 104 training rows, 34, 35 and 35 per class: 3 + 4 + 4 held back leaves 93 rows, 6 batches of 16.
		expect(Array.from(data.train.labels!).filter((label) => label === 0)).toHaveLength(34);
		expect(events[0]!.batches).toBe(6);
		expect(result.rows).toEqual({ train: 93, validation: 11 });
		// Validation accuracy over 11 rows comes in elevenths.
		for (const r of result.history)
			expect(Math.abs(r.valMetric! * 11 - Math.round(r.valMetric! * 11))).toBeLessThan(1e-9);
		model.dispose();
	});

	it('reports every batch, with the epoch figures on the last one', async () => {
		const data = iris();
		const model = buildMlp(data.train.featureCount, data.train.outputSize, 'classification');
		const events: TrainProgress[] = [];
		const result = await train({
			model,
			task: 'classification',
			data: data.train,
			validation: data.validation,
			settings: settings({ epochs: 4, batchSize: 50, earlyStopping: { enabled: false } }),
			onProgress: (p) => events.push({ ...p })
		});
		// 104 rows in batches of 50: 50, 50, 4.
		expect(events).toHaveLength(12);
		expect(events.map((e) => `${e.epoch}.${e.batch}/${e.batches}`).slice(0, 4)).toEqual([
			'1.1/3',
			'1.2/3',
			'1.3/3',
			'2.1/3'
		]);
		expect(events.filter((e) => e.epochEnd).map((e) => e.batch)).toEqual([3, 3, 3, 3]);
		expect(events.filter((e) => e.epochEnd).map((e) => e.epochEnd)).toEqual(result.history);
		expect(events.every((e) => e.epochs === 4 && Number.isFinite(e.loss) && e.samplesPerSecond > 0)).toBe(
			true
		);
		expect(events[events.length - 1]!.remainingMs).toBe(0);
		expect(events[0]!.remainingMs).toBeGreaterThan(0);
		// Without early stopping the model ends on the last epoch.
		expect(result).toMatchObject({ stopReason: 'completed', bestEpoch: 4 });
		expect(result.message).toBeUndefined();
		expect(JSON.parse(JSON.stringify(result.history))).toEqual(result.history);
		model.dispose();
	});
});

describe('reproducibility', () => {
	it('gives identical histories and weights for the same seed, different ones for another seed', async () => {
		const data = iris();
		const run = async (seed: number) => {
			const model = buildMlp(data.train.featureCount, data.train.outputSize, 'classification', { seed: 5 });
			const result = await train({
				model,
				task: 'classification',
				data: data.train,
				settings: settings({ epochs: 8, seed, classWeights: 'balanced' })
			});
			const weights = weightsOf(model);
			model.dispose();
			return { history: result.history, weights };
		};
		const first = await run(42);
		const second = await run(42);
		expect(second.history).toEqual(first.history);
		expect(second.weights).toEqual(first.weights);
		const other = await run(43);
		expect(other.history).not.toEqual(first.history);
	});
});

describe('early stopping', () => {
	const train40 = noise(40, 5, 1);
	const validation = noise(40, 5, 2);
	const overfit = (restoreBest: boolean) =>
		settings({
			epochs: 200,
			batchSize: 8,
			learningRate: 0.02,
			earlyStopping: { patience: 3, restoreBest }
		});

	it('stops when the validation loss has not improved for `patience` epochs and puts back the best epoch', async () => {
		const model = buildMlp(5, 1, 'regression', { hidden: [64, 64] });
		const result = await train({
			model,
			task: 'regression',
			data: train40,
			validation,
			settings: overfit(true)
		});
		expect(result.stopReason).toBe('early-stopping');
		expect(result.history.length).toBeLessThan(200);
		expect(result.history.length).toBe(result.bestEpoch + 3);
		const valLosses = result.history.map((r) => r.valLoss!);
		expect(result.bestEpoch).toBe(valLosses.indexOf(Math.min(...valLosses)) + 1);
		expect(mseOf(model, validation)).toBeCloseTo(valLosses[result.bestEpoch - 1]!, 5);
		expect(r2Of(model, validation)).toBeCloseTo(result.history[result.bestEpoch - 1]!.valMetric!, 5);
		expect(result.message).toBe(
			`Stopped early after epoch ${result.history.length}: val_loss had not improved for 3 epochs. ` +
				`The model keeps the weights of epoch ${result.bestEpoch}, the best by val_loss.`
		);
		model.dispose();
	});

	it('keeps the last epoch when not restoring', async () => {
		const model = buildMlp(5, 1, 'regression', { hidden: [64, 64] });
		const result = await train({
			model,
			task: 'regression',
			data: train40,
			validation,
			settings: overfit(false)
		});
		expect(result.stopReason).toBe('early-stopping');
		expect(result.bestEpoch).toBe(result.history.length);
		expect(mseOf(model, validation)).toBeCloseTo(result.history[result.history.length - 1]!.valLoss!, 5);
		model.dispose();
	});

	it('watches the training loss when there are no validation rows', async () => {
		const model = buildMlp(5, 1, 'regression', { hidden: [8] });
		const result = await train({
			model,
			task: 'regression',
			data: train40,
			settings: settings({
				epochs: 300,
				validationFraction: 0,
				learningRate: 0.5,
				earlyStopping: { patience: 2 }
			})
		});
		expect(result.history.every((r) => r.valLoss === undefined)).toBe(true);
		expect(result.stopReason).toBe('early-stopping');
		const losses = result.history.map((r) => r.loss);
		expect(result.bestEpoch).toBe(losses.indexOf(Math.min(...losses)) + 1);
		expect(result.message).toMatch(/: loss had not improved for 2 epochs/);
		model.dispose();
	});
});

describe('divergence', () => {
	it('stops on a NaN or infinite loss, says what to try and keeps finite weights', async () => {
		const diabetes = prepareSample('diabetes.csv', 'progression', 'regression', []);
		expect(diabetes.features).toEqual(DIABETES);
		const model = buildMlp(10, 1, 'regression', { hidden: [16] });
		const initial = weightsOf(model);
		const result = await train({
			model,
			task: 'regression',
			data: diabetes.train,
			validation: diabetes.validation,
			settings: settings({ optimizer: 'sgd', learningRate: 1e6 })
		});
		expect(result.stopReason).toBe('diverged');
		expect(result.message).toMatch(
			/^The loss became (infinite|not a number \(NaN\)) at epoch 1, batch \d+: /
		);
		expect(result.message).toContain('Try a learning rate ten times lower, or add a Scale step');
		// It diverged before finishing an epoch: the weights it started from are put back.
		expect(result.bestEpoch).toBe(0);
		expect(result.history).toEqual([]);
		expect(weightsOf(model)).toEqual(initial);
		expect(weightsOf(model).flat().every(Number.isFinite)).toBe(true);
		model.dispose();
	});
});

/** A TrainControl that tells the test when the loop first waits in `whilePaused`. */
class ParkedSignalControl extends TrainControl {
	#onParked: () => void = () => {};
	readonly parked = new Promise<void>((resolve) => (this.#onParked = resolve));

	override whilePaused(): Promise<void> {
		if (this.state === 'paused') this.#onParked();
		return super.whilePaused();
	}
}

describe('pause, resume and stop', () => {
	const data = noise(64, 3, 3);
	const validation = noise(16, 3, 4);
	const plain = settings({ epochs: 5, batchSize: 16, earlyStopping: { enabled: false } });

	it('waits while paused and carries on when resumed', async () => {
		const control = new ParkedSignalControl();
		const model = buildMlp(3, 1, 'regression');
		let batches = 0;
		const run = train({
			model,
			task: 'regression',
			data,
			validation,
			settings: plain,
			control,
			onProgress: (p) => {
				batches++;
				if (p.epoch === 2 && p.batch === 1) control.pause();
			}
		});
		// Waits for the loop to park itself, not for a fixed time that a loaded machine may overrun.
		await control.parked;
		expect(control.state).toBe('paused');
		expect(batches).toBe(5);
		// Parked, it cannot move on: a few turns of the event loop later it has still done nothing.
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(batches).toBe(5);
		control.resume();
		const result = await run;
		expect(batches).toBe(20);
		expect(result.stopReason).toBe('completed');
		expect(result.history).toHaveLength(5);
		model.dispose();
	});

	it('stop ends the run between batches and keeps the best epoch so far', async () => {
		const control = new TrainControl();
		const model = buildMlp(3, 1, 'regression', { hidden: [32] });
		const result = await train({
			model,
			task: 'regression',
			data,
			validation,
			settings: settings({ epochs: 50, batchSize: 16, earlyStopping: { patience: 50 } }),
			control,
			onProgress: (p) => {
				if (p.epochEnd?.epoch === 6) control.stop();
			}
		});
		expect(result.stopReason).toBe('stopped');
		expect(result.history).toHaveLength(6);
		const valLosses = result.history.map((r) => r.valLoss!);
		expect(result.bestEpoch).toBe(valLosses.indexOf(Math.min(...valLosses)) + 1);
		expect(mseOf(model, validation)).toBeCloseTo(valLosses[result.bestEpoch - 1]!, 5);
		expect(result.message).toMatch(/^Stopped by request after 6 complete epochs\./);
		model.dispose();
	});

	it('stops a paused run, and hears a stop sent as a message while it trains', async () => {
		const model = buildMlp(3, 1, 'regression');
		const paused = new TrainControl();
		const run = train({ model, task: 'regression', data, validation, settings: plain, control: paused });
		paused.pause();
		await new Promise((resolve) => setTimeout(resolve, 20));
		paused.stop();
		expect((await run).stopReason).toBe('stopped');

		// A timer stands in for a worker message: it only runs if the loop yields a macrotask.
		const control = new TrainControl();
		setTimeout(() => control.stop(), 0);
		const result = await train({
			model,
			task: 'regression',
			data,
			validation,
			settings: settings({ epochs: 1000, batchSize: 4, earlyStopping: { enabled: false } }),
			control
		});
		expect(result.stopReason).toBe('stopped');
		expect(result.history.length).toBeLessThan(1000);
		model.dispose();
	});
});

describe('losses', () => {
	/** A model whose output is fixed: zero kernel, biases giving p = [0.9, 0.1] to every row. */
	function fixedClassifier(): tf.Sequential {
		const model = buildMlp(1, 2, 'classification', { hidden: [] });
		model.setWeights([tf.zeros([1, 2]), tf.tensor1d([Math.log(0.9), Math.log(0.1)])]);
		return model;
	}
	// 90 rows of class 0, 10 of class 1.
	const imbalanced: TrainingArrays = {
		x: new Float32Array(100),
		y: Float32Array.from({ length: 200 }, (_, i) => (i >> 1 < 90 ? (i % 2 === 0 ? 1 : 0) : i % 2)),
		labels: Int32Array.from({ length: 100 }, (_, i) => (i < 90 ? 0 : 1)),
		n: 100,
		featureCount: 1,
		outputSize: 2,
		classes: ['common', 'rare']
	};
	const once = (classWeights: 'none' | 'balanced') =>
		settings({ epochs: 1, batchSize: 100, validationFraction: 0, learningRate: 1e-9, classWeights });

	it('weighs classes n / (k · count) when balanced', async () => {
		const plainModel = fixedClassifier();
		const plain = await train({
			model: plainModel,
			task: 'classification',
			data: imbalanced,
			settings: once('none')
		});
		const weightedModel = fixedClassifier();
		const weighted = await train({
			model: weightedModel,
			task: 'classification',
			data: imbalanced,
			settings: once('balanced')
		});
		const common = -Math.log(0.9);
		const rare = -Math.log(0.1);
		expect(plain.history[0]!.loss).toBeCloseTo((90 * common + 10 * rare) / 100, 5);
		// Weights 100 / (2 · 90) and 100 / (2 · 10): each class counts for half of the loss.
		expect(weighted.history[0]!.loss).toBeCloseTo((90 * (100 / 180) * common + 10 * 5 * rare) / 100, 5);
		expect(weighted.history[0]!.loss).toBeGreaterThan(2 * plain.history[0]!.loss);
		// Accuracy is not weighted: 90 of 100 rows are the predicted class.
		expect(weighted.history[0]!.metric).toBe(0.9);
		plainModel.dispose();
		weightedModel.dispose();
	});

	it('adds the layers’ L2 penalty to the loss', async () => {
		const data = noise(20, 4, 5);
		const model = buildMlp(4, 1, 'regression', { hidden: [6], l2: 0.1 });
		const expected = tf.tidy(() => {
			const kernel = model.layers[0]!.getWeights()[0]!;
			return mseOf(model, data) + 0.1 * tf.sum(tf.square(kernel)).dataSync()[0]!;
		});
		const result = await train({
			model,
			task: 'regression',
			data,
			settings: settings({ epochs: 1, batchSize: 20, validationFraction: 0, learningRate: 1e-9 })
		});
		expect(result.history[0]!.loss).toBeCloseTo(expected, 4);
		expect(result.history[0]!.loss - mseOf(model, data)).toBeGreaterThan(0.01);
		model.dispose();
	});
});

describe('memory', () => {
	it('leaves tf.memory() as it found it for every optimizer, with validation, weights and L2', async () => {
		const data = iris();
		const model = buildMlp(4, 3, 'classification', { l2: 0.001 });
		const baseline = tf.memory().numTensors;
		for (const optimizer of ['adam', 'sgd', 'rmsprop'] as const) {
			await trainNetwork({
				model,
				task: 'classification',
				data: data.train,
				validation: data.validation,
				settings: settings({ optimizer, epochs: 3, classWeights: 'balanced', earlyStopping: { patience: 1 } })
			});
			expect(tf.memory().numTensors).toBe(baseline);
		}
		// A run that fails on its data makes nothing either.
		await expect(
			trainNetwork({ model, task: 'classification', data: noise(10, 4, 1), settings: settings() })
		).rejects.toThrow('The model gives 3 outputs, but there are 1 targets: rebuild the model for this data.');
		expect(tf.memory().numTensors).toBe(baseline);
		model.dispose();
		expect(tf.memory().numTensors).toBe(baseline - 4);
	});

	it('refuses data that does not fit the model or the settings', async () => {
		const model = buildMlp(3, 1, 'regression');
		await expect(
			trainNetwork({ model, task: 'regression', data: noise(10, 4, 1), settings: settings() })
		).rejects.toThrow(
			'The model takes 3 inputs per row, but the data has 4 features: rebuild the model for this data.'
		);
		await expect(
			trainNetwork({ model, task: 'regression', data: noise(1, 3, 1), settings: settings() })
		).rejects.toThrow('Training needs at least 2 rows');
		model.dispose();
	});
});

describe('trainNetwork with weights solved in closed form', () => {
	it('scores the ridge solution as one epoch on the rows it was solved on, with the validation rows', async () => {
		const data = prepareSample('diabetes.csv', 'progression', 'regression', [
			{ op: 'scale', params: { columns: DIABETES } }
		]);
		const model = buildMlp(data.train.featureCount, 1, 'regression', { hidden: [] });
		const seen: number[] = [];
		const result = await train({
			model,
			task: 'regression',
			data: data.train,
			validation: data.validation,
			settings: settings({ epochs: 50 }),
			solve: (rows) => {
				seen.push(rows.n);
				return solveRidge(rows);
			},
			solvedMessage: 'Solved exactly.'
		});
		expect(seen).toEqual([data.train.n]);
		expect(result.history).toHaveLength(1);
		expect(result.bestEpoch).toBe(1);
		expect(result.message).toBe('Solved exactly.');
		const [kernel] = solveRidge(data.train);
		expect(Array.from(model.getWeights()[0]!.dataSync())).toEqual(Array.from(kernel!));
		expect(result.history[0]!.valMetric).toBeCloseTo(r2Of(model, data.validation), 5);
		expect(result.history[0]!.loss).toBeCloseTo(mseOf(model, data.train), 3);
		expect(r2Of(model, data.test)).toBeGreaterThan(0.3);
	});
});

describe('trainNetwork solving with held-back rows', () => {
	it('scores the solution on the held-back rows, then keeps one solved on every training row', async () => {
		const data = prepareSample('diabetes.csv', 'progression', 'regression', [
			{ op: 'scale', params: { columns: DIABETES } }
		]);
		const model = buildMlp(data.train.featureCount, 1, 'regression', { hidden: [] });
		const seen: number[] = [];
		const result = await train({
			model,
			task: 'regression',
			data: data.train,
			settings: settings({ validationFraction: 0.2 }),
			solve: (rows) => {
				seen.push(rows.n);
				return solveRidge(rows);
			}
		});
		expect(seen).toEqual([data.train.n - result.rows!.validation, data.train.n]);
		expect(result.rows!.validation).toBeGreaterThan(0);
		expect(result.history[0]!.valMetric).toBeDefined();
		const [kernel] = solveRidge(data.train);
		expect(Array.from(model.getWeights()[0]!.dataSync())).toEqual(Array.from(kernel!));
	});
});
