// `benchtop train --threads N`: how many threads the fused dense engine splits each batch across in the
// CLI. Node always has shared memory and worker_threads, so, unlike the studio (threads only on a
// cross-origin isolated page), the CLI can always run them: by default min(cores, 4); `--threads 1` keeps
// one. The engine still runs a batch under MIN_THREADED_BATCH_FLOPS on one thread (a second thread's
// hand-over costs more than it saves there) and says so in the run record. `tune` trains its trials in a
// pool of worker threads, one trial per worker, so each trial stays on one thread.
import { availableParallelism } from 'node:os';
import { BenchtopError } from '../lib/core/errors.ts';
import {
	denseThreading,
	setDenseThreading,
	type DenseThreading
} from '../lib/core/train/fused/dense-threading.ts';
import { threadedModuleUnavailable } from '../lib/core/train/fused/threaded-dense-engine.ts';
import { MAX_DENSE_THREADS } from '../lib/core/train/fused/thread-plan.ts';
import type { RunRecord } from '../lib/core/train/run-record.ts';
import { spawnNodeDenseThread } from './dense-threads.ts';

/** Threads a CLI run uses when --threads is not given, on a machine with at least this many cores. */
export const DEFAULT_CLI_THREADS = 4;

/** --threads' number, checked: 1 (one thread) to MAX_DENSE_THREADS. */
export function parseThreads(text: string): number {
	const value = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
	if (!Number.isSafeInteger(value) || value < 1 || value > MAX_DENSE_THREADS)
		throw new BenchtopError(
			'bad-input',
			`--threads must be a whole number from 1 to ${MAX_DENSE_THREADS} (1 trains on one thread; got "${text}")`
		);
	return value;
}

/**
 * The threads a CLI run may use and why, in words for the run record: `requested` from --threads (absent:
 * the default), on a machine of `cores` cores; `unavailable` says why this Node cannot run the engine's
 * WASM threads at all.
 */
export function cliThreadPlan(
	requested: number | undefined,
	cores: number,
	unavailable?: string
): { threads: number; reason: string } {
	if (unavailable) return { threads: 1, reason: `this Node cannot run the engine's threads: ${unavailable}` };
	if (requested === 1) return { threads: 1, reason: '--threads 1 asked for one thread' };
	if (requested !== undefined)
		return { threads: requested, reason: `--threads ${requested} (this machine reports ${cores} cores)` };
	if (cores < 2) return { threads: 1, reason: 'this machine reports one core (--threads to set more)' };
	const threads = Math.min(cores, DEFAULT_CLI_THREADS);
	return {
		threads,
		reason: `the CLI's default, min(cores, ${DEFAULT_CLI_THREADS}), on this machine's ${cores} cores (--threads to change)`
	};
}

/**
 * Sets the engine's threads for the runs of one `train` command; returns the setting to put back after it
 * (main() may run more commands in the same process, as the tests do).
 */
export function useCliThreads(requested: number | undefined): DenseThreading {
	const before = denseThreading();
	const plan = cliThreadPlan(requested, availableParallelism(), threadedModuleUnavailable());
	setDenseThreading(plan.threads > 1 ? { ...plan, spawn: spawnNodeDenseThread } : plan);
	return before;
}

/** What `train --json` says about threads: how many stepped the batches and why. */
export function threadsJson(run: Pick<RunRecord, 'backend' | 'spec'>): { count: number; reason: string } {
	const engine = run.backend.engine;
	if (run.spec.family === 'kmeans')
		return { count: 1, reason: 'k-means runs in plain TypeScript on one thread' };
	if (!engine) return { count: 1, reason: 'no batches were stepped (the weights were solved or kept)' };
	if (engine.name !== 'dense-wasm')
		return {
			count: 1,
			reason: `TF.js stepped the batches (${engine.reason}): the engine's threads do not apply`
		};
	return { count: engine.threads ?? 1, reason: engine.threadsReason ?? 'not recorded' };
}
