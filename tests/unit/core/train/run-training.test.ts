// The defaults a newcomer gets, end to end on the CPU backend: a sample, a target, nothing else. These are
// the acceptance figures; each run prints its figure and time.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTraining, type TrainingRequest } from '../../../../src/lib/core/train/run-training.ts';
import { loadSample } from '../data/profile/load-sample.ts';

const CONTEXT = {
	dataset: { id: 'd', hash: 'h', name: 'sample' },
	backend: { name: 'cpu', reason: 'test' },
	versions: { tfjs: tf.version.tfjs }
};

async function train(file: string, request: TrainingRequest) {
	const started = performance.now();
	const outcome = await runTraining(loadSample(file), request, CONTEXT);
	const seconds = (performance.now() - started) / 1000;
	outcome.model?.dispose();
	console.log(
		`${file} ${outcome.run.spec.family}: ${JSON.stringify(outcome.run.metrics.test)} in ${seconds.toFixed(1)} s`
	);
	return outcome.run;
}

beforeAll(async () => {
	await tf.setBackend('cpu');
});

describe('runTraining with defaults', () => {
	it('iris: ≥ 0.93 test accuracy', async () => {
		const run = await train('iris.csv', { targets: ['species'] });
		expect(run.task).toBe('classification');
		expect(run.metrics.test!.accuracy).toBeGreaterThanOrEqual(0.93);
		expect(run.rows).toEqual({ train: 120, validation: 0, test: 30 });
	}, 60_000);

	it('wine: ≥ 0.94 test accuracy', async () => {
		const run = await train('wine.csv', { targets: ['cultivar'] });
		expect(run.metrics.test!.accuracy).toBeGreaterThanOrEqual(0.94);
	}, 60_000);

	it('penguins (with missing values): ≥ 0.95 test accuracy', async () => {
		const run = await train('penguins.csv', { targets: ['Species'] });
		expect(run.recipe.steps.map((s) => s.op)).toContain('impute');
		expect(run.metrics.test!.accuracy).toBeGreaterThanOrEqual(0.95);
	}, 60_000);

	it('diabetes: R² ≥ 0.40', async () => {
		const run = await train('diabetes.csv', { targets: ['progression'] });
		expect(run.task).toBe('regression');
		expect(run.metrics.test!.r2).toBeGreaterThanOrEqual(0.4);
	}, 60_000);

	it('linnerud: R² per output', async () => {
		const run = await train('linnerud.csv', { targets: ['Weight', 'Waist', 'Pulse'] });
		expect(run.task).toBe('multi-output');
		const outputs = (run.metrics.test as { outputs: Record<string, { r2: number | null }> }).outputs;
		expect(Object.keys(outputs)).toEqual(['Weight', 'Waist', 'Pulse']);
		// Twenty rows, four of them for testing: the figures are rough, but trained in standard units the
		// model must not miss wildly (on raw units it scored R² −78).
		for (const output of Object.values(outputs)) expect(output.r2).toBeGreaterThan(-3);
	}, 60_000);

	it('digits (CNN): ≥ 0.95 test accuracy', async () => {
		const run = await train('digits.csv', { targets: ['digit'] });
		expect(run.spec.family).toBe('cnn');
		expect(run.metrics.test!.accuracy).toBeGreaterThanOrEqual(0.95);
	}, 180_000);

	it('iris without a target: k-means clusters with inertia and silhouette', async () => {
		const run = await train('iris.csv', {
			targets: [],
			k: 3,
			recipe: {
				version: 1,
				steps: [
					{ op: 'drop', params: { columns: ['species'] } },
					{ op: 'scale', params: { columns: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'] } }
				]
			}
		});
		expect(run.task).toBe('clustering');
		expect(run.metrics.test!.silhouette).toBeGreaterThan(0.3);
	}, 60_000);

	it('the same request and seed give the same metrics twice', async () => {
		const request = { targets: ['species'], settings: { epochs: 15, seed: 5 } };
		const first = await train('iris.csv', request);
		const second = await train('iris.csv', request);
		expect(second.history).toEqual(first.history);
		expect(second.metrics).toEqual(first.metrics);
	}, 60_000);
});
