// Runs in a module worker, as the studio trains: times the studio's own training step (makeTrainStep:
// gather the batch, forward, MSE, Adam, the batch's sums read with `await data()`) on each TF.js backend.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName } from '../../src/lib/core/backends/backend-names.ts';
import { probeBackend, type TfLike } from '../../src/lib/core/backends/probe-backends.ts';
import { createRandom } from '../../src/lib/core/random/seeded-random.ts';
import {
	DenseEngine,
	preferredDenseBuild,
	type DenseEngineBuild
} from '../../src/lib/core/train/fused/dense-engine.ts';
import { ThreadedDenseEngine } from '../../src/lib/core/train/fused/threaded-dense-engine.ts';
import { makeTrainStep } from '../../src/lib/core/train/train-step.ts';
import { spawnDenseThread } from '../../workers/dense-thread-pool.ts';
import type {
	BackendThroughput,
	ModelThroughput,
	ThroughputPlan,
	WorkerReply
} from './train-throughput.types.ts';

// The same .wasm files the studio ships, served by the bench's own server.
setWasmPaths({
	'tfjs-backend-wasm.wasm': wasmPlain,
	'tfjs-backend-wasm-simd.wasm': wasmSimd,
	'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd
});

const SEED = 42;

function seededData(rows: number, features: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
	const { x, y } = seededArrays(rows, features);
	return { x: tf.tensor2d(x, [rows, features]), y: tf.tensor2d(y, [rows, 1]) };
}

function seededArrays(rows: number, features: number): { x: Float32Array; y: Float32Array } {
	const random = createRandom(SEED);
	const x = new Float32Array(rows * features);
	const y = new Float32Array(rows);
	for (let r = 0; r < rows; r++) {
		let target = 0;
		for (let f = 0; f < features; f++) {
			const value = random.normal();
			x[r * features + f] = value;
			// A smooth non-linear target, so the loss moves like a real regression's.
			target += Math.sin(value * (f + 1)) / features;
		}
		y[r] = target + random.normal(0, 0.1);
	}
	return { x, y };
}

function buildMlp(inputs: number, hidden: number): tf.LayersModel {
	const model = tf.sequential();
	const init = (offset: number) => tf.initializers.glorotUniform({ seed: SEED + offset });
	model.add(
		tf.layers.dense({ inputShape: [inputs], units: hidden, activation: 'relu', kernelInitializer: init(1) })
	);
	model.add(tf.layers.dense({ units: hidden, activation: 'relu', kernelInitializer: init(2) }));
	model.add(tf.layers.dense({ units: 1, kernelInitializer: init(3) }));
	return model;
}

async function timeModel(hidden: number, plan: ThroughputPlan): Promise<ModelThroughput> {
	const { x, y } = seededData(plan.rows, plan.features);
	const model = buildMlp(plan.features, hidden);
	const optimizer = tf.train.adam(1e-3);
	const step = makeTrainStep({ model, task: 'regression', optimizer, data: { x, y, n: plan.rows } });
	const random = createRandom(SEED + 7);
	const order = Int32Array.from({ length: plan.rows }, (_, i) => i);
	const batchesPerEpoch = Math.floor(plan.rows / plan.batchSize);
	let permutation: tf.Tensor1D | undefined;
	let batchInEpoch = batchesPerEpoch;
	let lastLoss = NaN;
	// Like the studio's loop: a fresh seeded shuffle each epoch, every batch's sums read before the next.
	const runBatch = async (): Promise<void> => {
		if (batchInEpoch === batchesPerEpoch) {
			permutation?.dispose();
			permutation = tf.tensor1d(random.shuffle(order), 'int32');
			batchInEpoch = 0;
		}
		const sums = step(permutation!, batchInEpoch * plan.batchSize, plan.batchSize);
		batchInEpoch++;
		try {
			lastLoss = (await sums.data())[0]!;
		} finally {
			sums.dispose();
		}
	};
	try {
		return { hidden, ...(await timeBatches(plan, batchesPerEpoch, runBatch, () => lastLoss)) };
	} finally {
		permutation?.dispose();
		optimizer.dispose();
		model.dispose();
		x.dispose();
		y.dispose();
	}
}

