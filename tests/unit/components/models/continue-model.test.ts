// Continuing a saved version on a real registry (fake-indexeddb) and the real run pipeline (runTraining, as
// the train worker calls it): iris trained 6 epochs and saved as v1 with its optimizer state, continued 4
// more on the same data → the same weights as 10 epochs in one go, saved as v2 with v1 as its parent; on a
// second data set with the same schema → a fresh curve from epoch 7 and both metric sets on its test rows;
// a data set without a column the recipe reads → refused, the column named.
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { importTable } from '../../../../src/lib/core/data/import/index.ts';
import type { LayersArtifact } from '../../../../src/lib/core/models/artifact.ts';
import { openRegistry } from '../../../../src/lib/core/registry/index.ts';
import { takeRows } from '../../../../src/lib/core/table/take-rows.ts';
import type { PrepTable } from '../../../../src/lib/core/table/prep-table.ts';
import { layersWeights } from '../../../../src/lib/core/train/continue-from.ts';
import type { TrainingRequest } from '../../../../src/lib/core/train/run-training.ts';
import {
	continueJob,
	loadContinueSource,
	saveChildVersion
} from '../../../../src/lib/components/models/continue-model.ts';
import { saveRunAsModel } from '../../../../src/lib/components/models/save-model.ts';
import { largestGap, store, train } from './continue-setup.ts';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

async function iris(): Promise<PrepTable> {
	const bytes = readFileSync(new URL('../../../../sample-datasets/iris.csv', import.meta.url));
	return importTable(new Blob([bytes]), { fileName: 'iris.csv' });
}

const request = (epochs: number): TrainingRequest => ({
	targets: ['species'],
	task: 'classification',
	family: 'mlp',
	settings: { epochs, optimizer: 'adam', learningRate: 0.01, earlyStopping: { enabled: false }, seed: 3 }
});

describe('continue training a saved version', () => {
	it('same data goes on as if never stopped; new data gives a child with both metric sets', async () => {
		const registry = await openRegistry({ factory: new IDBFactory() });
		const all = await iris();
		const home = await store(registry, 'iris.csv', all);
		// Every other row, twice over: the same columns, other bytes.
		const other = await store(
			registry,
			'iris-more.csv',
			takeRows(
				all,
				Array.from({ length: 150 }, (_, i) => (i * 2) % 150)
			)
		);
		const first = await train(registry, home, request(6));
		const v1 = await saveRunAsModel(registry, first.run, 'iris species');
		expect(v1.version).toBe(1);
		expect(v1.hasOptimizerState).toBe(true);

		const source = await loadContinueSource(registry, v1.id);
		expect((source.artifact as LayersArtifact).optimizer?.name).toBe('Adam');
		const same = continueJob(source, home, { recipe: 'keep', moreEpochs: 4 });
		const continued = await train(registry, home, same.request, same.init);
		const straight = await train(registry, home, request(10));
		expect(continued.run.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(continued.run.continuedFrom).toMatchObject({
			versionId: v1.id,
			version: 1,
			fromEpoch: 6,
			recipe: 'keep',
			sameData: true,
			optimizerState: true
		});
		const gap = largestGap(
			await layersWeights(continued.artifact as LayersArtifact),
			await layersWeights(straight.artifact as LayersArtifact)
		);
		expect(gap).toBeLessThan(1e-5);
		expect(continued.run.metrics.test).toEqual(straight.run.metrics.test);
		// The parent scored on the same test rows, as its own record says.
		expect(continued.run.continuedFrom!.parentMetrics).toEqual(first.run.metrics.test);

		const v2 = await saveChildVersion(registry, source, continued.run, home.name);
		expect(v2.version).toBe(2);
		expect(v2.modelId).toBe(v1.modelId);
		expect(v2.lineage.parentVersionId).toBe(v1.id);

		const incremental = continueJob(source, other, { recipe: 'keep', moreEpochs: 3 });
		const child = await train(registry, other, incremental.request, incremental.init);
		expect(child.run.history.map((h) => h.epoch)).toEqual([7, 8, 9]);
		expect(child.run.continuedFrom!.sameData).toBe(false);
		// The kept recipe: the child reads its rows exactly as the parent did.
		expect(child.run.fitted).toEqual(first.run.fitted);
		const parentOnNew = child.run.continuedFrom!.parentMetrics as { rows: number; accuracy: number };
		const childOnNew = child.run.metrics.test as { rows: number; accuracy: number };
		expect(parentOnNew.rows).toBe(childOnNew.rows);
		expect(parentOnNew.accuracy).toBeGreaterThan(0);
	}, 120_000);

	it('k-means goes on from the saved centres, the parent scored on the same test rows', async () => {
		const registry = await openRegistry({ factory: new IDBFactory() });
		const all = await iris();
		const home = await store(registry, 'iris.csv', all);
		const first = await train(registry, home, {
			targets: [],
			task: 'clustering',
			family: 'kmeans',
			k: 3,
			settings: { seed: 2 }
		});
		const v1 = await saveRunAsModel(registry, first.run, 'iris clusters');
		const source = await loadContinueSource(registry, v1.id);
		const job = continueJob(source, home, { recipe: 'keep', moreEpochs: 0 });
		const child = await train(registry, home, job.request, job.init);
		// Converged centres on the same rows stay where they were: the same clusters, the same figures.
		expect(child.artifact).toEqual(first.artifact);
		expect(child.run.continuedFrom).toMatchObject({ fromEpoch: 0, sameData: true, optimizerState: false });
		expect(child.run.continuedFrom!.parentMetrics).toEqual(child.run.metrics.test);
	}, 60_000);

	it('refuses a data set that lacks a column the recipe reads, naming it', async () => {
		const registry = await openRegistry({ factory: new IDBFactory() });
		const all = await iris();
		const home = await store(registry, 'iris.csv', all);
		const first = await train(registry, home, request(2));
		const v1 = await saveRunAsModel(registry, first.run, 'iris species');
		const source = await loadContinueSource(registry, v1.id);
		const cut = await store(registry, 'iris-cut.csv', {
			table: all.table.select(['sepal_length', 'sepal_width', 'petal_length', 'species']),
			schema: all.schema.filter((c) => c.name !== 'petal_width')
		});
		expect(() => continueJob(source, cut, { recipe: 'keep', moreEpochs: 2 })).toThrow(/petal_width/);
	}, 60_000);
});
