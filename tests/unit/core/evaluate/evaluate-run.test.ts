// Evaluating a stored run reproduces the metrics the run recorded (classification with a validation split,
// regression, k-means), computes the full metric set and the baseline, points each row back at the data set
// version, and refuses data that are not the rows the run was split from.
import { beforeAll, describe, expect, it } from 'vitest';
import {
	accuracyScore,
	argmaxRows,
	classificationBaseline,
	confusionMatrix,
	matthewsCorrcoef,
	meanSquaredError
} from '../../../../src/lib/core/evaluate/index.ts';
import { evaluateRun } from '../../../../src/lib/core/evaluate/evaluate-run.ts';
import type {
	ClassificationOutputs,
	RegressionOutputs
} from '../../../../src/lib/core/evaluate/run-evaluation.ts';
import { readLabels, readNumbers } from '../../../../src/lib/core/table/read-column.ts';
import { takeRows } from '../../../../src/lib/core/table/take-rows.ts';
import { loadSample } from '../data/profile/load-sample.ts';
import { trainRun, type TrainedRun } from '../predict/trained-runs.ts';

const stripRows = (metrics: Record<string, unknown> | undefined) => {
	const { rows: _rows, notes: _notes, ...rest } = metrics ?? {};
	return rest;
};

describe('evaluateRun on a classifier with a validation split', () => {
	const input = loadSample('iris.csv');
	let trained: TrainedRun;
	beforeAll(async () => {
		trained = await trainRun('iris.csv', {
			targets: ['species'],
			split: { method: 'stratified', column: 'species', train: 0.6, validation: 0.2, test: 0.2, seed: 9 },
			settings: { epochs: 15, seed: 4 }
		});
	}, 60_000);

	it('reproduces the run’s validation and test metrics', async () => {
		const evaluation = await evaluateRun(input, trained.run, trained.artifact);
		expect(evaluation).toMatchObject({
			runId: trained.run.id,
			task: 'classification',
			targets: ['species'],
			classes: ['setosa', 'versicolor', 'virginica']
		});
		expect(evaluation.splits.map((s) => [s.split, s.rows])).toEqual([
			['validation', 30],
			['test', 30]
		]);
		for (const split of evaluation.splits) {
			const stored = stripRows(trained.run.metrics[split.split]);
			expect(Object.keys(stored).length).toBe(4);
			for (const [name, value] of Object.entries(stored)) expect(split.metrics[name], name).toBe(value);
		}
	});

	it('gives the full metric set, per-class report, confusion matrix and the baseline', async () => {
		const evaluation = await evaluateRun(input, trained.run, trained.artifact);
		const test = evaluation.splits[1]!;
		const outputs = test.outputs as ClassificationOutputs;
		const classes = evaluation.classes!;
		const yPred = argmaxRows(outputs.proba, 3);
		expect(test.metrics.accuracy).toBe(accuracyScore(outputs.yTrue, yPred));
		expect(test.metrics.matthews_corrcoef).toBe(matthewsCorrcoef(outputs.yTrue, yPred, classes));
		expect(outputs.confusion).toEqual(confusionMatrix(outputs.yTrue, yPred, classes).matrix);
		expect(Object.keys(test.metrics).sort()).toEqual(
			[
				'accuracy',
				'average_precision',
				'balanced_accuracy',
				'f1_macro',
				'f1_weighted',
				'log_loss',
				'matthews_corrcoef',
				'precision_macro',
				'precision_weighted',
				'recall_macro',
				'recall_weighted',
				'roc_auc'
			].sort()
		);
		expect(outputs.perClass.map((c) => c.support)).toEqual([10, 10, 10]);
		// Stratified 60/20/20: every class equally common in training, so the baseline's prior ties and it
		// answers the first class, right a third of the time.
		const expectedBaseline = classificationBaseline([0, 1, 2], outputs.yTrue, classes);
		expect(expectedBaseline.majorityClass).toBe(0);
		expect(test.baseline!.accuracy).toBeCloseTo(1 / 3, 12);
		expect(test.baseline!.roc_auc).toBe(0.5);
		// Each row points at its row in the data set: its true label is that row's species.
		const species = readLabels(input.table, 'species');
		outputs.yTrue.forEach((code, i) => expect(species[test.rowIndex[i]!]).toBe(classes[code]));
		expect(new Set([...evaluation.splits[0]!.rowIndex, ...test.rowIndex]).size).toBe(60);
	});

	it('refuses rows that are not the ones the run was split from', async () => {
		const fewer = takeRows(
			input,
			Array.from({ length: 149 }, (_, i) => i + 1)
		);
		await expect(evaluateRun(fewer, trained.run, trained.artifact)).rejects.toThrow(
			/differs from the one it trained on/
		);
	});
});

