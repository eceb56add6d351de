// The chooser: timing a path (warm-up untimed, the median of the timed batches, the limits kept, the path
// disposed), picking the faster with both figures in the reason, and trials that leave the run untouched.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	pickFaster,
	pickFastest,
	timePath,
	tinyRun,
	type TimedPath
} from '../../../../../src/lib/core/train/fused/engine-chooser.ts';
import { chooseByTrial } from '../../../../../src/lib/core/train/fused/engine-trials.ts';
import { denseSpecFor } from '../../../../../src/lib/core/train/fused/dense-stepper.ts';
import { SeededDropout } from '../../../../../src/lib/core/models/seeded-dropout.ts';
import { parseTrainSettings } from '../../../../../src/lib/core/train/settings.ts';
import { prepareSample } from '../prepare-sample.ts';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

describe('timePath', () => {
	it('leaves the warm-up out, takes the median, stops at maxMs and disposes the path', async () => {
		let clock = 0;
		const costs = [100, 100, 5, 9, 7, 8, 6];
		let calls = 0;
		let disposed = false;
		const timing = await timePath(
			{ run: () => (clock += costs[calls++] ?? 1), dispose: () => (disposed = true) },
			{ warmup: 2, minBatches: 5, minMs: 0, maxMs: 1000 },
			() => clock
		);
		expect(timing).toEqual({ msPerBatch: 7, batches: 5 });
		expect(disposed).toBe(true);

		clock = 0;
		const slow = await timePath(
			{ run: () => (clock += 400), dispose: () => undefined },
			{ warmup: 0, minBatches: 10, minMs: 0, maxMs: 1000 },
			() => clock
		);
		expect(slow.batches).toBe(3);
	});
});

describe('pickFaster', () => {
	it('keeps the faster path and says both figures', () => {
		const engine = pickFaster(
			{ msPerBatch: 0.5, batches: 9 },
			{ msPerBatch: 4, batches: 5 },
			'wasm',
			'simd128'
		);
		expect(engine.name).toBe('dense-wasm');
		expect(engine.reason).toContain('0.50 ms per batch (median of 9)');
		expect(engine.reason).toContain('TF.js wasm 4.0 ms per batch (median of 5)');
		expect(engine.reason).toContain('8.0× faster than TF.js wasm');
		expect(pickFaster({ msPerBatch: 3, batches: 3 }, { msPerBatch: 2, batches: 3 }, 'webgl', 'x').name).toBe(
			'tfjs'
		);
	});
});

describe('pickFastest', () => {
	const path = (engine: TimedPath['engine'], label: string, ms: number, software = false): TimedPath => ({
		engine,
		label,
		software,
		timing: { msPerBatch: ms, batches: 5 }
	});

	it('picks the fastest of several paths and names every figure', () => {
		const choice = pickFastest([
			path('tfjs', 'TF.js webgpu', 3),
			path('dense-wasm', 'the fused WASM engine', 1.5),
			path('tfjs', 'TF.js wasm', 6)
		]);
		expect(choice.name).toBe('dense-wasm');
		expect(choice.label).toBe('the fused WASM engine');
		expect(choice.reason).toContain('TF.js webgpu 3.0 ms per batch (median of 5)');
		expect(choice.reason).toContain('TF.js wasm 6.0 ms per batch');
		expect(choice.reason).toContain('2.0× faster than TF.js webgpu');
	});

	it('never prefers a software GPU adapter over a real path, however fast its trial', () => {
		const choice = pickFastest([
			path('tfjs', 'TF.js webgpu', 0.2, true),
			path('dense-wasm', 'the fused WASM engine', 4)
		]);
		expect(choice.name).toBe('dense-wasm');
		expect(choice.reason).toContain('TF.js webgpu (software adapter) 0.20 ms');
		expect(choice.reason).toContain('software adapters are never preferred');
		// Only when nothing else was timed.
		expect(pickFastest([path('tfjs', 'TF.js webgl', 9, true)]).name).toBe('tfjs');
	});

	it('gives a tie to the first path listed (the reference), and refuses an empty list', () => {
		const choice = pickFastest([path('tfjs', 'TF.js wasm', 2), path('dense-wasm', 'engine', 2)]);
		expect(choice.name).toBe('tfjs');
		expect(() => pickFastest([])).toThrow(/at least one/);
	});

	it('passes the software flag through pickFaster', () => {
		const engine = pickFaster(
			{ msPerBatch: 5, batches: 3 },
			{ msPerBatch: 1, batches: 3 },
			'webgpu',
			'x',
			true
		);
		expect(engine.name).toBe('dense-wasm');
	});
});

describe('tinyRun', () => {
	it('counts about 6 operations per weight per row and epoch, and calls a run tiny under the limit', () => {
		// 4→10→3: 70 weights; × 6 × 100 rows × 10 epochs = 420,000 operations.
		const small = tinyRun([4, 10, 3], 100, 10, 1e6);
		expect(small.tiny).toBe(true);
		expect(small.reason).toContain('about 0.4 MFLOP (100 rows × 10 epochs)');
		expect(tinyRun([4, 10, 3], 100, 10, 4e5).tiny).toBe(false);
		// A million rows of 32→256→256→1 is no tiny run at the default limit.
		expect(tinyRun([32, 256, 256, 1], 1_000_000, 1).tiny).toBe(false);
	});
});