/** Warm-up, then timed rounds of `runBatch`, as the plan says; the figures of one model. */
async function timeBatches(
	plan: ThroughputPlan,
	batchesPerEpoch: number,
	runBatch: () => Promise<void> | void,
	lastLoss: () => number
): Promise<Omit<ModelThroughput, 'hidden'>> {
	// Warm-up: shader compilation and the first allocations; one epoch, cut short on a slow backend.
	let started = performance.now();
	let firstLoss = NaN;
	let warmupBatches = 0;
	while (
		warmupBatches < batchesPerEpoch &&
		(warmupBatches < plan.minBatches / 2 || performance.now() - started < plan.warmupMs)
	) {
		await runBatch();
		if (warmupBatches === 0) firstLoss = lastLoss();
		warmupBatches++;
	}
	started = performance.now();
	let batches = 0;
	let elapsed = 0;
	let best = 0;
	let rounds = 0;
	let roundStart = started;
	let roundBatches = 0;
	while (batches < 2 || (elapsed < plan.maxMs && (elapsed < plan.minMs || batches < plan.minBatches))) {
		await runBatch();
		batches++;
		roundBatches++;
		const now = performance.now();
		elapsed = now - started;
		if (now - roundStart >= plan.roundMs) {
			best = Math.max(best, (roundBatches * plan.batchSize) / ((now - roundStart) / 1000));
			rounds++;
			roundStart = now;
			roundBatches = 0;
		}
	}
	if (!Number.isFinite(lastLoss())) throw new Error(`the loss went to ${lastLoss()}`);
	const mean = (batches * plan.batchSize) / (elapsed / 1000);
	return {
		// The whole timed stretch is a window too (and the only one when it is shorter than a round).
		samplesPerSecond: Math.max(best, mean),
		meanSamplesPerSecond: mean,
		rounds,
		batches,
		ms: elapsed,
		warmupBatches,
		firstLoss,
		lastLoss: lastLoss()
	};
}

/**
 * The fused WASM engine (wasm/dense/dense.c) on the same data, shuffles and Adam: each batch's rows are
 * gathered into the engine's input buffer, then one call trains it and returns its loss.
 */
async function denseEngine(hidden: number, plan: ThroughputPlan, build: DenseEngineBuild) {
	const sizes = [plan.features, hidden, hidden, 1];
	const spec = { sizes, activations: ['relu', 'relu', 'linear'], loss: 'mse' } as const;
	const optimizer = { kind: 'adam', rate: 1e-3 } as const;
	// On an isolated page with plan.denseThreads: the threaded module, its helpers in dense-thread workers.
	const engine = plan.denseThreads
		? await ThreadedDenseEngine.createThreaded(
				{ ...spec, activations: [...spec.activations] },
				optimizer,
				plan.batchSize,
				plan.denseThreads,
				spawnDenseThread,
				build
			)
		: await DenseEngine.create(
				{ ...spec, activations: [...spec.activations] },
				optimizer,
				plan.batchSize,
				build
			);
	const init = createRandom(SEED + 1);
	engine.setWeights(
		sizes.slice(1).map((out, l) => {
			const limit = Math.sqrt(6 / (sizes[l]! + out));
			return {
				kernel: Float32Array.from({ length: sizes[l]! * out }, () => init.uniform(-limit, limit)),
				bias: new Float32Array(out)
			};
		})
	);
	return engine;
}

async function timeDenseEngine(
	hidden: number,
	plan: ThroughputPlan,
	build: DenseEngineBuild
): Promise<ModelThroughput> {
	const { x, y } = seededArrays(plan.rows, plan.features);
	const engine = await denseEngine(hidden, plan, build);
	const random = createRandom(SEED + 7);
	const order = Int32Array.from({ length: plan.rows }, (_, i) => i);
	const batchesPerEpoch = Math.floor(plan.rows / plan.batchSize);
	let permutation = order;
	let batchInEpoch = batchesPerEpoch;
	let lastLoss = NaN;
	const f = plan.features;
	const runBatch = () => {
		if (batchInEpoch === batchesPerEpoch) {
			permutation = random.shuffle(order);
			batchInEpoch = 0;
		}
		const input = engine.inputBuffer(plan.batchSize);
		const target = engine.targetBuffer(plan.batchSize);
		for (let i = 0; i < plan.batchSize; i++) {
			const row = permutation[batchInEpoch * plan.batchSize + i]!;
			input.set(x.subarray(row * f, row * f + f), i * f);
			target[i] = y[row]!;
		}
		lastLoss = engine.trainBuffered(plan.batchSize);
		batchInEpoch++;
	};
	const timed = await timeBatches(plan, batchesPerEpoch, runBatch, () => lastLoss);
	if (engine instanceof ThreadedDenseEngine) engine.dispose();
	return { hidden, ...timed };
}

