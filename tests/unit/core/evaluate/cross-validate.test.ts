// Cross-validation on small samples with tiny settings on the CPU backend: folds drawn from the run's seed
// (stratified for classes), each fold trained on its own rows and scored on the held-out ones, and the
// same figures on a second run.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	crossValidate,
	crossValidationFolds,
	summarizeFolds,
	trainFold,
	type CrossValidationSetup,
	type FoldResult
} from '../../../../src/lib/core/evaluate/cross-validate.ts';
import { defaultRecipe } from '../../../../src/lib/core/prep/default-recipe.ts';
import { readLabels } from '../../../../src/lib/core/table/read-column.ts';
import { parseTrainSettings } from '../../../../src/lib/core/train/settings.ts';
import { loadSample } from '../data/profile/load-sample.ts';

const iris = loadSample('iris.csv');

function irisSetup(): CrossValidationSetup {
	const settings = parseTrainSettings({ epochs: 15, batchSize: 16, learningRate: 0.05, seed: 7 });
	return {
		task: 'classification',
		targets: ['species'],
		recipe: defaultRecipe(iris, ['species']).recipe,
		spec: { family: 'linear', task: 'classification', layers: [] },
		settings,
		seed: settings.seed
	};
}

beforeAll(async () => {
	await tf.setBackend('cpu');
});

describe('crossValidationFolds', () => {
	it('stratifies classification folds by the target: 50 iris rows per fold, a third of each species', () => {
		const { folds, stratified } = crossValidationFolds(iris, irisSetup(), 3);
		expect(stratified).toBe(true);
		const labels = readLabels(iris.table, 'species');
		for (const fold of folds) {
			expect(fold.test.length).toBe(50);
			expect(fold.train.length).toBe(100);
			const counts = new Map<string, number>();
			for (const row of fold.test) counts.set(labels[row]!, (counts.get(labels[row]!) ?? 0) + 1);
			expect(counts.size).toBe(3);
			for (const count of counts.values()) expect(Math.abs(count - 50 / 3)).toBeLessThan(1);
		}
		const tested = folds.flatMap((fold) => [...fold.test]).sort((a, b) => a - b);
		expect(tested).toEqual(Array.from({ length: 150 }, (_, i) => i));
	});

	it('draws the same folds from the same seed, other folds from another', () => {
		const first = crossValidationFolds(iris, irisSetup(), 3).folds;
		const again = crossValidationFolds(iris, irisSetup(), 3).folds;
		const other = crossValidationFolds(iris, { ...irisSetup(), seed: 8 }, 3).folds;
		expect(again).toEqual(first);
		expect(other).not.toEqual(first);
	});

	it('uses plain k-fold for regression', () => {
		const diabetes = loadSample('diabetes.csv');
		const setup: CrossValidationSetup = { ...irisSetup(), task: 'regression', targets: ['progression'] };
		const { folds, stratified } = crossValidationFolds(diabetes, setup, 4);
		expect(stratified).toBe(false);
		expect(folds.map((f) => f.test.length)).toEqual([111, 111, 110, 110]);
	});
});

describe('summarizeFolds', () => {
	const fold = (index: number, accuracy: number | null): FoldResult => ({
		fold: index,
		trainRows: 10,
		testRows: 5,
		metrics: { accuracy, log_loss: 0.5 },
		epochs: 1,
		durationMs: 1
	});

	it('gives the mean and population std (numpy ddof=0) over the folds where a metric is defined', () => {
		const [accuracy, loss] = summarizeFolds([fold(0, 0.8), fold(1, 0.9), fold(2, null), fold(3, 1)]);
		expect(accuracy!.name).toBe('accuracy');
		expect(accuracy!.values).toEqual([0.8, 0.9, null, 1]);
		expect(accuracy!.mean).toBeCloseTo(0.9, 12);
		// np.std([0.8, 0.9, 1.0]) = 0.0816496580927726
		expect(accuracy!.std).toBeCloseTo(0.0816496580927726, 12);
		expect(loss).toEqual({ name: 'log_loss', values: [0.5, 0.5, 0.5, 0.5], mean: 0.5, std: 0 });
	});

	it('leaves mean and std null when no fold defines the metric', () => {
		expect(summarizeFolds([fold(0, null)])[0]).toEqual({
			name: 'accuracy',
			values: [null],
			mean: null,
			std: null
		});
	});
});

