// The chooser's rules, without a browser: which TF.js backends are timed beside the engine (the run's own
// always; unavailable ones, software adapters and cpu beside WASM skipped, each with why), which measured
// path wins (software never preferred, ties to the run's own), where the model goes, and the run record.
import { describe, expect, it } from 'vitest';
import {
	backendPathsFrom,
	choosePath,
	movedBackend,
	pathRows,
	planBackendTrials,
	recordedBackend,
	type BackendPath,
	type MeasuredPath
} from '../../../../../src/lib/core/train/fused/path-choice.ts';

const headless: BackendPath[] = [
	{ name: 'webgpu', available: true, software: true, adapter: 'google swiftshader' },
	{ name: 'webgl', available: true, software: true, adapter: 'ANGLE (SwiftShader Device)' },
	{ name: 'wasm', available: true },
	{ name: 'cpu', available: true }
];

function timed(path: MeasuredPath['path'], msPerBatch: number, software = false): MeasuredPath {
	const label = path === 'dense-wasm' ? 'the fused WASM engine (relaxed SIMD, one thread)' : `TF.js ${path}`;
	return { path, label, timing: { msPerBatch, batches: 5 }, ...(software ? { software: true } : {}) };
}

describe('backendPathsFrom', () => {
	it('keeps the probe’s findings and makes a backend whose tiny op failed unavailable, saying so', () => {
		const paths = backendPathsFrom([
			{ name: 'webgpu', available: true, software: true, adapter: 'swiftshader', untested: true },
			{ name: 'webgl', available: true, tinyOp: { ok: false, error: 'wrong answer: [0, 0, 0, 0]' } },
			{ name: 'wasm', available: false, reason: 'WebAssembly is not available here.' },
			{ name: 'cpu', available: true, tinyOp: { ok: true } }
		]);
		expect(paths).toEqual([
			{ name: 'webgpu', available: true, software: true, adapter: 'swiftshader' },
			{ name: 'webgl', available: false, reason: 'its test op failed: wrong answer: [0, 0, 0, 0]' },
			{ name: 'wasm', available: false, reason: 'WebAssembly is not available here.' },
			{ name: 'cpu', available: true }
		]);
	});
});

describe('planBackendTrials', () => {
	it('in headless Chromium times WASM only, and says why each other backend is not timed', () => {
		const plan = planBackendTrials(headless, 'wasm');
		expect(plan.timed).toEqual(['wasm']);
		expect(plan.skipped.map((s) => [s.path, s.skipped])).toEqual([
			[
				'webgpu',
				'a software adapter (google swiftshader): it emulates the GPU on the CPU, so it is never preferred over WASM'
			],
			[
				'webgl',
				'a software adapter (ANGLE (SwiftShader Device)): it emulates the GPU on the CPU, so it is never preferred over WASM'
			],
			['cpu', 'plain JavaScript: TF.js WASM does the same arithmetic faster']
		]);
	});

	it('on a real GPU times WebGPU (the run’s own) first, then WebGL and WASM', () => {
		const plan = planBackendTrials(
			[
				{ name: 'webgpu', available: true, adapter: 'nvidia hopper' },
				{ name: 'webgl', available: true },
				{ name: 'wasm', available: true },
				{ name: 'cpu', available: true }
			],
			'webgpu'
		);
		expect(plan.timed).toEqual(['webgpu', 'webgl', 'wasm']);
		expect(plan.skipped.map((s) => s.path)).toEqual(['cpu']);
	});

	it('times the run’s own backend even on a software adapter, cpu when WASM is missing, and skips the unavailable', () => {
		const plan = planBackendTrials(
			[
				{ name: 'webgpu', available: false, reason: 'no adapter' },
				{ name: 'webgl', available: true, software: true },
				{ name: 'wasm', available: false },
				{ name: 'cpu', available: true }
			],
			'webgl'
		);
		expect(plan.timed).toEqual(['webgl', 'cpu']);
		expect(plan.skipped.map((s) => [s.path, s.skipped])).toEqual([
			['webgpu', 'unavailable (no adapter)'],
			['wasm', 'unavailable']
		]);
	});
});

