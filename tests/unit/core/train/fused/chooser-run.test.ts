// The chooser inside a whole run (runTraining, as the train worker calls it): the backends the worker found
// reach the trials, the run record keeps every path's figure or why it was skipped, and the run's results
// are the ones it gives with no other backend to time (the trials train copies, never the run).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTraining } from '../../../../../src/lib/core/train/run-training.ts';
import type { BackendPath } from '../../../../../src/lib/core/train/fused/path-choice.ts';
import { loadSample } from '../../data/profile/load-sample.ts';
import { registerCpuAsWebgl } from './cpu-as-webgl.ts';

const CONTEXT = {
	dataset: { id: 'd', hash: 'h', name: 'iris' },
	backend: { name: 'cpu', reason: 'cpu, chosen automatically' },
	versions: { tfjs: tf.version.tfjs }
};

const FOUND: BackendPath[] = [
	{ name: 'webgpu', available: true, software: true, adapter: 'google swiftshader' },
	{ name: 'webgl', available: true },
	{ name: 'wasm', available: false, reason: 'not in this test' },
	{ name: 'cpu', available: true }
];

// Iris for up to 2000 epochs: about 3 GFLOP planned, over the tiny-run threshold, so the paths are timed.
const REQUEST = { targets: ['species'], settings: { epochs: 2000 } };

beforeAll(async () => {
	registerCpuAsWebgl();
	await tf.setBackend('cpu');
});

describe('the chooser in a run', () => {
	it(
		'records every path the worker’s backends allow, and leaves the run’s results as they are',
		{ timeout: 120_000 },
		async () => {
			const tensors = tf.memory().numTensors;
			const chosen = await runTraining(loadSample('iris.csv'), REQUEST, { ...CONTEXT, backendPaths: FOUND });
			chosen.model?.dispose();
			const alone = await runTraining(loadSample('iris.csv'), REQUEST, CONTEXT);
			alone.model?.dispose();
			expect(tf.memory().numTensors).toBe(tensors);

			const engine = chosen.run.backend.engine!;
			expect(engine.paths!.map((p) => [p.path, p.msPerBatch !== undefined])).toEqual([
				['cpu', true],
				['dense-wasm', true],
				['webgl', true],
				['webgpu', false],
				['wasm', false]
			]);
			expect(engine.paths![4]!.skipped).toBe('unavailable (not in this test)');
			// Alone, only TF.js on the run's own backend is timed beside the engine.
			expect(alone.run.backend.engine!.paths!.map((p) => p.path)).toEqual(['cpu', 'dense-wasm']);
			// The engine wins on TF.js's CPU kernels both times: the model stayed on cpu, as the record says.
			expect(engine).toMatchObject({ name: 'dense-wasm', backend: 'cpu' });
			expect(chosen.run.backend.name).toBe('cpu');
			expect(chosen.run.backend.reason).toBe('cpu, chosen automatically');
			// Same run, same results: every epoch's figures and the test metrics, to the bit.
			expect(chosen.run.history).toEqual(alone.run.history);
			expect(chosen.run.metrics).toEqual(alone.run.metrics);
			const [a, b] = [chosen.artifact, alone.artifact];
			if (a.kind !== 'layers' || b.kind !== 'layers')
				throw new Error('a network run saves a layers artifact');
			expect(await a.weightData.arrayBuffer()).toEqual(await b.weightData.arrayBuffer());
		}
	);
});
