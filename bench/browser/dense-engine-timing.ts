// The fused WASM dense engine's side of the training-throughput figures: the same seeded data, shuffles and
// Adam as the TF.js timing, on one thread or the threaded module. The helper threads come from `spawn`
// (dense-thread workers in the bench page, worker_threads in Node), so the page and Node share it.
import { createRandom } from '../../src/lib/core/random/seeded-random.ts';
import { DenseEngine, type DenseEngineBuild } from '../../src/lib/core/train/fused/dense-engine.ts';
import {
	ThreadedDenseEngine,
	type DenseThreadSpawner
} from '../../src/lib/core/train/fused/threaded-dense-engine.ts';
import { SEED, seededArrays, timeBatches } from './train-throughput-timing.ts';
import type { ModelThroughput, ThroughputPlan } from './train-throughput.types.ts';

/**
 * The fused WASM engine (wasm/dense/dense.c) on the same data, shuffles and Adam: each batch's rows are
 * gathered into the engine's input buffer, then one call trains it and returns its loss.
 */
async function denseEngine(
	hidden: number,
	plan: ThroughputPlan,
	build: DenseEngineBuild,
	spawn: DenseThreadSpawner
) {
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
				spawn,
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

export async function timeDenseEngine(
	hidden: number,
	plan: ThroughputPlan,
	build: DenseEngineBuild,
	spawn: DenseThreadSpawner
): Promise<ModelThroughput> {
	const data = { ...seededArrays(plan.rows, plan.features), featureCount: plan.features, outputSize: 1 };
	const engine = await denseEngine(hidden, plan, build, spawn);
	const random = createRandom(SEED + 7);
	const order = Int32Array.from({ length: plan.rows }, (_, i) => i);
	const batchesPerEpoch = Math.floor(plan.rows / plan.batchSize);
	let permutation = order;
	let batchInEpoch = batchesPerEpoch;
	let lastLoss = NaN;
	const runBatch = () => {
		if (batchInEpoch === batchesPerEpoch) {
			permutation = random.shuffle(order);
			batchInEpoch = 0;
		}
		engine.fillBatch(data, permutation, batchInEpoch * plan.batchSize, plan.batchSize);
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
export async function denseEpoch(
	hidden: number,
	rows: number,
	plan: ThroughputPlan,
	build: DenseEngineBuild,
	spawn: DenseThreadSpawner
) {
	const data = { ...seededArrays(rows, plan.features), featureCount: plan.features, outputSize: 1 };
	const engine = await denseEngine(hidden, plan, build, spawn);
	const started = performance.now();
	const order = createRandom(SEED + 7).shuffle(Int32Array.from({ length: rows }, (_, i) => i));
	let lastLoss = NaN;
	const batches = Math.ceil(rows / plan.batchSize);
	for (let b = 0; b < batches; b++) {
		const size = Math.min(plan.batchSize, rows - b * plan.batchSize);
		engine.fillBatch(data, order, b * plan.batchSize, size);
		lastLoss = engine.trainBuffered(size);
	}
	const seconds = (performance.now() - started) / 1000;
	if (engine instanceof ThreadedDenseEngine) engine.dispose();
	if (!Number.isFinite(lastLoss)) throw new Error(`the loss went to ${lastLoss}`);
	return { hidden, rows, batches, seconds, lastLoss };
}
