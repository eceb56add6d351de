// The TF.js side of the training-throughput figures, with no page around it: seeded data, the MLPs and the
// timed loop of the studio's own training step (makeTrainStep). The bench page's worker runs it on each
// backend in Chromium; bench/webgpu-dawn runs it in Node on Dawn's WebGPU (a real GPU on the device machine).
import * as tf from '@tensorflow/tfjs';
import { createRandom } from '../../src/lib/core/random/seeded-random.ts';
import type { DeviceArrays } from '../../src/lib/core/train/epoch-metrics.ts';
import { makeTrainStep } from '../../src/lib/core/train/train-step.ts';
import type { ModelThroughput, ThroughputPlan } from './train-throughput.types.ts';

export const SEED = 42;

export function seededData(rows: number, features: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
	const { x, y } = seededArrays(rows, features);
	return { x: tf.tensor2d(x, [rows, features]), y: tf.tensor2d(y, [rows, 1]) };
}

export function seededArrays(rows: number, features: number): { x: Float32Array; y: Float32Array } {
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

export function buildMlp(inputs: number, hidden: number): tf.LayersModel {
	const model = tf.sequential();
	const init = (offset: number) => tf.initializers.glorotUniform({ seed: SEED + offset });
	model.add(
		tf.layers.dense({ inputShape: [inputs], units: hidden, activation: 'relu', kernelInitializer: init(1) })
	);
	model.add(tf.layers.dense({ units: hidden, activation: 'relu', kernelInitializer: init(2) }));
	model.add(tf.layers.dense({ units: 1, kernelInitializer: init(3) }));
	return model;
}

/** The studio's loop over rows already on the device: a fresh seeded shuffle each epoch, every batch's sums
 * read (`await data()`) before the next, as the train worker does. */
export function studioBatches(
	model: tf.LayersModel,
	task: 'regression' | 'classification',
	data: DeviceArrays,
	batchSize: number
) {
	const optimizer = tf.train.adam(1e-3);
	const step = makeTrainStep({ model, task, optimizer, data });
	const random = createRandom(SEED + 7);
	const order = Int32Array.from({ length: data.n }, (_, i) => i);
	const batchesPerEpoch = Math.floor(data.n / batchSize);
	let permutation: tf.Tensor1D | undefined;
	let batchInEpoch = batchesPerEpoch;
	let lastLoss = NaN;
	return {
		batchesPerEpoch,
		lastLoss: () => lastLoss,
		runBatch: async (): Promise<void> => {
			if (batchInEpoch === batchesPerEpoch) {
				permutation?.dispose();
				permutation = tf.tensor1d(random.shuffle(order), 'int32');
				batchInEpoch = 0;
			}
			const sums = step(permutation!, batchInEpoch * batchSize, batchSize);
			batchInEpoch++;
			try {
				lastLoss = (await sums.data())[0]!;
			} finally {
				sums.dispose();
			}
		},
		dispose: () => {
			permutation?.dispose();
			optimizer.dispose();
		}
	};
}

export async function timeModel(hidden: number, plan: ThroughputPlan): Promise<ModelThroughput> {
	const { x, y } = seededData(plan.rows, plan.features);
	const model = buildMlp(plan.features, hidden);
	const loop = studioBatches(model, 'regression', { x, y, n: plan.rows }, plan.batchSize);
	try {
		return { hidden, ...(await timeBatches(plan, loop.batchesPerEpoch, loop.runBatch, loop.lastLoss)) };
	} finally {
		loop.dispose();
		model.dispose();
		x.dispose();
		y.dispose();
	}
}

/** Warm-up, then timed rounds of `runBatch`, as the plan says; the figures of one model. */
export async function timeBatches(
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
