// Issue 19's leftover: when the engine chooser moves a run's model to another TF.js backend, the live page
// kept naming the first-chosen one (only the finished record named the new one). runTraining now tells its
// caller (the train worker, which sends it on as a 'backend' event) before the first batch. The move is
// forced as in engine-chooser.test.ts: the engine's trial is given a spec of another width (so it fails),
// and every kernel on the fake 'webgl' waits 1 ms, so TF.js on cpu wins and the model leaves webgl.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runTraining } from '../../../../../src/lib/core/train/run-training.ts';
import type { RunBackend } from '../../../../../src/lib/core/train/run-record.ts';
import type * as Trials from '../../../../../src/lib/core/train/fused/engine-trials.ts';
import { loadSample } from '../../data/profile/load-sample.ts';
import { registerCpuAsWebgl, setKernelDelay } from './cpu-as-webgl.ts';

vi.mock('../../../../../src/lib/core/train/fused/engine-trials.ts', async (importOriginal) => {
	const real = await importOriginal<typeof Trials>();
	return {
		chooseByTrial: (setup: Trials.TrialSetup) =>
			real.chooseByTrial({
				...setup,
				spec: { ...setup.spec, sizes: setup.spec.sizes.map((s, i) => (i === 1 ? s + 1 : s)) },
				tinyRunFlops: 0
			})
	};
});

beforeAll(async () => {
	registerCpuAsWebgl();
	setKernelDelay(1);
	await tf.setBackend('webgl');
});

afterAll(async () => {
	setKernelDelay(0);
	await tf.setBackend('cpu');
});

describe('a run the chooser moves', () => {
	it(
		'says where it went before its first epoch, as its record says after',
		{ timeout: 120_000 },
		async () => {
			const moves: { backend: RunBackend; epochsSoFar: number }[] = [];
			let epochs = 0;
			const outcome = await runTraining(
				loadSample('iris.csv'),
				{ targets: ['species'], settings: { epochs: 20 } },
				{
					dataset: { id: 'd', hash: 'h', name: 'iris' },
					backend: { name: 'webgl', reason: 'webgl, chosen automatically' },
					backendPaths: [
						{ name: 'webgl', available: true },
						{ name: 'cpu', available: true }
					],
					versions: { tfjs: tf.version.tfjs },
					onProgress: (p) => void (p.epochEnd && epochs++),
					onBackendMoved: (backend) => moves.push({ backend, epochsSoFar: epochs })
				}
			);
			outcome.model?.dispose();
			expect(outcome.run.backend.engine).toMatchObject({ name: 'tfjs', backend: 'cpu' });
			expect(moves).toEqual([
				{
					backend: {
						name: 'cpu',
						reason:
							'cpu, where the chooser moved the model after timing the paths (first chosen: webgl, chosen automatically)',
						software: false
					},
					epochsSoFar: 0
				}
			]);
			// The live report and the finished record name the same backend, in the same words.
			expect(outcome.run.backend.name).toBe(moves[0]!.backend.name);
			expect(outcome.run.backend.reason).toBe(moves[0]!.backend.reason);
		}
	);
});
