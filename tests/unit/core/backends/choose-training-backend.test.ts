import { describe, expect, it } from 'vitest';
import type { BackendReport } from '../../../../src/lib/core/backends/probe-backends.ts';
import { chooseTrainingBackend } from '../../../../src/lib/core/backends/choose-training-backend.ts';

const ok = (name: BackendReport['name'], extra: Partial<BackendReport> = {}): BackendReport => ({
	name,
	available: true,
	tinyOp: { ok: true },
	...extra
});

const HEADLESS: BackendReport[] = [
	ok('webgpu', { software: true, adapter: 'SwiftShader' }),
	ok('webgl', { software: true }),
	ok('wasm'),
	ok('cpu')
];

describe('chooseTrainingBackend', () => {
	it('prefers a real GPU, and never picks a software adapter on its own', () => {
		const gpu = [ok('webgpu', { adapter: 'NVIDIA' }), ok('webgl'), ok('wasm'), ok('cpu')];
		expect(chooseTrainingBackend(gpu, 'auto', { convolutions: false })).toMatchObject({
			name: 'webgpu',
			reason: 'webgpu, chosen automatically'
		});
		const choice = chooseTrainingBackend(HEADLESS, 'auto', { convolutions: false });
		expect(choice.name).toBe('wasm');
		expect(choice.reason).toBe(
			'wasm, chosen automatically (webgpu is a software adapter (slower); webgl is a software adapter (slower))'
		);
	});

	it('keeps a CNN off WASM, which cannot train convolutions', () => {
		const choice = chooseTrainingBackend(HEADLESS, 'wasm', { convolutions: true });
		expect(choice.name).toBe('cpu');
		expect(choice.reason).toMatch(
			/^cpu, chosen automatically \(the WASM backend cannot train convolution layers;/
		);
	});

	it('honours a working pick, even a software one, and explains a broken one', () => {
		expect(chooseTrainingBackend(HEADLESS, 'webgpu', { convolutions: false })).toEqual({
			name: 'webgpu',
			reason: 'webgpu, as chosen',
			software: true
		});
		const reports = [
			{ name: 'webgpu', available: false, reason: 'WebGPU is not available' } as BackendReport,
			ok('cpu')
		];
		expect(chooseTrainingBackend(reports, 'webgpu', { convolutions: false }).reason).toMatch(
			/^cpu, chosen automatically \(webgpu is not available here \(WebGPU is not available\)/
		);
		expect(chooseTrainingBackend([], 'auto', { convolutions: false })).toEqual({
			name: null,
			reason: 'No backend here can train this model.'
		});
	});
});
