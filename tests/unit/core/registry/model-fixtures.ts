// A run record and artifacts for the model registry's tests (shaped like runs.test.ts's run).
import type { LayersArtifact } from '../../../../src/lib/core/models/artifact.ts';
import type { RunRecord } from '../../../../src/lib/core/train/run-record.ts';

export function fakeRun(experimentId: string, createdAt: string, id = `run-${createdAt}`): RunRecord {
	return {
		id,
		artifactId: null,
		experimentId,
		datasetId: experimentId,
		datasetHash: 'ab'.repeat(32),
		name: `run at ${createdAt}`,
		createdAt,
		status: 'completed',
		task: 'classification',
		targets: ['y'],
		classes: ['a', 'b'],
		features: ['x'],
		split: {
			method: 'random',
			train: 0.7,
			validation: 0.15,
			test: 0.15,
			seed: 1,
			counts: { train: 7, validation: 2, test: 1 },
			excludedRows: 0,
			indicesHash: '0123456789abcdef',
			warnings: []
		},
		recipe: { version: 1, steps: [] },
		fitted: {
			version: 1,
			steps: [],
			inputSchema: [
				{ name: 'x', type: 'number' },
				{ name: 'colour', type: 'category' }
			],
			outputSchema: [],
			fittedRows: 7
		},
		spec: { family: 'linear', task: 'classification', layers: [] },
		settings: {
			epochs: 1,
			batchSize: 4,
			optimizer: 'adam',
			learningRate: 0.01,
			momentum: 0.9,
			validationFraction: 0.1,
			classWeights: 'none',
			earlyStopping: { enabled: false, monitor: 'loss', patience: 5, restoreBest: false },
			seed: 1
		},
		seed: 1,
		backend: { name: 'cpu', reason: 'test' },
		versions: { tfjs: '4.22.0' },
		history: [{ epoch: 1, loss: 0.5 }],
		bestEpoch: 1,
		metrics: { test: { accuracy: 1 } },
		durationMs: 12,
		rows: { train: 7, validation: 2, test: 1 }
	};
}

export function fakeLayers(values: number[]): LayersArtifact {
	return {
		kind: 'layers',
		modelTopology: { class_name: 'Sequential' },
		weightSpecs: [{ name: 'w', shape: [values.length], dtype: 'float32' }],
		weightData: new Blob([new Float32Array(values)])
	};
}
