// How many threads the fused dense engine runs in this worker, set once by the worker that trains (the
// studio's train worker: threads when the page is cross-origin isolated; Node: worker_threads), and the
// engine factory the stepper uses. One setting per worker, as TF.js's backend is.
import { denseTrainingFlops } from './engine-chooser.ts';
import { DenseEngine, type DenseNetworkSpec, type DenseOptimizer } from './dense-engine.ts';
import { ThreadedDenseEngine, type DenseThreadSpawner } from './threaded-dense-engine.ts';

export interface DenseThreading {
	/** 1: the one-thread module; 2 or more: the threaded module with threads − 1 helpers. */
	threads: number;
	/** Why this count, in words, for the run record and the System page. */
	reason: string;
	spawn?: DenseThreadSpawner;
}

let current: DenseThreading = { threads: 1, reason: 'threads were not set up where this run trains' };

/** Below this much work per batch (forward + backward ≈ 6 flops per weight per row) a second thread's
 * hand-over costs more than it saves: measured in Node on 2 cores at load ~2, 32→64→64→1 at batch 64
 * (2.4 MFLOP) ran 0.93× on two threads and at batch 256 (9.7 MFLOP) 1.12×; 32→256→256→1 at 256
 * (114 MFLOP) 1.61×; iris-sized nets (0.5–1.9 MFLOP) 0.45–0.84×. */
export const MIN_THREADED_BATCH_FLOPS = 8e6;

/** Why an engine runs on one thread where the worker could run more (a small batch, or helpers that did not
 * start), kept per engine for its record. */
const oneThreadReasons = new WeakMap<DenseEngine, string>();

/** Sets the thread count for the engines created after this; more than one needs `spawn`. */
export function setDenseThreading(threading: DenseThreading): void {
	if (!Number.isInteger(threading.threads) || threading.threads < 1)
		throw new Error(`The dense engine runs on 1 or more threads, not ${threading.threads}.`);
	if (threading.threads > 1 && !threading.spawn)
		throw new Error('More than one thread needs a way to start the helper threads.');
	current = threading;
}

export function denseThreading(): DenseThreading {
	return current;
}

/** What a run records about the engine's threads. */
export function threadingRecord(engine: DenseEngine): { threads: number; threadsReason: string } {
	if (engine instanceof ThreadedDenseEngine)
		return { threads: engine.threads, threadsReason: current.reason };
	return { threads: 1, threadsReason: oneThreadReasons.get(engine) ?? current.reason };
}

/** A network in the threaded engine where this worker runs threads, else in the one-thread engine. */
export async function createDenseEngine(
	spec: DenseNetworkSpec,
	optimizer: DenseOptimizer,
	maxBatch: number
): Promise<DenseEngine> {
	const { threads, spawn } = current;
	if (threads <= 1 || !spawn) return DenseEngine.create(spec, optimizer, maxBatch);
	const flops = denseTrainingFlops(spec.sizes, maxBatch);
	if (flops >= MIN_THREADED_BATCH_FLOPS) {
		try {
			return await ThreadedDenseEngine.createThreaded(spec, optimizer, maxBatch, threads, spawn);
		} catch (error) {
			// A helper that cannot start (a worker file missing from a build, memory refused) costs the run its
			// threads, not the run itself.
			const engine = await DenseEngine.create(spec, optimizer, maxBatch);
			const message = error instanceof Error ? error.message : String(error);
			oneThreadReasons.set(engine, `the engine's helper threads did not start (${message}), so one thread`);
			return engine;
		}
	}
	const engine = await DenseEngine.create(spec, optimizer, maxBatch);
	const mflop = (flops / 1e6).toPrecision(2);
	oneThreadReasons.set(
		engine,
		`the worker could run ${threads} threads, but a batch is about ${mflop} MFLOP, under the 8 MFLOP where more than one pays`
	);
	return engine;
}

/** Lets the engine's helper threads go (nothing to do for one thread). */
export function releaseDenseEngine(engine: DenseEngine): void {
	if (engine instanceof ThreadedDenseEngine) engine.dispose();
}
