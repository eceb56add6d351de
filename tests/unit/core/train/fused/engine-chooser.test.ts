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
import { makeTrainStep } from '../../../../../src/lib/core/train/train-step.ts';
import { denseSpecFor } from '../../../../../src/lib/core/train/fused/dense-stepper.ts';
import { SeededDropout } from '../../../../../src/lib/core/models/seeded-dropout.ts';
import { parseTrainSettings } from '../../../../../src/lib/core/train/settings.ts';
import { prepareSample } from '../prepare-sample.ts';
import { registerCpuAsWebgl, setKernelDelay } from './cpu-as-webgl.ts';

beforeAll(async () => {
	registerCpuAsWebgl();
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

/** Counts TF.js moving a tensor's data to another backend: a synchronous read of its source (on WebGPU, the
 * read that must never happen). */
function countMoves(): { count: () => number; restore: () => void } {
	const engine = tf.engine() as unknown as { moveData: (...args: unknown[]) => void };
	const original = engine.moveData;
	let moves = 0;
	engine.moveData = function (...args: unknown[]) {
		moves++;
		return original.apply(this, args);
	};
	return { count: () => moves, restore: () => void (engine.moveData = original) };
}

function backendOf(tensor: tf.Tensor): unknown {
	const state = (tf.engine() as unknown as { state: { tensorInfo: WeakMap<object, { backend: unknown }> } })
		.state;
	return state.tensorInfo.get(tensor.dataId)!.backend;
}

function irisModel(hidden: number, dropout?: SeededDropout): tf.Sequential {
	const model = tf.sequential();
	const init = tf.initializers.glorotUniform({ seed: 1 });
	model.add(tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [4], kernelInitializer: init }));
	if (dropout) model.add(dropout);
	model.add(tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: init }));
	return model;
}

const common = {
	task: 'classification' as const,
	settings: parseTrainSettings({}),
	batchSize: 32,
	createOptimizer: () => tf.train.adam(0.01),
	disposeOptimizer: (optimizer: tf.Optimizer) => optimizer.dispose(),
	tinyRunFlops: 0
};

