// Test helper: a complete run record (an iris-like MLP run) to vary in comparison, gate and report tests.
import type { RunRecord } from '../../../../src/lib/core/train/run-record.ts';

export function fakeRun(overrides: Partial<RunRecord> = {}): RunRecord {
	return {
		id: 'run-a',
		experimentId: 'ds-1',
		datasetId: 'ds-1',
		datasetHash: 'ab'.repeat(32),
		name: 'MLP · species · iris',
		createdAt: '2026-01-01T00:00:00Z',
		status: 'completed',
		task: 'classification',
		targets: ['species'],
		classes: ['setosa', 'versicolor', 'virginica'],
		features: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
		split: {
			method: 'stratified',
			train: 0.7,
			validation: 0.15,
			test: 0.15,
			seed: 42,
			column: 'species',
			counts: { train: 105, validation: 22, test: 23 },
			excludedRows: 0,
			indicesHash: '0123456789abcdef',
			warnings: []
		},
		recipe: {
			version: 1,
			steps: [
				{
					op: 'scale',
					params: { columns: ['sepal_length', 'sepal_width'], method: 'standard' },
					enabled: true
				}
			]
		},
		fitted: {
			version: 1,
			steps: [],
			inputSchema: [
				{ name: 'sepal_length', type: 'number' },
				{ name: 'sepal_width', type: 'number' },
				{ name: 'petal_length', type: 'number' },
				{ name: 'petal_width', type: 'number' },
				{ name: 'species', type: 'category' }
			],
			outputSchema: [],
			fittedRows: 105
		},
		spec: {
			family: 'mlp',
			task: 'classification',
			layers: [{ type: 'dense', units: 16, activation: 'relu' }]
		},
		settings: {
			epochs: 20,
			batchSize: 32,
			optimizer: 'adam',
			learningRate: 0.01,
			momentum: 0.9,
			validationFraction: 0.1,
			classWeights: 'none',
			earlyStopping: { enabled: true, monitor: 'val_loss', patience: 5, restoreBest: true },
			seed: 42
		},
		seed: 42,
		backend: { name: 'cpu', reason: 'chosen automatically' },
		versions: { benchtop: '0.1.0', tfjs: '4.22.0' },
		history: [
			{ epoch: 1, loss: 1.0, metric: 0.5, valLoss: 0.9, valMetric: 0.55 },
			{ epoch: 2, loss: 0.6, metric: 0.8, valLoss: 0.55, valMetric: 0.85 },
			{ epoch: 3, loss: 0.4, metric: 0.9, valLoss: 0.45, valMetric: 0.9 }
		],
		bestEpoch: 3,
		metrics: {
			validation: { accuracy: 0.9, f1_macro: 0.89, roc_auc: 0.97, log_loss: 0.3, rows: 22 },
			test: { accuracy: 0.913, f1_macro: 0.91, roc_auc: 0.98, log_loss: 0.25, rows: 23 }
		},
		durationMs: 1234,
		rows: { train: 105, validation: 22, test: 23 },
		artifactId: 'artifact-a',
		...overrides
	};
}
