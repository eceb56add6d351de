// The WebGPU checks with a stand-in `navigator.gpu` and a stand-in `tf`: what Node cannot show for real.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	chooseBackend,
	probeBackend,
	type TfLike
} from '../../../../src/lib/core/backends/probe-backends.ts';

/** A TF.js with the named backends registered, whose matMul answers `answer`. */
function fakeTf(registered: string[], answer = [1, 2, 3, 4]): TfLike & { disposed: number } {
	let current = 'cpu';
	const fake = {
		disposed: 0,
		setBackend: async (name: string) => {
			current = name;
			return true;
		},
		ready: async () => undefined,
		getBackend: () => current,
		engine: () => ({ registryFactory: Object.fromEntries(registered.map((name) => [name, {}])) }),
		tidy: <T>(fn: () => T) => fn(),
		tensor: () => ({
			matMul: () => ({
				data: async () => Float32Array.from(answer),
				dispose: () => void fake.disposed++
			})
		})
	};
	return fake;
}

function stubAdapter(adapter: object | null) {
	vi.stubGlobal('navigator', { gpu: { requestAdapter: async () => adapter } });
}

afterEach(() => vi.unstubAllGlobals());

describe('probeBackend("webgpu")', () => {
	it('says what to do when the browser has no WebGPU', async () => {
		vi.stubGlobal('navigator', {});
		const report = await probeBackend(fakeTf(['webgpu']), 'webgpu');
		expect(report.available).toBe(false);
		expect(report.reason).toMatch(/^WebGPU is not available in this browser: use Chrome/);
	});

	it('reports a browser with WebGPU but no adapter', async () => {
		stubAdapter(null);
		const report = await probeBackend(fakeTf(['webgpu']), 'webgpu');
		expect(report).toMatchObject({
			available: false,
			reason: expect.stringMatching(/no usable GPU adapter/)
		});
	});

	it('marks a SwiftShader adapter as software, names it, and runs the tiny op', async () => {
		stubAdapter({ info: { vendor: 'google', architecture: 'swiftshader', description: '' } });
		const tf = fakeTf(['webgpu']);
		const report = await probeBackend(tf, 'webgpu');
		expect(report).toMatchObject({ available: true, software: true, adapter: 'google swiftshader' });
		expect(report.tinyOp).toMatchObject({ ok: true, result: [1, 2, 3, 4] });
		expect(tf.disposed).toBe(1);
	});

	it('with deferSoftware, reports a SwiftShader adapter untested, without starting the backend', async () => {
		stubAdapter({ info: { vendor: 'google', architecture: 'swiftshader', description: '' } });
		const tf = fakeTf(['webgpu']);
		const report = await probeBackend(tf, 'webgpu', { deferSoftware: true });
		expect(report).toMatchObject({ available: true, software: true, untested: true });
		expect(report.tinyOp).toBeUndefined();
		expect(tf.getBackend()).toBe('cpu');
		// A hardware adapter is started and tested as before.
		stubAdapter({ info: { vendor: 'nvidia', architecture: 'ada', description: '' } });
		const hardware = await probeBackend(tf, 'webgpu', { deferSoftware: true });
		expect(hardware.untested).toBeUndefined();
		expect(hardware.tinyOp).toMatchObject({ ok: true });
		expect(tf.getBackend()).toBe('webgpu');
	});

	it('marks a fallback adapter as software even when its name says nothing', async () => {
		stubAdapter({ info: { vendor: '', architecture: '', description: '', isFallbackAdapter: true } });
		expect((await probeBackend(fakeTf(['webgpu']), 'webgpu')).software).toBe(true);
	});

	it('treats a hardware adapter as hardware', async () => {
		stubAdapter({ info: { vendor: 'nvidia', architecture: 'ada', description: '' } });
		const report = await probeBackend(fakeTf(['webgpu']), 'webgpu');
		expect(report).toMatchObject({ available: true, software: false, adapter: 'nvidia ada' });
	});

	it('copes with browsers before Chrome 127, whose adapters have no `info`', async () => {
		stubAdapter({});
		const report = await probeBackend(fakeTf(['webgpu']), 'webgpu');
		expect(report).toMatchObject({ available: true, software: false });
	});

	it('a backend that computes the wrong answer is unavailable and never chosen', async () => {
		stubAdapter({ info: { vendor: 'acme', architecture: '', description: '' } });
		const report = await probeBackend(fakeTf(['webgpu'], [0, 0, 0, 0]), 'webgpu');
		expect(report.available).toBe(false);
		expect(report.reason).toMatch(/wrong results/);
		expect(report.tinyOp).toMatchObject({ ok: false, result: [0, 0, 0, 0] });
		expect(chooseBackend([report, { name: 'cpu', available: true, tinyOp: { ok: true } }])).toBe('cpu');
	});

	it('a backend missing from the build is reported, not thrown', async () => {
		stubAdapter({ info: { vendor: 'nvidia', architecture: '', description: '' } });
		const report = await probeBackend(fakeTf(['cpu']), 'webgpu');
		expect(report).toMatchObject({
			available: false,
			reason: 'The webgpu backend is not loaded in this build.'
		});
	});

	it('a failing adapter request becomes a reason, not an exception', async () => {
		vi.stubGlobal('navigator', {
			gpu: { requestAdapter: () => Promise.reject(new Error('GPU process crashed')) }
		});
		const report = await probeBackend(fakeTf(['webgpu']), 'webgpu');
		expect(report.available).toBe(false);
		expect(report.reason).toBeTruthy();
	});
});
