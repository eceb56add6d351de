import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openRegistry } from '../../../../src/lib/core/registry/registry.ts';
// saveRun gives each record its own id and artifactId, whatever the fixture's were.
import { fakeLayers, fakeRun as run } from './model-fixtures.ts';

describe('runs', () => {
	it('stores a run with its weights together, lists an experiment newest first, and deletes both', async () => {
		const registry = await openRegistry({ factory: new IDBFactory() });
		const first = await registry.saveRun(run('e1', '2026-01-01T00:00:00Z'), fakeLayers([1, 2, 3]));
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
