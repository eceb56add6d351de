// Issue 14 item 1: deleting a data set names and handles what depends on it; orphans are found, moved
// or freed; every change is one transaction.
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ColumnSchema } from '../../../../src/lib/core/table/column-types.ts';
import { openStudioDb, type StudioDb } from '../../../../src/lib/core/registry/db.ts';
import { saveDatasetVersion } from '../../../../src/lib/core/registry/datasets.ts';
import {
	datasetDependents,
	deleteDatasetWithDependents,
	descendantsOf
} from '../../../../src/lib/core/registry/dependents.ts';
import {
	ORPHAN_REPAIR_KEY,
	deleteOrphans,
	findOrphans,
	moveRunToDataset,
	repairOrphansOnce,
	schemaMismatch,
	versionsForRun
} from '../../../../src/lib/core/registry/orphans.ts';
import { saveRecipeDraft } from '../../../../src/lib/core/registry/recipes.ts';
import { listRuns, saveRun } from '../../../../src/lib/core/registry/runs.ts';
import { saveModelVersion } from '../../../../src/lib/core/registry/model-versions.ts';
import type { DatasetRecord } from '../../../../src/lib/core/registry/schema.ts';
import type { RunRecord } from '../../../../src/lib/core/train/run-record.ts';

const SCHEMA: ColumnSchema[] = [
	{ name: 'x', type: 'number' },
	{ name: 'y', type: 'category' }
];

function run(dataset: DatasetRecord, name: string): Omit<RunRecord, 'id' | 'artifactId'> {
	return {
		experimentId: dataset.id,
		datasetId: dataset.id,
		datasetHash: dataset.hash,
		name,
		createdAt: '2026-01-01T00:00:00.000Z',
		status: 'completed',
		task: 'classification',
		targets: ['y'],
		classes: ['a', 'b'],
		features: ['x'],
		split: {} as RunRecord['split'],
		recipe: { version: 1, steps: [] },
		fitted: { version: 1, steps: [], inputSchema: SCHEMA, outputSchema: SCHEMA, fittedRows: 7 },
		spec: { family: 'linear', task: 'classification', layers: [] },
		settings: {} as RunRecord['settings'],
		seed: 1,
		backend: { name: 'cpu', reason: 'test' },
		versions: {},
		history: [],
		bestEpoch: 1,
		metrics: {},
		durationMs: 1,
		rows: { train: 7, validation: 2, test: 1 }
	};
}

const weights = (bytes: number) => ({
	kind: 'layers' as const,
	modelTopology: {},
	weightSpecs: [],
	weightData: new Blob([new Uint8Array(bytes)])
});

let db: StudioDb;
let seed = 0;

async function version(
	name: string,
	parentId: string | null = null,
	schema = SCHEMA
): Promise<DatasetRecord> {
	seed++;
	const arrow = Uint8Array.from({ length: 64 }, (_, i) => (i * 7 + seed * 13) & 0xff);
	return (
		await saveDatasetVersion(db, { name, source: { kind: 'paste' }, rows: 10, schema, arrow, parentId })
	).record;
}

async function counts() {
	return {
		datasets: await db.count('datasets'),
		blobs: await db.count('blobs'),
		recipes: await db.count('recipes'),
		runs: await db.count('runs'),
		artifacts: await db.count('artifacts')
	};
}

/** Digits trained once, a version derived from it trained once, and a draft on each. */
async function trainedFamily() {
	const base = await version('Handwritten digits');
	const child = await version('Handwritten digits version 2', base.id);
	const grandchild = await version('Handwritten digits version 3', child.id);
	const baseRun = await saveRun(db, run(base, 'Run 1'), weights(4000));
	const childRun = await saveRun(db, run(child, 'Run 2'), weights(1000));
	for (const d of [base, child])
		await saveRecipeDraft(db, {
			datasetId: d.id,
			recipe: { version: 1, steps: [] },
			split: null,
			target: 'y'
		});
	await db.put('settings', { rules: [] }, `gate:${base.id}`);
	return { base, child, grandchild, baseRun, childRun };
}

beforeEach(async () => {
	db = await openStudioDb({ factory: new IDBFactory() });
});
afterEach(() => {
	vi.restoreAllMocks();
	db.close();
});

