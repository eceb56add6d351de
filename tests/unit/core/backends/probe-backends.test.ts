import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
	chooseBackend,
	probeBackends,
	runTinyOp,
	type BackendReport,
	type TfLike
} from '../../../../src/lib/core/backends/probe-backends.ts';

const tfLike = tf as unknown as TfLike;

describe('probeBackends in Node', () => {
	it('runs the tiny op on the CPU and explains why the GPU backends are missing', async () => {
		const reports = await probeBackends(tfLike);
		expect(reports.map((r) => r.name)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
		const cpu = reports.find((r) => r.name === 'cpu')!;
		expect(cpu.available).toBe(true);
		expect(cpu.tinyOp?.result).toEqual([1, 2, 3, 4]);
		const reason = (name: string) => {
			const report = reports.find((r) => r.name === name)!;
			expect(report.available).toBe(false);
			return report.reason;
		};
		expect(reason('webgpu')).toMatch(/^WebGPU is not available in this browser: use Chrome/);
		expect(reason('webgl')).toMatch(/OffscreenCanvas/);
		// Left on the fastest that works: WASM where another test file in this worker has loaded it, else the CPU.
		const wasm = reports.find((r) => r.name === 'wasm')!;
		expect(tf.getBackend()).toBe(wasm.available ? 'wasm' : 'cpu');
		expect(tf.getBackend()).toBe(chooseBackend(reports));
	});

	it('runTinyOp leaves no tensors behind', async () => {
		await tf.setBackend('cpu');
		const before = tf.memory().numTensors;
		await runTinyOp(tfLike);
		expect(tf.memory().numTensors).toBe(before);
	});
});

describe('chooseBackend', () => {
	const gpu: BackendReport = { name: 'webgpu', available: true, tinyOp: { ok: true } };
	const softGpu: BackendReport = { ...gpu, software: true, adapter: 'google swiftshader' };
	const webgl: BackendReport = { name: 'webgl', available: true, tinyOp: { ok: true } };
	const wasm: BackendReport = { name: 'wasm', available: true, tinyOp: { ok: true } };
	const cpu: BackendReport = { name: 'cpu', available: true, tinyOp: { ok: true } };
	const noWebgl: BackendReport = { name: 'webgl', available: false, reason: 'off' };

	it('prefers a hardware WebGPU adapter', () => {
		expect(chooseBackend([gpu, webgl, wasm, cpu])).toBe('webgpu');
	});

	it('never picks a software WebGPU adapter on its own', () => {
		expect(chooseBackend([softGpu, webgl, wasm, cpu])).toBe('webgl');
		expect(chooseBackend([softGpu, noWebgl, wasm, cpu])).toBe('wasm');
	});

	it('honours a request when that backend works, and falls back when it does not', () => {
		expect(chooseBackend([softGpu, webgl, wasm, cpu], 'webgpu')).toBe('webgpu');
		expect(chooseBackend([gpu, noWebgl, wasm, cpu], 'webgl')).toBe('webgpu');
	});

	it('skips a backend whose tiny op failed', () => {
		const brokenGpu: BackendReport = { ...gpu, tinyOp: { ok: false, error: 'device lost' } };
		expect(chooseBackend([brokenGpu, noWebgl, wasm, cpu])).toBe('wasm');
	});
});

describe('chooseBackend with software GPUs', () => {
	it('falls to WASM when both GPU backends are emulated on the CPU', () => {
		const reports: BackendReport[] = [
			{ name: 'webgpu', available: true, software: true, tinyOp: { ok: true } },
			{ name: 'webgl', available: true, software: true, adapter: 'Google SwiftShader', tinyOp: { ok: true } },
			{ name: 'wasm', available: true, tinyOp: { ok: true } },
			{ name: 'cpu', available: true, tinyOp: { ok: true } }
		];
		expect(chooseBackend(reports)).toBe('wasm');
		expect(chooseBackend(reports, 'webgl')).toBe('webgl');
	});
});