describe('chooseByTrial', () => {
	it('counts a tensor made on one backend and used on another (the check below can fail)', async () => {
		const moves = countMoves();
		try {
			await tf.setBackend('webgl');
			const a = tf.tensor1d([1, 2]);
			await tf.setBackend('cpu');
			const b = tf.add(a, 1);
			expect(Array.from(await b.data())).toEqual([2, 3]);
			expect(moves.count()).toBe(1);
			tf.dispose([a, b]);
		} finally {
			moves.restore();
		}
	});

	it(
		'times the engine and TF.js on each planned backend, on copies: the run’s weights, streams, tensors and backend are as before',
		{ timeout: 60_000 },
		async () => {
			await tf.setBackend('cpu');
			const data = prepareSample('iris.csv', 'species', 'classification', []);
			const dropout = new SeededDropout({ rate: 0.2, seed: 5 });
			const twin = new SeededDropout({ rate: 0.2, seed: 5 });
			const model = irisModel(16, dropout);
			const spec = denseSpecFor(model, 'classification', false);
			if (typeof spec === 'string') throw new Error(spec);
			const before = await Promise.all(model.getWeights().map((w) => w.data()));
			const tensors = tf.memory().numTensors;
			const moves = countMoves();
			try {
				const engine = await chooseByTrial({
					...common,
					model,
					spec,
					train: data.train,
					backends: [
						{ name: 'webgpu', available: true, software: true, adapter: 'google swiftshader' },
						{ name: 'webgl', available: true },
						{ name: 'wasm', available: false, reason: 'no WebAssembly here' },
						{ name: 'cpu', available: true }
					]
				});
				expect(engine.reason).toMatch(
					/^measured on this run's batches: TF\.js cpu [\d.]+ ms per batch .* fused WASM engine \(simd128, one thread\) [\d.]+ ms per batch .* TF\.js webgl [\d.]+ ms per batch/
				);
				expect(engine.paths!.map((p) => [p.path, p.skipped === undefined])).toEqual([
					['cpu', true],
					['dense-wasm', true],
					['webgl', true],
					['webgpu', false],
					['wasm', false]
				]);
				for (const p of engine.paths!.slice(0, 3)) expect(p.msPerBatch).toBeGreaterThan(0);
				expect(engine.paths![3]!.skipped).toMatch(/^a software adapter \(google swiftshader\)/);
				expect(engine.paths![4]!.skipped).toBe('unavailable (no WebAssembly here)');
				// On TF.js's CPU kernels a fused call per batch wins by far; the model stays where it was.
				expect(engine).toMatchObject({ name: 'dense-wasm', backend: 'cpu' });
				expect(tf.getBackend()).toBe('cpu');
				expect(moves.count()).toBe(0);
				const after = await Promise.all(model.getWeights().map((w) => w.data()));
				after.forEach((values, i) => expect(Array.from(values)).toEqual(Array.from(before[i]!)));
				expect(dropout.nextMaskSeed()).toBe(twin.nextMaskSeed());
				expect(tf.memory().numTensors).toBe(tensors);
			} finally {
				moves.restore();
				model.dispose();
			}
		}
	);

	it(
		'moves the model to the backend whose TF.js was fastest, with the same initial weights and no data moved between backends',
		{ timeout: 60_000 },
		async () => {
			await tf.setBackend('webgl');
			setKernelDelay(1);
			const data = prepareSample('iris.csv', 'species', 'classification', []);
			const model = irisModel(8);
			// A spec for another width: the engine's trial fails, so TF.js on one backend or the other wins.
			const other = irisModel(16);
			const spec = denseSpecFor(other, 'classification', false);
			other.dispose();
			if (typeof spec === 'string') throw new Error(spec);
			const before = await Promise.all(model.getWeights().map((w) => w.data()));
			const tensors = tf.memory().numTensors;
			const moves = countMoves();
			try {
				const engine = await chooseByTrial({
					...common,
					model,
					spec,
					train: data.train,
					backends: [
						{ name: 'webgl', available: true },
						{ name: 'cpu', available: true }
					]
				});
				expect(engine.paths!.map((p) => [p.path, p.skipped?.slice(0, 17)])).toEqual([
					['webgl', undefined],
					['cpu', undefined],
					['dense-wasm', 'its trial failed ']
				]);
				// Every kernel on 'webgl' waits 1 ms: TF.js cpu wins, and the model now lives on cpu.
				expect(engine).toMatchObject({ name: 'tfjs', backend: 'cpu' });
				expect(engine.reason).toMatch(/; the model moves from webgl to cpu$/);
				expect(tf.getBackend()).toBe('cpu');
				const cpu = tf.findBackend('cpu');
				for (const weight of model.getWeights()) expect(backendOf(weight)).toBe(cpu);
				const after = await Promise.all(model.getWeights().map((w) => w.data()));
				after.forEach((values, i) => expect(Array.from(values)).toEqual(Array.from(before[i]!)));
				expect(tf.memory().numTensors).toBe(tensors);
				// The moved model trains on cpu with nothing left on the first backend to fetch.
				const optimizer = tf.train.adam(0.01);
				const x = tf.tensor2d(data.train.x, [data.train.n, 4]);
				const y = tf.tensor2d(data.train.y, [data.train.n, 3]);
				const order = tf.tensor1d(
					Int32Array.from({ length: data.train.n }, (_, i) => i),
					'int32'
				);
				const step = makeTrainStep({
					model,
					task: 'classification',
					optimizer,
					data: { x, y, n: data.train.n }
				});
				const sums = step(order, 0, 32);
				expect(Number.isFinite((await sums.data())[0])).toBe(true);
				tf.dispose([sums, x, y, order]);
				optimizer.dispose();
				expect(moves.count()).toBe(0);
			} finally {
				moves.restore();
				setKernelDelay(0);
				model.dispose();
				await tf.setBackend('cpu');
			}
		}
	);

	it('leaves no tensor behind when a TF.js trial fails while making its rows (the copy and the rows made so far)', async () => {
		await tf.setBackend('cpu');
		const data = prepareSample('iris.csv', 'species', 'classification', []);
		const model = irisModel(16);
		const spec = denseSpecFor(model, 'classification', false);
		if (typeof spec === 'string') throw new Error(spec);
		// Targets for 5 rows, not 32: the trial's copy of the model and its feature rows exist when the
		// target tensor cannot be made.
		const train = { ...data.train, y: data.train.y.subarray(0, 5) };
		const tensors = tf.memory().numTensors;
		const engine = await chooseByTrial({ ...common, model, spec, train });
		const cpu = engine.paths!.find((p) => p.path === 'cpu')!;
		expect(cpu.skipped).toMatch(/^its trial failed \(/);
		expect(tf.memory().numTensors).toBe(tensors);
		model.dispose();
	});

	it('times nothing on a tiny run (iris, 100 epochs): the engine, with the run’s size in the reason', async () => {
		const data = prepareSample('iris.csv', 'species', 'classification', []);
		const model = irisModel(16);
		const spec = denseSpecFor(model, 'classification', false);
		if (typeof spec === 'string') throw new Error(spec);
		let optimizers = 0;
		const engine = await chooseByTrial({
			...common,
			model,
			spec,
			train: data.train,
			settings: parseTrainSettings({ epochs: 100 }),
			createOptimizer: () => (optimizers++, tf.train.adam(0.01)),
			tinyRunFlops: undefined
		});
		expect(engine.name).toBe('dense-wasm');
		expect(engine.reason).toMatch(
			/^not timed: the whole run is about [\d.]+ MFLOP \(\d+ rows × 100 epochs\), under the 1,000 MFLOP below/
		);
		expect(engine.paths).toBeUndefined();
		expect(optimizers).toBe(0);
		model.dispose();
	});
});