describe('datasetDependents', () => {
	it('names the runs (with models), the derived versions and their runs', async () => {
		const { base, child, grandchild, baseRun, childRun } = await trainedFamily();
		const found = await datasetDependents(db, base.id);
		expect(found.runs).toEqual([
			{ id: baseRun.id, name: 'Run 1', createdAt: baseRun.createdAt, hasModel: true }
		]);
		expect(found.derived).toEqual([
			{ id: child.id, name: 'Handwritten digits version 2' },
			{ id: grandchild.id, name: 'Handwritten digits version 3' }
		]);
		expect(found.derivedRuns.map((r) => r.id)).toEqual([childRun.id]);
		expect(await datasetDependents(db, grandchild.id)).toEqual({
			runs: [],
			derived: [],
			derivedRuns: [],
			modelVersions: []
		});
	});

	it('names the model versions trained on the version or a derived one (they are kept, not deleted)', async () => {
		const { base, child, baseRun, childRun } = await trainedFamily();
		const artifact = { kind: 'kmeans' as const, centroids: [[0]] };
		const one = await saveModelVersion(db, { modelName: 'digits', run: childRun, artifact, gate: null });
		const two = await saveModelVersion(db, { modelName: 'digits', run: baseRun, artifact, gate: null });
		expect((await datasetDependents(db, base.id)).modelVersions).toEqual([
			{ modelName: 'digits', version: 1, versionId: one.id },
			{ modelName: 'digits', version: 2, versionId: two.id }
		]);
		expect((await datasetDependents(db, child.id)).modelVersions.map((v) => v.version)).toEqual([1]);
		await deleteDatasetWithDependents(db, base.id, 'delete');
		expect(await db.count('modelVersions')).toBe(2);
	});
});

describe('deleteDatasetWithDependents', () => {
	it("'delete' removes the version, its runs and models, derived versions and theirs, drafts and gate", async () => {
		const { base } = await trainedFamily();
		const other = await version('Iris');
		expect(await deleteDatasetWithDependents(db, base.id, 'delete')).toEqual({
			datasets: 3,
			runs: 2,
			models: 2,
			runsKept: 0
		});
		expect(await counts()).toEqual({ datasets: 1, blobs: 1, recipes: 0, runs: 0, artifacts: 0 });
		expect((await db.getAll('datasets')).map((d) => d.id)).toEqual([other.id]);
		expect(await db.get('settings', `gate:${base.id}`)).toBeUndefined();
		expect(await findOrphans(db)).toEqual({
			runs: [],
			unreachable: { artifacts: [], blobs: [], recipes: [], bytes: 0 }
		});
	});

	it("'keep' keeps runs and models as orphans and re-parents derived versions to the grandparent", async () => {
		const { base, child, grandchild, baseRun } = await trainedFamily();
		expect(await deleteDatasetWithDependents(db, base.id, 'keep')).toEqual({
			datasets: 1,
			runs: 0,
			models: 0,
			runsKept: 1
		});
		expect(await counts()).toEqual({ datasets: 2, blobs: 2, recipes: 1, runs: 2, artifacts: 2 });
		expect((await db.get('datasets', child.id))?.parentId).toBeNull();
		expect((await db.get('datasets', grandchild.id))?.parentId).toBe(child.id);
		const orphans = await findOrphans(db);
		expect(orphans.runs).toHaveLength(1);
		expect(orphans.runs[0]).toMatchObject({
			id: baseRun.id,
			name: 'Run 1',
			experimentId: base.id,
			modelBytes: 4000
		});
	});

	it('is all or nothing: a failure half way leaves every store as it was', async () => {
		const { base } = await trainedFamily();
		const before = await counts();
		const realDelete = IDBObjectStore.prototype.delete;
		vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore, key) {
			if (this.name === 'artifacts') throw new DOMException('disk gone', 'UnknownError');
			return realDelete.call(this, key);
		});
		await expect(deleteDatasetWithDependents(db, base.id, 'delete')).rejects.toThrow();
		vi.restoreAllMocks();
		expect(await counts()).toEqual(before);
		expect(await db.get('datasets', base.id)).toBeDefined();
	});

	it('does nothing for a version that is already gone', async () => {
		await trainedFamily();
		const before = await counts();
		expect(await deleteDatasetWithDependents(db, 'missing', 'delete')).toEqual({
			datasets: 0,
			runs: 0,
			models: 0,
			runsKept: 0
		});
		expect(await counts()).toEqual(before);
	});
});

