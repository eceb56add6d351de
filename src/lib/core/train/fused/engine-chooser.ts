// The chooser between the two ways the loop can step a run's batches: the fused WASM dense engine and TF.js
// ops on the current backend. For the run's own network, rows and batch size it times a few batches of
// each (copies: the run's weights, optimizer state and dropout streams are left as they were) and keeps the
// faster, saying so with the figures in the run record. Which one wins depends on the backend (a GPU
// backend has fixed costs per op but wide arithmetic), the widths and the batch size, so it is measured,
// not ruled.
import type { TrainingEngine } from './dense-stepper.ts';

/** One path's trial: `run` trains one batch (on copies), `dispose` puts back what the trial touched. */
export interface TrialPath {
	run(): unknown;
	dispose(): void;
}

export interface TrialLimits {
	/** Untimed batches first (compilation, first allocations): TF.js's first step builds its kernels. */
	warmup: number;
	/** Timed batches: at least this many, and at least minMs of them, but never past maxMs. */
	minBatches: number;
	minMs: number;
	maxMs: number;
}

export const TRIAL_LIMITS: TrialLimits = { warmup: 2, minBatches: 3, minMs: 20, maxMs: 300 };

export interface PathTiming {
	/** The median of the timed batches, in milliseconds. */
	msPerBatch: number;
	batches: number;
}

/** Times `path.run` as TRIAL_LIMITS says; always disposes the path. */
export async function timePath(
	path: TrialPath,
	limits: TrialLimits = TRIAL_LIMITS,
	now: () => number = () => performance.now()
): Promise<PathTiming> {
	try {
		for (let i = 0; i < limits.warmup; i++) await path.run();
		const times: number[] = [];
		const started = now();
		while (
			times.length < 1 ||
			(now() - started < limits.maxMs && (times.length < limits.minBatches || now() - started < limits.minMs))
		) {
			const before = now();
			await path.run();
			times.push(now() - before);
		}
		times.sort((a, b) => a - b);
		const middle = times.length >> 1;
		const median = times.length % 2 ? times[middle]! : (times[middle - 1]! + times[middle]!) / 2;
		return { msPerBatch: median, batches: times.length };
	} finally {
		path.dispose();
	}
}

function ms(value: number): string {
	return value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2);
}

/** The faster path, with both figures in the reason (TF.js keeps ties: it is the reference). */
export function pickFaster(
	dense: PathTiming,
	tfjs: PathTiming,
	backend: string,
	build: string
): TrainingEngine {
	const figures =
		`measured on this run's batches: the fused WASM engine (${build}) ${ms(dense.msPerBatch)} ms per batch ` +
		`(median of ${dense.batches}), TF.js ${backend} ${ms(tfjs.msPerBatch)} ms (median of ${tfjs.batches})`;
	if (dense.msPerBatch < tfjs.msPerBatch) {
		const times = tfjs.msPerBatch / Math.max(dense.msPerBatch, 1e-6);
		return { name: 'dense-wasm', reason: `${figures}: the fused engine, ${times.toFixed(1)}× faster` };
	}
	const times = dense.msPerBatch / Math.max(tfjs.msPerBatch, 1e-6);
	return { name: 'tfjs', reason: `${figures}: TF.js, ${times.toFixed(1)}× faster` };
}
