import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ModelVersionRecord } from '../../../src/lib/core/registry/index.ts';
import { openRegistry, type Registry } from '../../../src/lib/core/registry/registry.ts';
import type { ModelArtifact, RunRecord } from '../../../src/lib/core/train/run-record.ts';
import { dataRefOf, dataStoreOf, runRefOf, versionRefOf } from '../../../src/lib/state/data-ref.ts';

const version = {
	name: 'three rows',
	source: { kind: 'paste' as const },
	rows: 3,
	schema: [{ name: 'x', type: 'integer' as const }],
	arrow: Uint8Array.from({ length: 64 }, (_, i) => i)
};

describe('dataRefOf and dataStoreOf', () => {
	it('name a version by id when IndexedDB is there, and say workers store what they make', async () => {
		const registry = await openRegistry({ factory: new IDBFactory() });
		const { record } = await registry.saveDatasetVersion(version);
		expect(await dataRefOf(registry, record.id)).toEqual({ kind: 'stored', id: record.id });
		expect(dataStoreOf(registry)).toBe('stored');
		registry.close();
	});

	it('carry the stored Blob in memory-only mode, and hand what workers make back to the page', async () => {
		// Node has no IndexedDB: the registry opens in memory, as a browser without storage does.
		const registry = await openRegistry();
		expect(registry.persistent).toBe(false);
		const { record } = await registry.saveDatasetVersion(version);
		const ref = await dataRefOf(registry, record.id);
		expect(ref.kind).toBe('memory');
		expect(ref.id).toBe(record.id);
		if (ref.kind !== 'memory') throw new Error('expected a memory ref');
		expect(new Uint8Array(await ref.blob.arrayBuffer())).toEqual(version.arrow);
		expect(dataStoreOf(registry)).toBe('memory');
		await expect(dataRefOf(registry, 'gone')).rejects.toMatchObject({ code: 'not-found' });
		registry.close();
	});
});

describe('runRefOf', () => {
	const run = { id: 'run-1' } as RunRecord;
	const artifact: ModelArtifact = { kind: 'kmeans', centroids: [[0, 1]] };

	it('names a run by id when the worker can read it itself', async () => {
		const registry = { persistent: true } as Registry;
		expect(await runRefOf(registry, run)).toEqual({ runId: 'run-1' });
	});

	it('carries the run and its weights in memory-only mode', async () => {
		const registry = { persistent: false, loadRunArtifact: async () => artifact } as unknown as Registry;
		const ref = await runRefOf(registry, run);
		expect(ref).toEqual({ runId: 'run-1', run, artifact });
		expect(ref.run).toBe(run);
	});
});

describe('versionRefOf', () => {
	const run = { id: 'run-1' } as RunRecord;
	const version = { id: 'v-1', run } as ModelVersionRecord;
	const artifact: ModelArtifact = { kind: 'kmeans', centroids: [[0, 1]] };

	it('names a version by id when the worker can read it itself', async () => {
		const registry = { persistent: true } as Registry;
		expect(await versionRefOf(registry, version)).toEqual({ versionId: 'v-1' });
	});

	it('carries the version’s run and checked weights in memory-only mode', async () => {
		const read: ModelVersionRecord[] = [];
		const registry = {
			persistent: false,
			loadModelVersionArtifact: async (v: ModelVersionRecord) => (read.push(v), { artifact })
		} as unknown as Registry;
		expect(await versionRefOf(registry, version)).toEqual({ versionId: 'v-1', run, artifact });
		expect(read).toEqual([version]);
	});
});
