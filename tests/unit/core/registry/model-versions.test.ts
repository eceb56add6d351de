import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStudioDb } from '../../../../src/lib/core/registry/db.ts';
import {
	checkModelName,
	cleanTags,
	deleteModelVersion,
	editModelVersionNotes,
	getModelByName,
	getModelVersion,
	listModelVersions,
	listModels,
	loadModelVersionArtifact,
	modelStorageUsage,
	saveModelVersion,
	versionsTrainedOn
} from '../../../../src/lib/core/registry/model-versions.ts';
import { moveAlias } from '../../../../src/lib/core/registry/model-aliases.ts';
import { openRegistry } from '../../../../src/lib/core/registry/registry.ts';
import { fakeLayers, fakeRun } from './model-fixtures.ts';

const PASS = { pass: true, reasons: ['test accuracy 1 meets ≥ 0.9.'] };

describe('model versions', () => {
	it('numbers versions of one name 1, 2… and keeps lineage, labels, schema, metrics and gate', async () => {
		const db = await openStudioDb({ factory: new IDBFactory() });
		const first = await saveModelVersion(db, {
			modelName: '  churn  ',
			run: fakeRun('d1', '2026-01-01T00:00:00Z'),
			artifact: fakeLayers([1, 2, 3]),
			gate: PASS,
			datasetName: 'churn.csv'
		});
		const second = await saveModelVersion(db, {
			modelName: 'churn',
			run: fakeRun('d1', '2026-01-02T00:00:00Z'),
			artifact: fakeLayers([4, 5, 6]),
			gate: null,
			parentVersionId: first.id,
			tags: [' a ', 'a', '', 'b']
		});
		const other = await saveModelVersion(db, {
			modelName: 'clusters',
			run: fakeRun('d2', '2026-01-03T00:00:00Z'),
			artifact: { kind: 'kmeans', centroids: [[0, 1]] },
			gate: null
		});

		expect([first.version, second.version, other.version]).toEqual([1, 2, 1]);
		expect(second.modelId).toBe(first.modelId);
		expect(other.modelId).not.toBe(first.modelId);
		expect((await listModels(db)).map((m) => [m.name, m.latestVersion])).toEqual([
			['churn', 2],
			['clusters', 1]
		]);
		expect(first.labels).toEqual(['a', 'b']);
		expect(first.inputSchema).toEqual([
			{ name: 'x', type: 'number' },
			{ name: 'colour', type: 'category' }
		]);
		expect(first.metrics).toEqual({ test: { accuracy: 1 } });
		expect(first.gate).toEqual(PASS);
		expect(first.lineage).toMatchObject({
			datasetId: 'd1',
			datasetHash: 'ab'.repeat(32),
			datasetName: 'churn.csv',
			runId: 'run-2026-01-01T00:00:00Z',
			parentVersionId: null
		});
		expect(second.lineage.parentVersionId).toBe(first.id);
		expect(second.tags).toEqual(['a', 'b']);
		expect(first.artifact.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(first.artifact.sha256).not.toBe(second.artifact.sha256);
		expect((await listModelVersions(db, first.modelId)).map((v) => v.version)).toEqual([2, 1]);
		expect(await getModelVersion(db, first.id)).toEqual(first);
		expect((await getModelByName(db, ' churn'))?.id).toBe(first.modelId);

		const loaded = await loadModelVersionArtifact(db, first);
		expect(loaded.artifact.kind).toBe('layers');
		if (loaded.artifact.kind === 'layers') {
			expect(new Float32Array(await loaded.artifact.weightData.arrayBuffer())).toEqual(
				new Float32Array([1, 2, 3])
			);
		}
		expect((await loadModelVersionArtifact(db, other)).artifact).toEqual({
			kind: 'kmeans',
			centroids: [[0, 1]]
		});
		db.close();
	});

	it('refuses weights whose bytes no longer match the recorded SHA-256', async () => {
		const db = await openStudioDb({ factory: new IDBFactory() });
		const version = await saveModelVersion(db, {
			modelName: 'm',
			run: fakeRun('d1', '2026-01-01T00:00:00Z'),
			artifact: fakeLayers([1, 2, 3]),
			gate: null
		});
		const stored = (await db.get('versionArtifacts', version.artifact.id))!;
		await db.put('versionArtifacts', { ...stored, artifact: fakeLayers([1, 2, 3.5]) });
		await expect(loadModelVersionArtifact(db, version)).rejects.toThrow(/do not match what was saved/);
		await db.delete('versionArtifacts', version.artifact.id);
		await expect(loadModelVersionArtifact(db, version)).rejects.toMatchObject({ code: 'not-found' });
		db.close();
	});

	it('writes nothing when the transaction fails part way (no model, no version, no weights)', async () => {
		const db = await openStudioDb({ factory: new IDBFactory() });
		await expect(
			saveModelVersion(db, {
				modelName: 'm',
				run: fakeRun('d1', '2026-01-01T00:00:00Z'),
				artifact: fakeLayers([1]),
				gate: null,
				parentVersionId: 'missing'
			})
		).rejects.toMatchObject({ code: 'not-found' });
		// A value IndexedDB cannot clone fails the put after the model record was written.
		const run = { ...fakeRun('d1', '2026-01-01T00:00:00Z'), uncloneable: () => 1 };
		await expect(
			saveModelVersion(db, { modelName: 'm', run, artifact: fakeLayers([1]), gate: null })
		).rejects.toBeTruthy();
		expect(await db.count('models')).toBe(0);
		expect(await db.count('modelVersions')).toBe(0);
		expect(await db.count('versionArtifacts')).toBe(0);
		db.close();
	});

	it('edits only notes and tags; deletes a version unless an alias points at it', async () => {
		const db = await openStudioDb({ factory: new IDBFactory() });
		const saved = await saveModelVersion(db, {
			modelName: 'm',
			run: fakeRun('d1', '2026-01-01T00:00:00Z'),
			artifact: fakeLayers([1]),
			gate: PASS
		});
		const edited = await editModelVersionNotes(db, saved.id, { notes: 'good one', tags: ['prod'] });
		expect({ ...edited, notes: saved.notes, tags: saved.tags }).toEqual(saved);
		expect([edited.notes, edited.tags]).toEqual(['good one', ['prod']]);

		await moveAlias(db, { modelId: saved.modelId, alias: 'champion', versionId: saved.id });
		await expect(deleteModelVersion(db, saved.id)).rejects.toThrow(/is champion: move that alias/);
		await moveAlias(db, { modelId: saved.modelId, alias: 'champion', versionId: null });
		await deleteModelVersion(db, saved.id);
		expect(await db.count('modelVersions')).toBe(0);
		expect(await db.count('versionArtifacts')).toBe(0);
		expect(await db.count('models')).toBe(0);
		db.close();
	});

	it('reports bytes per model and the versions trained on a data set', async () => {
		const db = await openStudioDb({ factory: new IDBFactory() });
		const a = await saveModelVersion(db, {
			modelName: 'a',
			run: fakeRun('d1', '2026-01-01T00:00:00Z'),
			artifact: fakeLayers([1, 2]),
			gate: null
		});
		await saveModelVersion(db, {
			modelName: 'a',
			run: fakeRun('d2', '2026-01-02T00:00:00Z'),
			artifact: fakeLayers([1, 2, 3]),
			gate: null
		});
		const usage = await modelStorageUsage(db);
		expect(usage).toHaveLength(1);
		expect(usage[0]!.versions).toBe(2);
		// Each artifact: its JSON head plus 8 and 12 weight bytes.
		expect(usage[0]!.bytes).toBe(a.artifact.bytes + (await listModelVersions(db))[0]!.artifact.bytes);
		expect(usage[0]!.bytes).toBeGreaterThan(20);
		expect(await versionsTrainedOn(db, 'd1')).toEqual([{ modelName: 'a', version: 1, versionId: a.id }]);
		expect(await versionsTrainedOn(db, 'nothing')).toEqual([]);
		db.close();
	});

	it('checks names and tags with clear messages', () => {
		expect(checkModelName('  x ')).toBe('x');
		expect(() => checkModelName('   ')).toThrow('Give the model a name.');
		expect(() => checkModelName('x'.repeat(101))).toThrow(/at most 100 characters \(this one has 101\)/);
		expect(cleanTags(['b', ' a', 'b', ''])).toEqual(['b', 'a']);
	});

	it('is reachable through the registry the UI holds', async () => {
		const registry = await openRegistry({ factory: new IDBFactory() });
		const saved = await registry.saveModelVersion({
			modelName: 'm',
			run: fakeRun('d1', '2026-01-01T00:00:00Z'),
			artifact: fakeLayers([1]),
			gate: null
		});
		expect((await registry.listModels()).map((m) => m.name)).toEqual(['m']);
		expect((await registry.listModelVersions()).map((v) => v.id)).toEqual([saved.id]);
		expect((await registry.loadModelVersionArtifact(saved)).artifact.kind).toBe('layers');
		registry.close();
	});
});
