// Which ways of stepping a dense run's batches the chooser times, and which it keeps: the fused WASM engine
// and TF.js ops on each backend the worker found working (WebGPU, WebGL, WASM, the plain-JS cpu). Pure: the
// probe's findings and the measured figures go in, the plan, the choice and its reason come out, so the
// rules are tested without a browser. The trials themselves are engine-trials.ts.
import type { BackendName } from '../../backends/backend-names.ts';
import type { BackendReport } from '../../backends/probe-backends.ts';
import type { RunBackend } from '../run-record.ts';
import { pickFastest, type PathTiming, type TimedPath } from './engine-chooser.ts';

/** A TF.js backend as the worker's probe found it: the chooser may time TF.js on it. */
export interface BackendPath {
	name: BackendName;
	/** It ran the probe's tiny op (or, for a software adapter reported untested, its adapter exists). */
	available: boolean;
	/** A software GPU adapter (SwiftShader, llvmpipe): emulates the GPU on the CPU. */
	software?: boolean;
	/** The adapter's name, when the probe read one. */
	adapter?: string;
	/** Why it is unavailable. */
	reason?: string;
}

/** One path of a run's trials as the run record keeps it: timed (its figures) or skipped (why). */
export interface PathRecord {
	/** 'dense-wasm' for the fused engine, else the TF.js backend. */
	path: 'dense-wasm' | BackendName;
	label: string;
	msPerBatch?: number;
	batches?: number;
	/** Timed on a software adapter (only the run's own backend, asked for by name, is). */
	software?: boolean;
	skipped?: string;
}

/** The engine record a run keeps: which path stepped the batches and why, and every path's figures. */
export interface EngineRecord {
	name: 'dense-wasm' | 'tfjs';
	reason: string;
	threads?: number;
	threadsReason?: string;
	/** The TF.js backend the model was on after the choice (TF.js's batches ran there); absent on older runs. */
	backend?: string;
	/** Every path the chooser considered, timed or skipped with why; absent when nothing was timed. */
	paths?: PathRecord[];
}

/** The backends' reports as the chooser's paths: a backend whose tiny op failed is unavailable. */
export function backendPathsFrom(reports: readonly BackendReport[]): BackendPath[] {
	return reports.map((r) => {
		const works = r.available && r.tinyOp?.ok !== false;
		const reason = !r.available
			? r.reason
			: works
				? undefined
				: `its test op failed: ${r.tinyOp?.error ?? ''}`;
		return {
			name: r.name,
			available: works,
			...(r.software ? { software: true } : {}),
			...(r.adapter ? { adapter: r.adapter } : {}),
			...(reason ? { reason } : {})
		};
	});
}

export function tfjsLabel(backend: string): string {
	return `TF.js ${backend}`;
}

export interface TrialPlan {
	/** The TF.js backends to time, the run's own first (ties go to it). */
	timed: BackendName[];
	/** The others, with why each is not timed. */
	skipped: PathRecord[];
}

/**
 * Which TF.js backends to time beside the engine, for a run whose model is on `home`. The run's own backend
 * is always timed (when it is a software adapter it was asked for by name; the choice still never prefers
 * it). Another backend is skipped when it is unavailable, when it is a software adapter (it would never be
 * chosen over WASM, and starting one costs seconds), and the plain-JS cpu backend when WASM is timed (the
 * same arithmetic, in SIMD: cpu is never the faster).
 */
export function planBackendTrials(paths: readonly BackendPath[], home: BackendName): TrialPlan {
	const timed: BackendName[] = [home];
	const skipped: PathRecord[] = [];
	const skip = (name: BackendName, why: string) =>
		skipped.push({ path: name, label: tfjsLabel(name), skipped: why });
	const wasmTimed = (p: BackendPath) => p.name === 'wasm' && p.available && !p.software;
	const wasmToo = home === 'wasm' || paths.some(wasmTimed);
	for (const p of paths) {
		if (p.name === home) continue;
		if (!p.available) skip(p.name, `unavailable${p.reason ? ` (${p.reason})` : ''}`);
		else if (p.software)
			skip(
				p.name,
				`a software adapter${p.adapter ? ` (${p.adapter})` : ''}: it emulates the GPU on the CPU, so it is never preferred over WASM`
			);
		else if (p.name === 'cpu' && wasmToo)
			skip(p.name, 'plain JavaScript: TF.js WASM does the same arithmetic faster');
		else timed.push(p.name);
	}
	return { timed, skipped };
}

/** What the chooser decided: the path, the TF.js backend the model stays or moves to, and the record. */
export interface PathChoice {
	name: 'dense-wasm' | 'tfjs';
	reason: string;
	/** Where the model lives from now on: the winner's backend for TF.js, else `home` (or, when home's trial
	 * failed, the fastest TF.js backend that worked). */
	backend: BackendName;
	paths: PathRecord[];
}

