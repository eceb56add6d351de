// Training throughput on a real GPU, where no browser can run: the studio's training step (makeTrainStep,
// as the train worker runs it) on TF.js's WebGPU backend over Dawn, Chrome's own WebGPU implementation,
// in Node. Beside it, on the same machine's CPU, the fused WASM dense engine the studio trains MLPs with on
// WASM, on one thread and on the threaded module. What it answers: on a real GPU, which of the two should
// the studio train a dense network on, by width and batch size? And how fast does WebGPU train a CNN?
//
// Built into one file by bench/webgpu-dawn/pack.sh and run on the device machine; here it runs on
// SwiftShader (a software adapter: it shows the script works, not what a GPU does). Prints JSON; writes it
// to the file named by --out too.
import './dawn-navigator.ts';
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { probeBackend, type TfLike } from '../../src/lib/core/backends/probe-backends.ts';
import { cnnDefaultLayers } from '../../src/lib/core/models/cnn/index.ts';
import { buildNetwork } from '../../src/lib/core/models/build-network.ts';
import { createRandom } from '../../src/lib/core/random/seeded-random.ts';
import { preferredDenseBuild } from '../../src/lib/core/train/fused/dense-engine.ts';
import { MAX_DENSE_THREADS } from '../../src/lib/core/train/fused/thread-plan.ts';
import { spawnNodeDenseThread } from '../../src/cli/dense-threads.ts';
import { denseEpoch, timeDenseEngine } from '../browser/dense-engine-timing.ts';
import {
	buildMlp,
	seededData,
	studioBatches,
	timeBatches,
	timeModel
} from '../browser/train-throughput-timing.ts';
import type { ThroughputPlan } from '../browser/train-throughput.types.ts';

const quick = process.argv.includes('--quick');
const outIndex = process.argv.indexOf('--out');
const outFile = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
/** --only latency,mlp,epochs,cnn: the parts to run (all by default), to finish a run a device's time limit cut. */
const onlyIndex = process.argv.indexOf('--only');
const parts = new Set((onlyIndex > 0 ? process.argv[onlyIndex + 1]! : 'latency,mlp,epochs,cnn').split(','));

const FEATURES = 32;
/** The studio's default batch (32), the bench's (256), and a large one where a GPU has room to work. */
const BATCHES = quick ? [256] : [32, 256, 4096];
const HIDDEN = quick ? [64] : [64, 256, 1024];
const EPOCH_ROWS = quick ? 20_000 : 1_000_000;
const TIMING = quick
	? { warmupMs: 300, minMs: 500, roundMs: 250, minBatches: 4, maxMs: 1500 }
	: { warmupMs: 1500, minMs: 2500, roundMs: 500, minBatches: 20, maxMs: 5000 };

function plan(batchSize: number): ThroughputPlan {
	// At least eight batches an epoch, so a large batch still shuffles as the studio does.
	const rows = Math.max(8192, 8 * batchSize);
	return {
		backends: [],
		hidden: HIDDEN,
		features: FEATURES,
		rows,
		batchSize,
		...TIMING,
		// No software cap: a software adapter here is a trial of the script, not a figure.
		softwareMaxMs: TIMING.maxMs,
		skipSoftware: false
	};
}

const round = (value: number) => Math.round(value);

async function denseNetworks(threads: number) {
	const build = preferredDenseBuild();
	const rows = [];
	for (const batchSize of BATCHES) {
		const batchPlan = plan(batchSize);
		for (const hidden of HIDDEN) {
			const started = performance.now();
			const webgpu = await timeModel(hidden, batchPlan);
			const engine = await timeDenseEngine(hidden, batchPlan, build, spawnNodeDenseThread);
			const threaded =
				threads > 1
					? await timeDenseEngine(
							hidden,
							{ ...batchPlan, denseThreads: threads },
							build,
							spawnNodeDenseThread
						)
					: undefined;
			const row = {
				batchSize,
				hidden,
				webgpu: round(webgpu.samplesPerSecond),
				denseEngine1: round(engine.samplesPerSecond),
				...(threaded && { [`denseEngine${threads}`]: round(threaded.samplesPerSecond) }),
				webgpuLoss: [webgpu.firstLoss, webgpu.lastLoss],
				ms: round(performance.now() - started)
			};
			console.error(JSON.stringify(row));
			rows.push(row);
		}
	}
	return rows;
}

