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
import { preferredDenseBuild } from '../../src/lib/core/train/fused/dense-engine.ts';
import { spawnDenseThread } from '../../workers/dense-thread-pool.ts';
import { denseEpoch, timeDenseEngine } from './dense-engine-timing.ts';
import { timeModel } from './train-throughput-timing.ts';
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
				for (const hidden of plan.hidden)
					models.push(await timeDenseEngine(hidden, plan, build, spawnDenseThread));
				const epochs = [];
				if (plan.epochRows && build === builds[0])
					for (const hidden of plan.hidden)
						epochs.push(await denseEpoch(hidden, plan.epochRows, plan, build, spawnDenseThread));
				const threads = plan.denseThreads ?? 1;
				results.push({ name: 'dense-engine', build, threads, available: true, models, epochs });
			}
		}
		self.postMessage({ ok: true, results } satisfies WorkerReply);
	} catch (error) {
		self.postMessage({ ok: false, error: String(error) } satisfies WorkerReply);
	}
};