/** One timed path: the engine, or TF.js on a backend. */
export interface MeasuredPath {
	path: 'dense-wasm' | BackendName;
	label: string;
	timing: PathTiming;
	software?: boolean;
}

/**
 * The fastest measured path (pickFastest's rules: software adapters never preferred, ties to the earlier
 * path) with every figure, and the skipped paths with why, in its reason. `failed` names backends whose
 * trial threw: when `home` is one of them the model leaves it, for the fastest TF.js backend that worked.
 */
export function choosePath(
	measured: readonly MeasuredPath[],
	skipped: readonly PathRecord[],
	home: BackendName
): PathChoice {
	if (measured.length === 0) {
		const why = skipped.map((s) => `${s.label}: ${s.skipped}`).join('; ');
		return {
			name: 'tfjs',
			backend: home,
			reason: `${tfjsLabel(home)}: no path could be timed (${why || 'none to time'})`,
			paths: [...skipped]
		};
	}
	const timed: TimedPath[] = measured.map((m) => ({
		engine: m.path === 'dense-wasm' ? 'dense-wasm' : 'tfjs',
		label: m.label,
		...(m.software ? { software: true } : {}),
		timing: m.timing
	}));
	const best = pickFastest(timed);
	const winner = measured.find((m) => m.label === best.label)!;
	const homeWorked = measured.some((m) => m.path === home);
	const fastestTfjs = measured
		.filter((m) => m.path !== 'dense-wasm' && !m.software)
		.reduce<MeasuredPath | undefined>(
			(a, m) => (!a || m.timing.msPerBatch < a.timing.msPerBatch ? m : a),
			undefined
		);
	const backend: BackendName =
		winner.path !== 'dense-wasm'
			? winner.path
			: homeWorked || !fastestTfjs
				? home
				: (fastestTfjs.path as BackendName);
	const notTimed = skipped.map((s) => `${s.label} (${s.skipped})`).join(', ');
	const moved =
		backend !== home
			? `; the model moves from ${home} to ${backend}${winner.path === 'dense-wasm' ? ` (${home}'s trial failed)` : ''}`
			: '';
	return {
		name: best.name,
		backend,
		reason: `${best.reason}${notTimed ? `; not timed: ${notTimed}` : ''}${moved}`,
		paths: [
			...measured.map((m): PathRecord => ({
				path: m.path,
				label: m.label,
				msPerBatch: m.timing.msPerBatch,
				batches: m.timing.batches,
				...(m.software ? { software: true } : {})
			})),
			...skipped
		]
	};
}

/** The run record's backend after training: where the model ended (when the chooser moved it, that backend,
 * saying so) with the engine that stepped the batches. */
export function recordedBackend(base: RunBackend, engine: EngineRecord | undefined): RunBackend {
	if (!engine) return base;
	if (!engine.backend || engine.backend === base.name) return { ...base, engine };
	return {
		name: engine.backend,
		reason: `${engine.backend}, where the chooser moved the model after timing the paths (first chosen: ${base.reason})`,
		software: false,
		engine
	};
}

/** Where the run went when the chooser moved its model off `base` (what the live page then names, as the
 * record will); undefined when the model stayed. */
export function movedBackend(base: RunBackend, engine: EngineRecord): RunBackend | undefined {
	if (!engine.backend || engine.backend === base.name) return undefined;
	const { engine: _recorded, ...moved } = recordedBackend(base, engine);
	return moved;
}

/** One line of a run's trials as the run detail shows it. */
export interface PathRow {
	path: PathRecord['path'];
	label: string;
	/** "0.42 ms per batch (median of 9)", or "not timed: …" with why. */
	text: string;
	/** This path stepped the run's batches. */
	used: boolean;
}

function msText(value: number): string {
	return value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2);
}

/** A run's trials for the run detail, the path that stepped its batches marked; none when nothing was timed
 * (a tiny run, a model the engine does not cover, a run from before the trials). */
export function pathRows(backend: RunBackend): PathRow[] {
	const engine = backend.engine;
	if (!engine?.paths) return [];
	const used = engine.name === 'dense-wasm' ? 'dense-wasm' : (engine.backend ?? backend.name);
	return engine.paths.map((p) => ({
		path: p.path,
		label: `${p.label}${p.software ? ' (software adapter)' : ''}`,
		text:
			p.msPerBatch !== undefined
				? `${msText(p.msPerBatch)} ms per batch (median of ${p.batches ?? '?'})`
				: `not timed: ${p.skipped ?? 'no reason recorded'}`,
		used: p.path === used
	}));
}