describe('orphan runs', () => {
	it('move to a version with the same columns, keeping what they trained on; refused otherwise', async () => {
		const { base, baseRun } = await trainedFamily();
		await deleteDatasetWithDependents(db, base.id, 'keep');
		const same = await version('Digits again');
		const narrow = await version('Only x', null, [{ name: 'x', type: 'number' }]);
		const retyped = await version('x as text', null, [
			{ name: 'x', type: 'text' },
			{ name: 'y', type: 'category' }
		]);
		const [orphan] = (await findOrphans(db)).runs;
		expect(versionsForRun(orphan!, [same, narrow, retyped]).map((d) => d.id)).toEqual([same.id]);
		await expect(moveRunToDataset(db, baseRun.id, narrow.id)).rejects.toThrow(
			'Run “Run 1” cannot be evaluated on “Only x”: it lacks the column y.'
		);
		await expect(moveRunToDataset(db, baseRun.id, retyped.id)).rejects.toThrow('x is text, not number');
		const moved = await moveRunToDataset(db, baseRun.id, same.id);
		expect(moved).toMatchObject({ experimentId: same.id, datasetId: base.id, datasetHash: base.hash });
		expect((await listRuns(db, same.id)).map((r) => r.id)).toEqual([baseRun.id]);
		expect((await findOrphans(db)).runs).toEqual([]);
	});

	it('deleteOrphans frees the named runs with their models and everything unreachable', async () => {
		const { base, baseRun } = await trainedFamily();
		await deleteDatasetWithDependents(db, base.id, 'keep');
		// What older code could leave: a model without its run, data without its version, a stray draft.
		await db.put('artifacts', { id: 'lost-model', runId: 'gone', artifact: weights(500) });
		await db.put('blobs', { id: 'lost-blob', blob: new Blob([new Uint8Array(300)]) });
		await db.put('recipes', {
			id: 'dataset:gone',
			datasetId: 'gone',
			recipe: { version: 1, steps: [] },
			split: null,
			target: null,
			updatedAt: ''
		});
		const found = await findOrphans(db);
		expect(found.unreachable).toEqual({
			artifacts: ['lost-model'],
			blobs: ['lost-blob'],
			recipes: ['dataset:gone'],
			bytes: 800
		});
		const before = await counts();
		expect(await deleteOrphans(db, [baseRun.id])).toEqual({ runs: 1, artifacts: 2, blobs: 1, recipes: 1 });
		const after = await counts();
		expect(after).toEqual({
			...before,
			runs: before.runs - 1,
			artifacts: before.artifacts - 2,
			blobs: before.blobs - 1,
			recipes: before.recipes - 1
		});
		expect(await findOrphans(db)).toEqual({
			runs: [],
			unreachable: { artifacts: [], blobs: [], recipes: [], bytes: 0 }
		});
	});
});

describe('repairOrphansOnce', () => {
	it("finds what today's delete left (runs and weights), frees only the unreachable, and runs once", async () => {
		const { base, baseRun } = await trainedFamily();
		// Today's delete: the version, its blob and draft go; runs and weights stay.
		await db.delete('blobs', base.blobId);
		await db.delete('recipes', `dataset:${base.id}`);
		await db.delete('datasets', base.id);
		await db.put('artifacts', { id: 'lost-model', runId: 'gone', artifact: weights(500) });
		const repair = await repairOrphansOnce(db);
		expect(repair).toMatchObject({
			orphanRuns: 1,
			freed: { runs: 0, artifacts: 1, blobs: 0, recipes: 0 },
			bytesFreed: 500
		});
		expect(await db.get('runs', baseRun.id)).toBeDefined();
		expect(await db.get('artifacts', baseRun.artifactId!)).toBeDefined();
		expect(await db.get('settings', ORPHAN_REPAIR_KEY)).toEqual(repair);
		await db.put('artifacts', { id: 'later', runId: 'gone', artifact: weights(10) });
		expect(await repairOrphansOnce(db)).toBeUndefined();
		expect(await db.get('artifacts', 'later')).toBeDefined();
	});
});

describe('pure helpers', () => {
	it('descendantsOf walks the parent chain breadth first and survives a cycle', () => {
		const sets = [
			{ id: 'a', parentId: null },
			{ id: 'b', parentId: 'a' },
			{ id: 'c', parentId: 'b' },
			{ id: 'd', parentId: 'a' },
			{ id: 'e', parentId: 'x' }
		];
		expect(descendantsOf('a', sets)).toEqual(['b', 'd', 'c']);
		expect(
			descendantsOf('p', [
				{ id: 'p', parentId: 'q' },
				{ id: 'q', parentId: 'p' }
			])
		).toEqual(['q']);
	});

	it('schemaMismatch names missing and retyped columns', () => {
		expect(schemaMismatch(SCHEMA, [...SCHEMA, { name: 'extra', type: 'text' }])).toBeUndefined();
		expect(schemaMismatch(SCHEMA, [])).toBe('it lacks the columns x, y');
		expect(schemaMismatch(SCHEMA, [{ name: 'x', type: 'integer' }, SCHEMA[1]!])).toBe(
			'x is integer, not number'
		);
	});
});
