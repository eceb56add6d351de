// The predictor rebuilt from a run's stored artifact gives the run's own test metrics back (a network and
// k-means), disposes what it made, and refuses an artifact that does not fit its record.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { metricsSummary } from '../../../../src/lib/core/metrics/summary.ts';
import { bundleFromRun, loadPredictor } from '../../../../src/lib/core/predict/predictor.ts';
import { applyRecipe } from '../../../../src/lib/core/prep/recipe/index.ts';
import { readLabels } from '../../../../src/lib/core/table/read-column.ts';
import { takeRows } from '../../../../src/lib/core/table/take-rows.ts';
import { recreateSplit } from '../../../../src/lib/core/evaluate/evaluate-split.ts';
import type { RunRecord } from '../../../../src/lib/core/train/run-record.ts';
import { runTraining } from '../../../../src/lib/core/train/run-training.ts';
import { loadSample } from '../data/profile/load-sample.ts';

const CONTEXT = {
	dataset: { id: 'd', hash: 'h', name: 'iris' },
	backend: { name: 'cpu', reason: 'test' },
	versions: { tfjs: tf.version.tfjs }
};

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const asRun = (run: Omit<RunRecord, 'id' | 'artifactId'>): RunRecord => ({
	...run,
	id: 'r',
	artifactId: 'a'
});

describe('loadPredictor', () => {
	it('a network reproduces its run’s test metrics and frees its tensors', async () => {
		const input = loadSample('iris.csv');
		const outcome = await runTraining(
			input,
			{ targets: ['species'], settings: { epochs: 8, seed: 3 } },
			CONTEXT
		);
		outcome.model?.dispose();
		const run = asRun(outcome.run);
		const before = tf.memory().numTensors;
		const predictor = await loadPredictor(bundleFromRun(run, outcome.artifact));
		const split = recreateSplit(input, run.split);
		const test = applyRecipe(run.fitted, takeRows(input, split.test), 'evaluate');
		const predictions = await predictor.predictPrepared(test);
		expect(predictions.rows).toBe(30);
		expect(predictions.proba).toHaveLength(30 * 3);
		const classes = run.classes!;
		const yTrue = readLabels(test.table, 'species').map((label) => classes.indexOf(label!));
		const { notes: _notes, ...summary } = metricsSummary({
			task: 'classification',
			classes,
			yTrue,
			proba: predictions.proba!
		});
		const { rows: _rows, ...stored } = run.metrics.test!;
		expect(summary).toEqual(stored);
		predictor.dispose();
		expect(tf.memory().numTensors).toBe(before);
	}, 60_000);

	it('k-means gives the nearest centroid of each row', async () => {
		const input = loadSample('iris.csv');
		const outcome = await runTraining(
			input,
			{ targets: [], task: 'clustering', k: 3, settings: { seed: 1 } },
			CONTEXT
		);
		const run = asRun(outcome.run);
		const predictor = await loadPredictor(bundleFromRun(run, outcome.artifact));
		const prepared = applyRecipe(run.fitted, input, 'predict');
		const { clusters, rows } = await predictor.predictPrepared(prepared);
		expect(rows).toBe(150);
		expect(new Set(clusters)).toEqual(new Set([0, 1, 2]));
	});

	it('refuses k-means centroids that do not match the features', async () => {
		const input = loadSample('iris.csv');
		const outcome = await runTraining(
			input,
			{ targets: [], task: 'clustering', k: 2, settings: { seed: 1 } },
			CONTEXT
		);
		const bundle = bundleFromRun(asRun(outcome.run), { kind: 'kmeans', centroids: [[1, 2]] });
		await expect(loadPredictor(bundle)).rejects.toThrow(/1 centroids of 2 numbers for 7 features/);
	});
});
