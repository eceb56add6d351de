// How many threads the fused dense engine runs in this worker, set once by the worker that trains (the
// studio's train worker: threads when the page is cross-origin isolated; Node: worker_threads), and the
// engine factory the stepper uses. One setting per worker, as TF.js's backend is.
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
	return { threads: 1, threadsReason: current.reason };
}

/** A network in the threaded engine where this worker runs threads, else in the one-thread engine. */
export async function createDenseEngine(
	spec: DenseNetworkSpec,
	optimizer: DenseOptimizer,
	maxBatch: number
): Promise<DenseEngine> {
	const { threads, spawn } = current;
	if (threads > 1 && spawn)
		return ThreadedDenseEngine.createThreaded(spec, optimizer, maxBatch, threads, spawn);
	return DenseEngine.create(spec, optimizer, maxBatch);
}

/** Lets the engine's helper threads go (nothing to do for one thread). */
export function releaseDenseEngine(engine: DenseEngine): void {
	if (engine instanceof ThreadedDenseEngine) engine.dispose();
}
