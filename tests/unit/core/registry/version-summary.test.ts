// Version summaries (schema 4): written with every version, deleted with it, listed without the heavy
// record; a schema 3 database's versions get theirs in the upgrade; a backup (which carries no
// summaries) restores them.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { importBackup, exportWorkspace } from '../../../../src/lib/core/backup/workspace-backup.ts';
import { DB_VERSION, openStudioDb } from '../../../../src/lib/core/registry/db.ts';
import { aliasHistory, moveAlias } from '../../../../src/lib/core/registry/model-aliases.ts';
import {
	deleteModel,
	deleteModelVersion,
	listModelVersions,
	listVersionSummaries,
	modelStorageUsage,
	saveModelVersion
} from '../../../../src/lib/core/registry/model-versions.ts';
import type { ModelVersionRecord } from '../../../../src/lib/core/registry/model-records.ts';
import {
	driftChoices,
	numericMetrics,
	summariseVersion,
	type ModelVersionSummary
} from '../../../../src/lib/core/registry/version-summary.ts';
import type { TrainingProfile } from '../../../../src/lib/core/drift/training-profile.ts';
import { fakeLayers, fakeRun } from './model-fixtures.ts';

/** Two versions of one model, as the registry writes them, the second with a heavy run. */
async function twoVersions(factory = new IDBFactory()) {
	const db = await openStudioDb({ factory, name: 'source' });
	const run = fakeRun('d1', '2026-01-01T00:00:00Z');
	const first = await saveModelVersion(db, {
		modelName: 'churn',
		run: { ...run, metrics: { test: { accuracy: 0.9, confusion: [[1, 0]], macro: { f1: 0.8 } } } },
		artifact: fakeLayers([1, 2, 3]),
		gate: { pass: true, reasons: ['ok'] },
		datasetName: 'churn.csv'
	});
	const heavyHistory = Array.from({ length: 2000 }, (_, i) => ({ epoch: i + 1, loss: 1 / (i + 1) }));
	const second = await saveModelVersion(db, {
		modelName: 'churn',
		run: { ...run, id: 'run-2', history: heavyHistory },
		artifact: fakeLayers([4, 5, 6, 7]),
		gate: null,
		parentVersionId: first.id
	});
	return { db, first, second };
}

describe('version summaries', () => {
	it('keeps the numeric metrics only, nested objects included', () => {
		expect(
			numericMetrics({ accuracy: 0.5, confusion: [[1]], macro: { f1: 0.4, labels: ['a'] }, note: 'x' })
		).toEqual({ accuracy: 0.5, macro: { f1: 0.4 } });
	});

	it('is written in the same transaction as its version and deleted with it', async () => {
		const { db, first, second } = await twoVersions();
		const summaries = await listVersionSummaries(db);
		expect(summaries.map((s) => s.version)).toEqual([2, 1]);
		expect(summaries[1]).toEqual({
			id: first.id,
			modelId: first.modelId,
			version: 1,
			createdAt: first.createdAt,
			task: 'classification',
			family: 'linear',
			metrics: { test: { accuracy: 0.9, macro: { f1: 0.8 } } },
			bytes: first.artifact.bytes,
			datasetId: 'd1',
			datasetName: 'churn.csv',
			runId: first.run.id,
			parentVersionId: null,
			gatePass: true,
			rows: 'table',
			trainingProfile: false
		});
		expect(summaries[0]).toMatchObject({
			parentVersionId: first.id,
			gatePass: null,
			bytes: second.artifact.bytes
		});
		// Light: the summary of the version with 2,000 epochs of history is a few hundred bytes.
		expect(JSON.stringify(summaries[0]).length).toBeLessThan(600);
		expect(JSON.stringify(second).length).toBeGreaterThan(40_000);
		expect(await listVersionSummaries(db, 'no-such-model')).toEqual([]);
		expect((await modelStorageUsage(db))[0]).toMatchObject({
			versions: 2,
			bytes: first.artifact.bytes + second.artifact.bytes
		});

		await deleteModelVersion(db, second.id);
		expect((await listVersionSummaries(db)).map((s) => s.id)).toEqual([first.id]);
		expect(await db.count('versionSummaries')).toBe(1);
	});

	it('deleting a model takes its versions, weights, summaries and alias history, and nothing else', async () => {
		const { db, first, second } = await twoVersions();
		const other = await saveModelVersion(db, {
			modelName: 'other',
			run: first.run,
			artifact: fakeLayers([9]),
			gate: null
		});
		await moveAlias(db, { modelId: first.modelId, alias: 'champion', versionId: second.id, reason: 'best' });
		expect(await deleteModel(db, first.modelId)).toEqual({ versions: 2 });
		expect((await listVersionSummaries(db)).map((s) => s.id)).toEqual([other.id]);
		expect((await listModelVersions(db)).map((v) => v.id)).toEqual([other.id]);
		expect(await db.count('versionArtifacts')).toBe(1);
		expect(await aliasHistory(db, first.modelId)).toEqual([]);
		expect((await db.getAll('models')).map((m) => m.name)).toEqual(['other']);
		expect(await deleteModel(db, first.modelId)).toEqual({ versions: 0 });
	});

	it('a schema 3 database gets a summary of every stored version in the upgrade', async () => {
		const { db: current } = await twoVersions();
		const stored = await listModelVersions(current);
		const models = await current.getAll('models');
		current.close();

		// The database as schema 3 left it: the registry's stores, versions and no summaries.
		const factory = new IDBFactory();
		await new Promise<void>((resolve, reject) => {
			const request = factory.open('v3', 3);
			request.onupgradeneeded = () => {
				const db = request.result;
				for (const name of ['datasets', 'blobs', 'recipes', 'experiments', 'runs', 'artifacts'])
					db.createObjectStore(name, { keyPath: 'id' });
				db.createObjectStore('settings');
				const tx = request.transaction!;
				tx.objectStore('runs').createIndex('by-experiment', 'experimentId');
				db.createObjectStore('models', { keyPath: 'id' }).createIndex('by-name', 'name', { unique: true });
				const versions = db.createObjectStore('modelVersions', { keyPath: 'id' });
				versions.createIndex('by-model', 'modelId');
				versions.createIndex('by-run', 'lineage.runId');
				versions.createIndex('by-dataset', 'lineage.datasetId');
				db.createObjectStore('versionArtifacts', { keyPath: 'id' });
				db.createObjectStore('aliasEvents', { keyPath: 'id' }).createIndex('by-model', 'modelId');
				for (const model of models) tx.objectStore('models').put(model);
				for (const version of stored) tx.objectStore('modelVersions').put(version);
				// A record the registry never wrote: the upgrade goes on without it rather than failing.
				tx.objectStore('modelVersions').put({ id: 'broken', modelId: models[0]!.id });
				// One saved before runs kept their spec: still listed, what a row is left unknown.
				const { spec: _spec, ...oldRun } = stored[1]!.run;
				tx.objectStore('modelVersions').put({ ...stored[1]!, id: 'no-spec', run: oldRun });
			};
			request.onsuccess = () => {
				request.result.close();
				resolve();
			};
			request.onerror = () => reject(request.error);
		});

		const db = await openStudioDb({ factory, name: 'v3' });
		expect(db.version).toBe(DB_VERSION);
		const summaries = await listVersionSummaries(db, models[0]!.id);
		const noSpec = summaries.find((s) => s.id === 'no-spec');
		expect(noSpec).toMatchObject({
			version: 1,
			trainingProfile: stored[1]!.run.trainingProfile !== undefined
		});
		expect(noSpec).not.toHaveProperty('rows');
		expect(summaries.filter((s) => s.id !== 'no-spec')).toEqual(stored.map((v) => summariseVersion(v)));
		expect(summaries.map((s) => s.version)).toEqual([2, 1, 1]);
		// The versions themselves are untouched.
		expect((await db.get('modelVersions', stored[0]!.id))!.run.history).toHaveLength(2000);
		db.close();
	});

	it('a restored backup lists its versions (a backup carries no summaries)', async () => {
		const { db } = await twoVersions();
		const chunks: Uint8Array[] = [];
		const { manifest } = await exportWorkspace(db, (chunk) => void chunks.push(chunk.slice()), {
			createdBy: 'test'
		});
		expect(manifest.stores.versionSummaries).toBeUndefined();
		const bytes = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
		let at = 0;
		for (const chunk of chunks) {
			bytes.set(chunk, at);
			at += chunk.length;
		}
		const target = await openStudioDb({ factory: new IDBFactory() });
		await importBackup(target, bytes, 'two.benchtop.zip');
		const restored = await listModelVersions(target);
		expect(await listVersionSummaries(target)).toEqual(
			restored.map((v: ModelVersionRecord) => summariseVersion(v))
		);
	});
});