describe('crossValidate', () => {
	it('iris, 3 folds: a row per fold, metricsSummary names, the same figures twice', async () => {
		const seen: number[] = [];
		const progressed = new Set<number>();
		const result = await crossValidate(iris, irisSetup(), {
			k: 3,
			onFold: (fold) => seen.push(fold.fold),
			onFoldProgress: (fold) => progressed.add(fold)
		});
		expect(result.k).toBe(3);
		expect(result.folds).toHaveLength(3);
		expect(seen).toEqual([0, 1, 2]);
		expect([...progressed]).toEqual([0, 1, 2]);
		for (const fold of result.folds) {
			expect(fold.trainRows).toBe(100);
			expect(fold.testRows).toBe(50);
			expect(Object.keys(fold.metrics)).toEqual(['accuracy', 'f1_macro', 'roc_auc', 'log_loss']);
			expect(fold.metrics.accuracy).toBeGreaterThan(0.6);
			expect(fold.epochs).toBeGreaterThan(0);
		}
		const accuracy = result.summary.find((m) => m.name === 'accuracy')!;
		const values = result.folds.map((f) => f.metrics.accuracy as number);
		expect(accuracy.values).toEqual(values);
		expect(accuracy.mean).toBeCloseTo(values.reduce((a, b) => a + b) / 3, 12);

		const again = await crossValidate(iris, irisSetup(), { k: 3 });
		expect(again.folds.map((f) => f.metrics)).toEqual(result.folds.map((f) => f.metrics));
	}, 60_000);

	it('names a held-out class that the fold’s training rows lack instead of scoring it silently', async () => {
		// Train on setosa and versicolor only: the classes come from the fold's training rows.
		const labels = readLabels(iris.table, 'species');
		const train = Uint32Array.from(labels.flatMap((label, i) => (label === 'virginica' ? [] : [i])));
		const test = Uint32Array.from(labels.flatMap((label, i) => (label === 'virginica' ? [i] : [])));
		await expect(trainFold(iris, irisSetup(), { train, test }, 0)).rejects.toThrow(/virginica/);
	}, 60_000);

	it('regression (linnerud, 3 outputs): r2, mae and rmse per fold', async () => {
		const linnerud = loadSample('linnerud.csv');
		const targets = ['Weight', 'Waist', 'Pulse'];
		const settings = parseTrainSettings({ epochs: 5, batchSize: 8, seed: 3 });
		const result = await crossValidate(
			linnerud,
			{
				task: 'multi-output',
				targets,
				recipe: defaultRecipe(linnerud, targets).recipe,
				spec: { family: 'linear', task: 'multi-output', layers: [] },
				settings,
				seed: 3
			},
			{ k: 4 }
		);
		expect(result.stratified).toBe(false);
		expect(result.folds.map((f) => f.testRows)).toEqual([5, 5, 5, 5]);
		expect(result.summary.map((m) => m.name)).toEqual(['r2', 'mae', 'rmse']);
		for (const metric of result.summary) expect(metric.std).toBeGreaterThanOrEqual(0);
	}, 60_000);

	it('k-means: inertia and silhouette on each fold’s held-out rows', async () => {
		const features = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
		const result = await crossValidate(
			iris,
			{
				task: 'clustering',
				targets: [],
				recipe: {
					version: 1,
					steps: [
						{ op: 'drop', enabled: true, params: { columns: ['species'] } },
						{ op: 'scale', enabled: true, params: { columns: features } }
					]
				},
				spec: { family: 'kmeans', task: 'clustering', k: 3, restarts: 2, maxIterations: 50 },
				settings: parseTrainSettings({ seed: 1 }),
				seed: 1
			},
			{ k: 3 }
		);
		expect(result.stratified).toBe(false);
		for (const fold of result.folds) {
			expect(fold.metrics.inertia).toBeGreaterThan(0);
			expect(fold.metrics.silhouette).toBeGreaterThan(0.2);
			expect(fold.epochs).toBe(0);
		}
	});

	it('refuses fewer than 2 folds with a sentence', async () => {
		await expect(crossValidate(iris, irisSetup(), { k: 1 })).rejects.toThrow(/at least 2/);
	});
});