/**
 * What one round trip to the GPU costs, apart from any training: a 16-byte write, copy and mapAsync on the
 * bare device, and one small TF.js op read back with `await data()` (10,000 values: past TF.js's CPU
 * forwarding of tiny tensors). On the H200 every training step took 16–21 ms whatever its size; this
 * tells whether that floor is the round trip (Dawn in Node's event polling) or the step's kernels.
 */
async function roundTrips() {
	const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
	const adapter = await navigator.gpu.requestAdapter();
	const device = await adapter!.requestDevice();
	const source = device.createBuffer({ size: 16, usage: GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
	const target = device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
	const raw: number[] = [];
	for (let i = 0; i < 60; i++) {
		const started = performance.now();
		device.queue.writeBuffer(source, 0, new Float32Array([i, 1, 2, 3]));
		const encoder = device.createCommandEncoder();
		encoder.copyBufferToBuffer(source, 0, target, 0, 16);
		device.queue.submit([encoder.finish()]);
		await target.mapAsync(GPUMapMode.READ);
		target.unmap();
		if (i >= 10) raw.push(performance.now() - started);
	}
	device.destroy();
	const ones = tf.ones([10_000]);
	const op: number[] = [];
	for (let i = 0; i < 60; i++) {
		const started = performance.now();
		const sum = tf.tidy(() => tf.sum(tf.add(ones, i)));
		await sum.data();
		sum.dispose();
		if (i >= 10) op.push(performance.now() - started);
	}
	ones.dispose();
	const row = { rawSubmitMapMs: median(raw), tfOpReadMs: median(op) };
	console.error(JSON.stringify(row));
	return row;
}

/** One shuffled epoch over EPOCH_ROWS rows × 32 on WebGPU, after a short warm-up on the same table. */
async function webgpuEpoch(hidden: number, batchSize: number) {
	const { x, y } = seededData(EPOCH_ROWS, FEATURES);
	const model = buildMlp(FEATURES, hidden);
	const loop = studioBatches(model, 'regression', { x, y, n: EPOCH_ROWS }, batchSize);
	try {
		for (let i = 0; i < 10; i++) await loop.runBatch();
		const started = performance.now();
		for (let i = 0; i < loop.batchesPerEpoch; i++) await loop.runBatch();
		const seconds = (performance.now() - started) / 1000;
		return {
			hidden,
			rows: EPOCH_ROWS,
			batchSize,
			batches: loop.batchesPerEpoch,
			seconds,
			lastLoss: loop.lastLoss()
		};
	} finally {
		loop.dispose();
		model.dispose();
		x.dispose();
		y.dispose();
	}
}

async function epochs(threads: number) {
	const build = preferredDenseBuild();
	const rows = [];
	for (const hidden of quick ? [64] : [64, 256]) {
		const before = rows.length;
		for (const batchSize of [256, 4096])
			rows.push({ engine: 'webgpu', ...(await webgpuEpoch(hidden, batchSize)) });
		rows.push({
			engine: 'dense-engine-1',
			batchSize: 256,
			...(await denseEpoch(hidden, EPOCH_ROWS, plan(256), build, spawnNodeDenseThread))
		});
		if (threads > 1) {
			const threadedPlan = { ...plan(256), denseThreads: threads };
			rows.push({
				engine: `dense-engine-${threads}`,
				batchSize: 256,
				...(await denseEpoch(hidden, EPOCH_ROWS, threadedPlan, build, spawnNodeDenseThread))
			});
		}
		for (const row of rows.slice(before)) console.error(JSON.stringify(row));
	}
	return rows;
}

/** The studio's default CNN for a picture of `side` × `side` (digits: 8; MNIST-sized: 28), 10 classes,
 * on seeded noise pictures with seeded labels: the speed of a step does not depend on what it learns. */
async function cnnThroughput(side: number, batchSize: number, backend: string) {
	await tf.setBackend(backend);
	const inputSize = side * side;
	const rows = Math.max(2048, 8 * batchSize);
	const random = createRandom(7);
	const pixels = Float32Array.from({ length: rows * inputSize }, () => random.uniform(0, 1));
	const labels = Int32Array.from({ length: rows }, () => Math.floor(random.uniform(0, 10)));
	const x = tf.tensor2d(pixels, [rows, inputSize]);
	const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat());
	const spec = {
		family: 'cnn' as const,
		task: 'classification' as const,
		inputShape: [side, side, 1] as [number, number, number],
		layers: cnnDefaultLayers([side, side, 1])
	};
	const model = buildNetwork(spec, { inputSize, outputSize: 10 }, 42);
	const loop = studioBatches(model, 'classification', { x, y, n: rows }, batchSize);
	const timing =
		backend === 'cpu' ? { ...TIMING, warmupMs: 300, minMs: 500, maxMs: 1500, minBatches: 4 } : TIMING;
	try {
		const timed = await timeBatches(
			{ ...plan(batchSize), ...timing },
			loop.batchesPerEpoch,
			loop.runBatch,
			loop.lastLoss
		);
		const row = {
			side,
			batchSize,
			backend,
			samplesPerSecond: round(timed.samplesPerSecond),
			loss: [timed.firstLoss, timed.lastLoss]
		};
		console.error(JSON.stringify(row));
		return row;
	} finally {
		loop.dispose();
		model.dispose();
		x.dispose();
		y.dispose();
	}
}

const report = await probeBackend(tf as unknown as TfLike, 'webgpu');
if (!report.available || report.tinyOp?.ok === false) {
	throw new Error(
		`WebGPU did not start on Dawn: ${report.reason ?? report.tinyOp?.error ?? 'no reason given'}`
	);
}
const threads = Math.min(availableParallelism(), MAX_DENSE_THREADS);
console.error(
	`adapter: ${report.adapter} (software: ${report.software === true}); dense threads: ${threads}`
);
const started = Date.now();
const result = {
	what: 'bench/webgpu-dawn/train-on-dawn.ts: the studio training step on TF.js WebGPU over Dawn (Node), beside the fused WASM dense engine on the same CPU',
	date: new Date().toISOString(),
	adapter: report.adapter,
	software: report.software === true,
	cpu: cpus()[0]?.model,
	cores: availableParallelism(),
	node: process.version,
	quick,
	timing: TIMING,
	shape: { features: FEATURES, batches: BATCHES, hidden: HIDDEN, epochRows: EPOCH_ROWS },
	latency: parts.has('latency') ? await roundTrips() : null,
	mlp: parts.has('mlp') ? await denseNetworks(threads) : [],
	epochs: parts.has('epochs') ? await epochs(threads) : [],
	cnn: [] as Awaited<ReturnType<typeof cnnThroughput>>[],
	seconds: 0
};
if (parts.has('cnn')) {
	for (const side of quick ? [8] : [8, 28])
		for (const batchSize of quick ? [256] : [32, 256, 1024])
			result.cnn.push(await cnnThroughput(side, batchSize, 'webgpu'));
	// TF.js's plain CPU backend for scale, on digits' size only: a 28 × 28 batch there takes seconds.
	if (!quick) result.cnn.push(await cnnThroughput(8, 256, 'cpu'));
}
result.seconds = (Date.now() - started) / 1000;
const text = JSON.stringify(result, null, '\t');
if (outFile) writeFileSync(outFile, `${text}\n`);
console.log(text);
// Dawn's device keeps the event loop alive.
process.exit(0);
