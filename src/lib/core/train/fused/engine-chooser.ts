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

/** One way to step the run's batches, timed: the fused engine (WASM, on the CPU, whatever the TF.js backend)
 * or TF.js ops on a backend. */
export interface TimedPath {
	engine: TrainingEngine['name'];
	/** How the reason names it, e.g. "the fused WASM engine (relaxed SIMD)" or "TF.js webgpu". */
	label: string;
	/** A software adapter (SwiftShader, llvmpipe) behind a GPU backend: never preferred over a real path. */
	software?: boolean;
	timing: PathTiming;
}

/**
 * The fastest path, with every figure in the reason. A path on a software GPU adapter is only chosen when
 * nothing else was timed (it emulates the GPU on the CPU: a fast trial there is a fluke of tiny shapes, and
 * WASM is the honest CPU path). Ties go to the earlier path in `paths` (the caller lists TF.js on the run's
 * backend first: it is the reference).
 */
export function pickFastest(paths: TimedPath[]): TrainingEngine & { label: string } {
	if (paths.length === 0) throw new Error('pickFastest needs at least one timed path');
	const real = paths.filter((p) => !p.software);
	const eligible = real.length > 0 ? real : paths;
	let best = eligible[0]!;
	for (const path of eligible) if (path.timing.msPerBatch < best.timing.msPerBatch) best = path;
	const figures = paths
		.map(
			(p) =>
				`${p.label}${p.software ? ' (software adapter)' : ''} ${ms(p.timing.msPerBatch)} ms per batch (median of ${p.timing.batches})`
		)
		.join(', ');
	const others = eligible.filter((p) => p !== best);
	const next = others.reduce<TimedPath | undefined>(
		(a, p) => (!a || p.timing.msPerBatch < a.timing.msPerBatch ? p : a),
		undefined
	);
	const margin = next
		? `, ${(next.timing.msPerBatch / Math.max(best.timing.msPerBatch, 1e-6)).toFixed(1)}× faster than ${next.label}`
		: '';
	const skipped =
		paths.some((p) => p.software) && real.length > 0 ? '; software adapters are never preferred' : '';
	return {
		name: best.engine,
		label: best.label,
		reason: `measured on this run's batches: ${figures}: ${best.label}${margin}${skipped}`
	};
}

/** The faster of the engine and TF.js on `backend` (TF.js keeps ties: it is the reference). */
export function pickFaster(
	dense: PathTiming,
	tfjs: PathTiming,
	backend: string,
	build: string,
	software = false
): TrainingEngine {
	const { name, reason } = pickFastest([
		{ engine: 'tfjs', label: `TF.js ${backend}`, software, timing: tfjs },
		{ engine: 'dense-wasm', label: `the fused WASM engine (${build})`, timing: dense }
	]);
	return { name, reason };
}

/** Below this much arithmetic for the whole run, the run costs less than timing the paths would. */
export const TINY_RUN_FLOPS = 1e9;

/** Forward and backward through a dense network of these widths: about 6 floating-point operations per
 * weight per row (the biases' few left out). */
export function denseTrainingFlops(sizes: readonly number[], rows: number): number {
	let weights = 0;
	for (let i = 0; i + 1 < sizes.length; i++) weights += sizes[i]! * sizes[i + 1]!;
	return 6 * weights * rows;
}

/**
 * The arithmetic of the whole run on a dense network (denseTrainingFlops over every epoch), and whether it is tiny: then the chooser times nothing and the fused engine
 * steps the batches (on so little work a GPU's fixed cost per op and TF.js's per-op dispatch dominate).
 */
export function tinyRun(
	sizes: readonly number[],
	rows: number,
	epochs: number,
	limit = TINY_RUN_FLOPS
): { tiny: boolean; reason: string } {
	const flops = denseTrainingFlops(sizes, rows) * epochs;
	const mflop = flops / 1e6;
	const amount = mflop >= 10 ? mflop.toFixed(0) : mflop.toFixed(1);
	return {
		tiny: flops <= limit,
		reason:
			`not timed: the whole run is about ${amount} MFLOP (${rows} rows × ${epochs} epochs), under the ` +
			`${(limit / 1e6).toLocaleString('en')} MFLOP below which timing the paths costs more than it saves`
	};
}