describe('evaluateRun with a recipe that removes rows', () => {
	it('scores the rows the filter keeps, each pointing at its own row, as the run did', async () => {
		const input = loadSample('iris.csv');
		const trained = await trainRun('iris.csv', {
			targets: ['species'],
			recipe: {
				version: 1,
				steps: [
					{
						op: 'filter',
						params: { conditions: [{ column: 'sepal_width', operator: '>', value: 2.9 }] },
						enabled: true
					}
				]
			},
			settings: { epochs: 5, seed: 4 }
		});
		const evaluation = await evaluateRun(input, trained.run, trained.artifact);
		const [test] = evaluation.splits;
		expect(test!.rows).toBe(trained.run.rows.test);
		expect(test!.rows).toBeLessThan(30);
		for (const [name, value] of Object.entries(stripRows(trained.run.metrics.test)))
			expect(test!.metrics[name], name).toBe(value);
		const width = readNumbers(input.table, 'sepal_width');
		const species = readLabels(input.table, 'species');
		const outputs = test!.outputs as ClassificationOutputs;
		test!.rowIndex.forEach((row, i) => {
			expect(width[row]).toBeGreaterThan(2.9);
			expect(species[row]).toBe(evaluation.classes![outputs.yTrue[i]!]);
		});
	}, 60_000);
});

describe('evaluateRun on a regressor and on k-means', () => {
	it('diabetes: the run’s r2, mae and rmse, the other metrics and the mean baseline', async () => {
		const trained = await trainRun('diabetes.csv', {
			targets: ['progression'],
			settings: { epochs: 5, seed: 2 }
		});
		const evaluation = await evaluateRun(loadSample('diabetes.csv'), trained.run, trained.artifact);
		const [test] = evaluation.splits;
		expect(evaluation.splits).toHaveLength(1);
		const stored = trained.run.metrics.test as { r2: number; mae: number; rmse: number };
		expect(test!.metrics).toMatchObject({ r2: stored.r2, mae: stored.mae, rmse: stored.rmse });
		const outputs = test!.outputs as RegressionOutputs;
		expect(test!.metrics.mse).toBe(meanSquaredError(outputs.actual[0]!, outputs.predicted[0]!));
		expect(outputs.perOutput.progression!.median_ae).toBe(test!.metrics.median_ae);
		expect(test!.baseline!.r2!).toBeLessThanOrEqual(0);
		expect(test!.baseline!.r2!).toBeGreaterThan(-0.1);
		expect(test!.rows).toBe(trained.run.rows.test);
	}, 60_000);

	it('k-means: the run’s inertia and silhouette, Davies–Bouldin, adjusted Rand against species, PCA', async () => {
		const input = loadSample('iris.csv');
		const trained = await trainRun('iris.csv', {
			targets: ['species'],
			task: 'clustering',
			k: 3,
			settings: { seed: 3 }
		});
		const evaluation = await evaluateRun(input, trained.run, trained.artifact);
		const [test] = evaluation.splits;
		const stored = trained.run.metrics.test as { inertia: number; silhouette: number };
		expect(test!.metrics.inertia).toBe(stored.inertia);
		expect(test!.metrics.silhouette).toBe(stored.silhouette);
		expect(test!.metrics.davies_bouldin).toBeGreaterThan(0);
		expect(test!.metrics.adjusted_rand).toBeGreaterThan(0.3);
		const outputs = test!.outputs;
		expect(outputs.kind).toBe('clustering');
		if (outputs.kind !== 'clustering') return;
		expect(outputs.projection).toHaveLength(test!.rows * 2);
		expect(outputs.explainedVariance[0]).toBeGreaterThan(outputs.explainedVariance[1]);
	}, 60_000);
});
