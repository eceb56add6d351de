import { describe, expect, it } from 'vitest';
import {
	bestPositions,
	compareRuns,
	metricDirection,
	metricPaths,
	metricValue,
	MISSING
} from '../../../../src/lib/core/evaluate/compare-runs.ts';
import { fakeRun } from '../report/run-fixture.ts';

const base = fakeRun();

describe('metricDirection', () => {
	it('knows which way is better for the metrics Benchtop reports', () => {
		for (const name of [
			'accuracy',
			'f1_macro',
			'roc_auc',
			'r2',
			'precision_weighted',
			'silhouette',
			'balanced_accuracy'
		])
			expect(metricDirection(name), name).toBe('higher');
		for (const name of [
			'log_loss',
			'mae',
			'rmse',
			'mse',
			'inertia',
			'davies_bouldin',
			'outputs.y.rmse',
			'root_mean_squared_error',
			'mean_absolute_percentage_error'
		])
			expect(metricDirection(name), name).toBe('lower');
		expect(metricDirection('outputs.y.r2')).toBe('higher');
		expect(metricDirection('rows')).toBeUndefined();
		expect(metricDirection('f1ish')).toBeUndefined();
	});
});

describe('compareRuns', () => {
	it('lists only the settings that differ, as readable paths, and marks the best metric per row', () => {
		const other = fakeRun({
			id: 'run-b',
			name: 'second',
			settings: {
				...base.settings,
				epochs: 50,
				earlyStopping: { ...base.settings.earlyStopping, patience: 10 }
			},
			spec: {
				family: 'mlp',
				task: 'classification',
				layers: [{ type: 'dense', units: 32, activation: 'relu' }]
			},
			metrics: {
				validation: { accuracy: 0.95, f1_macro: 0.95, roc_auc: 0.99, log_loss: 0.2, rows: 22 },
				test: { accuracy: 0.913, f1_macro: 0.9, roc_auc: null, log_loss: 0.4, rows: 23 }
			}
		});
		const comparison = compareRuns([base, other]);
		expect(comparison.runs.map((r) => r.id)).toEqual(['run-a', 'run-b']);
		expect(comparison.differences).toEqual([
			{ path: 'spec.layers[1].units', values: ['16', '32'] },
			{ path: 'settings.epochs', values: ['20', '50'] },
			{ path: 'settings.earlyStopping.patience', values: ['5', '10'] }
		]);
		expect(comparison.sameCount).toBeGreaterThan(10);

		const row = (split: string, metric: string) =>
			comparison.metrics.find((m) => m.split === split && m.metric === metric)!;
		expect(comparison.metrics.map((m) => m.metric)).not.toContain('rows');
		expect(row('validation', 'accuracy')).toMatchObject({
			values: [0.9, 0.95],
			best: [1],
			direction: 'higher'
		});
		// A tie marks both; lower is better for log loss; a null is never best.
		expect(row('test', 'accuracy').best).toEqual([0, 1]);
		expect(row('test', 'log_loss')).toMatchObject({ best: [0], direction: 'lower' });
		expect(row('test', 'roc_auc')).toMatchObject({ values: [0.98, null], best: [0] });
	});

	it('shows recipe steps and params that differ, a step only one run has, seed, backend and data version', () => {
		const other = fakeRun({
			id: 'run-b',
			datasetId: 'ds-2',
			seed: 7,
			backend: { name: 'webgpu', reason: 'picked' },
			recipe: {
				version: 1,
				steps: [
					{ op: 'scale', params: { columns: ['sepal_length'], method: 'minmax' }, enabled: true },
					{ op: 'drop', params: { columns: ['petal_width'] }, enabled: false }
				]
			}
		});
		const paths = Object.fromEntries(compareRuns([base, other]).differences.map((d) => [d.path, d.values]));
		expect(paths['data version']).toEqual(['ds-1', 'ds-2']);
		expect(paths['recipe[1].columns']).toEqual(['sepal_length, sepal_width', 'sepal_length']);
		expect(paths['recipe[1].method']).toEqual(['standard', 'minmax']);
		expect(paths['recipe[2].op']).toEqual([MISSING, 'drop']);
		expect(paths['recipe[2].enabled']).toEqual([MISSING, 'false']);
		expect(paths['seed']).toEqual(['42', '7']);
		expect(paths['backend']).toEqual(['cpu', 'webgpu']);
		expect(paths['recipe[1].op']).toBeUndefined();
	});

	it('flattens per-output regression metrics and marks nothing with a single run', () => {
		const regression = fakeRun({
			task: 'multi-output',
			metrics: { test: { r2: 0.5, mae: 1, rmse: 2, outputs: { a: { r2: 0.4, mae: 1, rmse: 2 } }, rows: 10 } }
		});
		const comparison = compareRuns([regression]);
		expect(comparison.differences).toEqual([]);
		expect(comparison.metrics.map((m) => m.metric)).toEqual([
			'r2',
			'mae',
			'rmse',
			'outputs.a.r2',
			'outputs.a.mae',
			'outputs.a.rmse'
		]);
		expect(comparison.metrics.every((m) => m.best.length === 0)).toBe(true);
	});
});

describe('metric helpers', () => {
	it('read nested values and skip non-numbers', () => {
		const metrics = { accuracy: 0.5, notes: ['x'], rows: 3, outputs: { y: { r2: Number.NaN } } };
		expect(metricPaths(metrics)).toEqual(['accuracy', 'outputs.y.r2']);
		expect(metricValue(metrics, 'accuracy')).toBe(0.5);
		expect(metricValue(metrics, 'outputs.y.r2')).toBeNull();
		expect(metricValue(undefined, 'accuracy')).toBeNull();
		expect(bestPositions([null, 2, 1], 'lower')).toEqual([2]);
		expect(bestPositions([null, null], 'higher')).toEqual([]);
		expect(bestPositions([1, 2], undefined)).toEqual([]);
	});
});
