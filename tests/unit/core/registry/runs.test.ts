import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openRegistry } from '../../../../src/lib/core/registry/registry.ts';
import type { RunRecord } from '../../../../src/lib/core/train/run-record.ts';

function run(experimentId: string, createdAt: string): Omit<RunRecord, 'id' | 'artifactId'> {
	return {
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
		fitted: { version: 1, steps: [], inputSchema: [], outputSchema: [], fittedRows: 7 },
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

describe('runs', () => {
	it('stores a run with its weights together, lists an experiment newest first, and deletes both', async () => {
		const registry = await openRegistry({ factory: new IDBFactory() });
		const weights = new Blob([new Float32Array([1, 2, 3])]);
		const first = await registry.saveRun(run('e1', '2026-01-01T00:00:00Z'), {
			kind: 'layers',
			modelTopology: { class_name: 'Sequential' },
			weightSpecs: [{ name: 'w', shape: [3], dtype: 'float32' }],
			weightData: weights
		});
		const second = await registry.saveRun(run('e1', '2026-01-02T00:00:00Z'), {
			kind: 'kmeans',
			centroids: [[0, 1]]
		});
		await registry.saveRun(run('e2', '2026-01-03T00:00:00Z'), null);

		expect((await registry.listRuns('e1')).map((r) => r.id)).toEqual([second.id, first.id]);
		expect(await registry.getRun(first.id)).toEqual(first);
		const artifact = await registry.loadRunArtifact(first);
		expect(artifact.kind).toBe('layers');
		if (artifact.kind === 'layers') {
			expect(new Float32Array(await artifact.weightData.arrayBuffer())).toEqual(new Float32Array([1, 2, 3]));
		}
		expect(await registry.loadRunArtifact(second)).toEqual({ kind: 'kmeans', centroids: [[0, 1]] });

		await registry.deleteRun(first.id);
		expect(await registry.getRun(first.id)).toBeUndefined();
		await expect(registry.loadRunArtifact(first)).rejects.toMatchObject({ code: 'not-found' });
		expect((await registry.listRuns('e2'))[0]!.artifactId).toBeNull();
	});
});