describe('chooseByTrial', () => {
	it(
		'times both paths on copies: weights and dropout streams are as before',
		{ timeout: 60_000 },
		async () => {
			const data = prepareSample('iris.csv', 'species', 'classification', []);
			const model = tf.sequential();
			const init = tf.initializers.glorotUniform({ seed: 1 });
			model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [4], kernelInitializer: init }));
			const dropout = new SeededDropout({ rate: 0.2, seed: 5 });
			model.add(dropout);
			model.add(tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: init }));
			const twin = new SeededDropout({ rate: 0.2, seed: 5 });
			const spec = denseSpecFor(model, 'classification', false);
			if (typeof spec === 'string') throw new Error(spec);
			const before = await Promise.all(model.getWeights().map((w) => w.data()));
			const x = tf.tensor2d(data.train.x, [data.train.n, data.train.featureCount]);
			const y = tf.tensor2d(data.train.y, [data.train.n, data.train.outputSize]);
			const tensors = tf.memory().numTensors;
			const engine = await chooseByTrial({
				model,
				task: 'classification',
				spec,
				train: data.train,
				device: { x, y, n: data.train.n },
				settings: parseTrainSettings({}),
				batchSize: 32,
				createOptimizer: () => tf.train.adam(0.01),
				disposeOptimizer: (optimizer) => optimizer.dispose(),
				tinyRunFlops: 0
			});
			expect(engine.reason).toMatch(
				/TF\.js cpu [\d.]+ ms per batch .* fused WASM engine \(simd128, one thread\) [\d.]+ ms per batch/
			);
			// On TF.js's cpu backend a fused call per batch wins by far.
			expect(engine.name).toBe('dense-wasm');
			const after = await Promise.all(model.getWeights().map((w) => w.data()));
			after.forEach((values, i) => expect(Array.from(values)).toEqual(Array.from(before[i]!)));
			expect(dropout.nextMaskSeed()).toBe(twin.nextMaskSeed());
			expect(tf.memory().numTensors).toBe(tensors);
			tf.dispose([x, y]);
			model.dispose();
		}
	);

	it('falls back to TF.js, saying why, when a trial fails, and still puts everything back', async () => {
		const data = prepareSample('iris.csv', 'species', 'classification', []);
		const model = tf.sequential();
		model.add(tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] }));
		const spec = denseSpecFor(model, 'classification', false);
		if (typeof spec === 'string') throw new Error(spec);
		const before = await Promise.all(model.getWeights().map((w) => w.data()));
		// Rows of 5 features for a network of 4: the TF.js trial's first step throws.
		const x = tf.zeros([data.train.n, 5]);
		const y = tf.tensor2d(data.train.y, [data.train.n, data.train.outputSize]);
		const tensors = tf.memory().numTensors;
		const engine = await chooseByTrial({
			model,
			task: 'classification',
			spec,
			train: data.train,
			device: { x: x as tf.Tensor2D, y, n: data.train.n },
			settings: parseTrainSettings({}),
			batchSize: 32,
			createOptimizer: () => tf.train.adam(0.01),
			disposeOptimizer: (optimizer) => optimizer.dispose(),
			tinyRunFlops: 0
		});
		expect(engine.name).toBe('tfjs');
		expect(engine.reason).toMatch(/^TF\.js: the fused engine's trial failed \(.+\)$/);
		const after = await Promise.all(model.getWeights().map((w) => w.data()));
		after.forEach((values, i) => expect(Array.from(values)).toEqual(Array.from(before[i]!)));
		expect(tf.memory().numTensors).toBe(tensors);
		tf.dispose([x, y]);
		model.dispose();
	});

	it('times nothing on a tiny run (iris, 100 epochs): the engine, with the run’s size in the reason', async () => {
		const data = prepareSample('iris.csv', 'species', 'classification', []);
		const model = tf.sequential();
		model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [4] }));
		model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
		const spec = denseSpecFor(model, 'classification', false);
		if (typeof spec === 'string') throw new Error(spec);
		let optimizers = 0;
		const [x, y] = [tf.zeros([1, 4]) as tf.Tensor2D, tf.zeros([1, 3]) as tf.Tensor2D];
		const engine = await chooseByTrial({
			model,
			task: 'classification',
			spec,
			train: data.train,
			device: { x, y, n: 1 },
			settings: parseTrainSettings({ epochs: 100 }),
			batchSize: 32,
			createOptimizer: () => (optimizers++, tf.train.adam(0.01)),
			disposeOptimizer: (optimizer) => optimizer.dispose()
		});
		expect(engine.name).toBe('dense-wasm');
		expect(engine.reason).toMatch(
			/^not timed: the whole run is about [\d.]+ MFLOP \(\d+ rows × 100 epochs\), under the 1,000 MFLOP below/
		);
		expect(optimizers).toBe(0);
		tf.dispose([x, y]);
		model.dispose();
	});
});