describe('the versions a drift check can run on', () => {
	/** A summary with only what driftChoices reads set apart. */
	const summary = (id: string, fields: Partial<ModelVersionSummary>): ModelVersionSummary => ({
		id,
		modelId: 'm',
		version: 1,
		createdAt: '2026-01-01T00:00:00Z',
		task: 'classification',
		family: 'mlp',
		metrics: {},
		bytes: 1,
		datasetId: 'd1',
		runId: 'r',
		parentVersionId: null,
		gatePass: null,
		...fields
	});

	it('records what a row is and whether a training profile was kept', async () => {
		const { second } = await twoVersions();
		expect(summariseVersion(second)).toMatchObject({ rows: 'table', trainingProfile: false });
		const pictures = {
			...second,
			run: {
				...second.run,
				spec: { family: 'cnn', task: 'classification', imageInput: { scale: 1 / 127.5, offset: -1 } }
			}
		} as ModelVersionRecord;
		expect(summariseVersion(pictures).rows).toBe('pictures');
		const profiled = {
			...second,
			run: { ...second.run, trainingProfile: { rows: 10 } as unknown as TrainingProfile }
		};
		expect(summariseVersion(profiled).trainingProfile).toBe(true);
	});

	it('lists models of table rows with a training side, and counts the others by reason', () => {
		const stored = new Set(['d1']);
		const choices = driftChoices(
			[
				summary('table, data set stored', { rows: 'table', trainingProfile: false }),
				summary('table, profile kept, data set gone', {
					rows: 'table',
					trainingProfile: true,
					datasetId: 'gone'
				}),
				summary('pictures', { rows: 'pictures', trainingProfile: false, datasetId: '' }),
				summary('pictures even with a data set', { rows: 'pictures', trainingProfile: true }),
				summary('table, no profile, data set gone', {
					rows: 'table',
					trainingProfile: false,
					datasetId: 'gone'
				}),
				summary('imported table model', { rows: 'table', trainingProfile: false, datasetId: '' }),
				// Written before rows and trainingProfile were kept:
				summary('older, names a data set that is gone', { datasetId: 'gone' }),
				summary('older, imported (no data set)', { datasetId: '' })
			],
			stored
		);
		expect(choices.versions.map((v) => v.id)).toEqual([
			'table, data set stored',
			'table, profile kept, data set gone',
			'older, names a data set that is gone'
		]);
		expect(choices.pictures).toBe(2);
		expect(choices.noTrainingData).toBe(3);
		expect(driftChoices([], stored)).toEqual({ versions: [], pictures: 0, noTrainingData: 0 });
	});
});