/**
 * One epoch over `rows` seeded rows at the plan's batch size on the engine, as the studio's loop runs it:
 * a seeded shuffle, each batch gathered into the engine's buffers, one call, the loss read. The table is
 * made first and not timed.
 */
async function denseEpoch(hidden: number, rows: number, plan: ThroughputPlan, build: DenseEngineBuild) {
	const { x, y } = seededArrays(rows, plan.features);
	const engine = await denseEngine(hidden, plan, build);
	const f = plan.features;
	const started = performance.now();
	const order = createRandom(SEED + 7).shuffle(Int32Array.from({ length: rows }, (_, i) => i));
	let lastLoss = NaN;
	const batches = Math.ceil(rows / plan.batchSize);
	for (let b = 0; b < batches; b++) {
		const size = Math.min(plan.batchSize, rows - b * plan.batchSize);
		const input = engine.inputBuffer(size);
		const target = engine.targetBuffer(size);
		for (let i = 0; i < size; i++) {
			const row = order[b * plan.batchSize + i]!;
			input.set(x.subarray(row * f, row * f + f), i * f);
			target[i] = y[row]!;
		}
		lastLoss = engine.trainBuffered(size);
	}
	const seconds = (performance.now() - started) / 1000;
	if (engine instanceof ThreadedDenseEngine) engine.dispose();
	if (!Number.isFinite(lastLoss)) throw new Error(`the loss went to ${lastLoss}`);
	return { hidden, rows, batches, seconds, lastLoss };
}

async function timeBackend(name: BackendName, plan: ThroughputPlan): Promise<BackendThroughput> {
	const report = await probeBackend(tf as unknown as TfLike, name);
	const base: BackendThroughput = {
		name,
		available: report.available,
		software: report.software,
		adapter: report.adapter,
		reason: report.reason,
		models: []
	};
	if (!report.available) return base;
	if (report.software && plan.skipSoftware) {
		return { ...base, skipped: 'software adapter, skipped with --quick' };
	}
	if (name === 'wasm') {
		base.wasm = {
			simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
			multithread: Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
			threads: getThreadsCount(),
			threadsRequested: plan.wasmThreads ?? null,
			hardwareConcurrency: navigator.hardwareConcurrency,
			crossOriginIsolated: globalThis.crossOriginIsolated === true
		};
	}
	const timed = report.software
		? { ...plan, warmupMs: Math.min(plan.warmupMs, plan.softwareMaxMs), maxMs: plan.softwareMaxMs }
		: plan;
	for (const hidden of plan.hidden) base.models.push(await timeModel(hidden, timed));
	const leaked = tf.memory().numTensors;
	if (leaked > 0) base.reason = `${leaked} tensors left after the run`;
	return base;
}

self.onmessage = async (event: MessageEvent<ThroughputPlan>) => {
	const plan = event.data;
	// Before the WASM backend starts: its default on a small machine is one thread even when isolated.
	if (plan.wasmThreads && globalThis.crossOriginIsolated) setThreadsCount(plan.wasmThreads);
	const results: BackendThroughput[] = [];
	try {
		for (const name of plan.backends) {
			try {
				results.push(await timeBackend(name, plan));
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				results.push({ name, available: false, reason: `failed while training: ${message}`, models: [] });
			}
		}
		if (plan.denseEngine) {
			// The build the studio picks here first (relaxed SIMD where the browser has it), then plain SIMD128.
			// Threaded (an isolated page's pass): the preferred build only.
			const builds = plan.denseThreads
				? [preferredDenseBuild()]
				: [...new Set([preferredDenseBuild(), 'simd128' as const])];
			for (const build of builds) {
				const models: ModelThroughput[] = [];
				for (const hidden of plan.hidden) models.push(await timeDenseEngine(hidden, plan, build));
				const epochs = [];
				if (plan.epochRows && build === builds[0])
					for (const hidden of plan.hidden)
						epochs.push(await denseEpoch(hidden, plan.epochRows, plan, build));
				const threads = plan.denseThreads ?? 1;
				results.push({ name: 'dense-engine', build, threads, available: true, models, epochs });
			}
		}
		self.postMessage({ ok: true, results } satisfies WorkerReply);
	} catch (error) {
		self.postMessage({ ok: false, error: String(error) } satisfies WorkerReply);
	}
};