describe('choosePath', () => {
	it('picks the fastest, gives every figure and every skipped path, and keeps the model at home for the engine', () => {
		const plan = planBackendTrials(headless, 'wasm');
		const choice = choosePath([timed('wasm', 4), timed('dense-wasm', 0.5)], plan.skipped, 'wasm');
		expect(choice.name).toBe('dense-wasm');
		expect(choice.backend).toBe('wasm');
		expect(choice.reason).toMatch(
			/^measured on this run's batches: TF\.js wasm 4\.0 ms per batch \(median of 5\), the fused WASM engine .* 0\.50 ms per batch \(median of 5\): the fused WASM engine .*, 8\.0× faster than TF\.js wasm; not timed: TF\.js webgpu \(a software adapter/
		);
		expect(choice.reason).toContain('TF.js cpu (plain JavaScript');
		expect(choice.paths.map((p) => [p.path, p.msPerBatch ?? p.skipped?.slice(0, 18)])).toEqual([
			['wasm', 4],
			['dense-wasm', 0.5],
			['webgpu', 'a software adapter'],
			['webgl', 'a software adapter'],
			['cpu', 'plain JavaScript: ']
		]);
	});

	it('moves the model to the backend whose TF.js was fastest', () => {
		const choice = choosePath([timed('wasm', 5), timed('dense-wasm', 3), timed('webgpu', 1)], [], 'wasm');
		expect(choice).toMatchObject({ name: 'tfjs', backend: 'webgpu' });
		expect(choice.reason).toMatch(/TF\.js webgpu, 3\.0× faster than the fused WASM engine/);
		expect(choice.reason).toMatch(/; the model moves from wasm to webgpu$/);
	});

	it('never prefers a software adapter, keeps ties for the run’s own backend, and leaves a failed home', () => {
		const software = choosePath([timed('webgpu', 0.1, true), timed('dense-wasm', 2)], [], 'webgpu');
		expect(software).toMatchObject({ name: 'dense-wasm', backend: 'webgpu' });
		expect(software.reason).toContain('TF.js webgpu (software adapter) 0.10 ms per batch');
		const tie = choosePath([timed('webgl', 2), timed('dense-wasm', 2), timed('wasm', 2)], [], 'webgl');
		expect(tie).toMatchObject({ name: 'tfjs', backend: 'webgl' });
		// WebGPU's trial failed (a lost device): the engine wins, and the model leaves WebGPU for WASM.
		const lost = choosePath(
			[timed('dense-wasm', 1), timed('wasm', 3)],
			[{ path: 'webgpu', label: 'TF.js webgpu', skipped: 'its trial failed (device lost)' }],
			'webgpu'
		);
		expect(lost).toMatchObject({ name: 'dense-wasm', backend: 'wasm' });
		expect(lost.reason).toMatch(
			/not timed: TF\.js webgpu \(its trial failed \(device lost\)\); the model moves from webgpu to wasm \(webgpu's trial failed\)$/
		);
	});

	it('with nothing measured, stays on TF.js at home and says why', () => {
		const choice = choosePath(
			[],
			[{ path: 'dense-wasm', label: 'the fused WASM engine', skipped: 'its trial failed (out of memory)' }],
			'webgl'
		);
		expect(choice).toMatchObject({ name: 'tfjs', backend: 'webgl' });
		expect(choice.reason).toBe(
			'TF.js webgl: no path could be timed (the fused WASM engine: its trial failed (out of memory))'
		);
	});
});

describe('recordedBackend', () => {
	const base = { name: 'webgl', reason: 'webgl, chosen automatically (webgpu unavailable)', software: false };
	it('keeps the backend when the model stayed, and adds the engine', () => {
		const engine = { name: 'dense-wasm' as const, reason: 'measured', backend: 'webgl' };
		expect(recordedBackend(base, engine)).toEqual({ ...base, engine });
		expect(recordedBackend(base, undefined)).toBe(base);
	});
	it('names the backend the model moved to, and the first choice in its reason', () => {
		const engine = { name: 'tfjs' as const, reason: 'measured', backend: 'wasm' };
		const record = recordedBackend(base, engine);
		expect(record.name).toBe('wasm');
		expect(record.reason).toBe(
			'wasm, where the chooser moved the model after timing the paths (first chosen: webgl, chosen automatically (webgpu unavailable))'
		);
		expect(record.engine).toBe(engine);
	});
});

describe('movedBackend', () => {
	const base = { name: 'wasm', reason: 'wasm, chosen automatically', software: false };
	it('says nothing when the model stayed (or no backend was recorded)', () => {
		expect(movedBackend(base, { name: 'dense-wasm', reason: 'measured', backend: 'wasm' })).toBeUndefined();
		expect(movedBackend(base, { name: 'dense-wasm', reason: 'tiny' })).toBeUndefined();
	});
	it('names where the model went, in the record’s words, without the engine figures', () => {
		const engine = { name: 'tfjs' as const, reason: 'measured', backend: 'webgl' };
		expect(movedBackend(base, engine)).toEqual({
			name: 'webgl',
			reason:
				'webgl, where the chooser moved the model after timing the paths (first chosen: wasm, chosen automatically)',
			software: false
		});
	});
});

describe('pathRows', () => {
	it('lists every path with its figure or why it was not timed, and marks the one that stepped the batches', () => {
		const choice = choosePath(
			[timed('wasm', 4), timed('dense-wasm', 0.5)],
			planBackendTrials(headless, 'wasm').skipped,
			'wasm'
		);
		const backend = {
			name: 'wasm',
			reason: 'wasm, chosen automatically',
			engine: { name: choice.name, reason: choice.reason, backend: choice.backend, paths: choice.paths }
		};
		const rows = pathRows(backend);
		expect(rows.map((r) => [r.path, r.text, r.used])).toEqual([
			['wasm', '4.0 ms per batch (median of 5)', false],
			['dense-wasm', '0.50 ms per batch (median of 5)', true],
			['webgpu', expect.stringMatching(/^not timed: a software adapter \(google swiftshader\)/), false],
			['webgl', expect.stringMatching(/^not timed: a software adapter/), false],
			['cpu', 'not timed: plain JavaScript: TF.js WASM does the same arithmetic faster', false]
		]);
		const moved = pathRows({
			...backend,
			engine: { ...backend.engine, name: 'tfjs' as const, backend: 'wasm' }
		});
		expect(moved.filter((r) => r.used).map((r) => r.path)).toEqual(['wasm']);
		expect(
			pathRows({ name: 'cpu', reason: 'x', engine: { name: 'dense-wasm', reason: 'not timed' } })
		).toEqual([]);
	});
});
