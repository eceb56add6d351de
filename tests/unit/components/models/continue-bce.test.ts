// "Continue training" on a version trained with binary cross-entropy, as the studio does it (a real registry
// on fake-indexeddb, the real run pipeline): penguins' sex trained 6 epochs on one sigmoid output, saved as
// a two-class softmax version with its optimizer state, continued 4 more → the weights and test metrics of
// 10 epochs in one go, saved as v2 with v1 as its parent.
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { importTable } from '../../../../src/lib/core/data/import/index.ts';
import type { LayersArtifact } from '../../../../src/lib/core/models/artifact.ts';
import { openRegistry, type DatasetRecord, type Registry } from '../../../../src/lib/core/registry/index.ts';
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

/** Penguins with a sex recorded as MALE or FEMALE: two classes. */
async function penguinsBySex(registry: Registry): Promise<DatasetRecord> {
	const text = readFileSync(new URL('../../../../sample-datasets/penguins.csv', import.meta.url), 'utf8')
		.split('\n')
		.filter((line, i) => i === 0 || /,(MALE|FEMALE)\r?$/.test(line))
		.join('\n');
	return store(
		registry,
		'penguins-sex.csv',
		await importTable(new Blob([text]), { fileName: 'penguins-sex.csv' })
	);
}

const request = (epochs: number): TrainingRequest => ({
	targets: ['Sex'],
	task: 'classification',
	family: 'mlp',
	settings: {
		epochs,
		loss: 'binary-cross-entropy',
		optimizer: 'adam',
		learningRate: 0.01,
		earlyStopping: { enabled: false },
		seed: 3
	}
});

describe('continue training a version trained with binary cross-entropy', () => {
	it('goes on as if never stopped, and is saved as the next version', async () => {
		const registry = await openRegistry({ factory: new IDBFactory() });
		const home = await penguinsBySex(registry);
		const first = await train(registry, home, request(6));
		const v1 = await saveRunAsModel(registry, first.run, 'penguin sex');
		expect(v1.hasOptimizerState).toBe(true);

		const source = await loadContinueSource(registry, v1.id);
		const job = continueJob(source, home, { recipe: 'keep', moreEpochs: 4 });
		expect((job.request.settings as { loss?: string }).loss).toBe('binary-cross-entropy');
		const continued = await train(registry, home, job.request, job.init);
		const straight = await train(registry, home, request(10));
		expect(continued.run.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(continued.run.continuedFrom).toMatchObject({ fromEpoch: 6, sameData: true, optimizerState: true });
		const a = await layersWeights(continued.artifact as LayersArtifact);
		const b = await layersWeights(straight.artifact as LayersArtifact);
		expect(largestGap(a, b)).toBeLessThan(1e-5);
		// Still the two-class softmax every other page reads, its first output column zero.
		expect(a.at(-1)).toHaveLength(2);
		expect(a.at(-1)![0]).toBe(0);
		expect(continued.run.metrics.test).toEqual(straight.run.metrics.test);
		expect(continued.run.history.at(-1)!.loss).toBeCloseTo(straight.run.history.at(-1)!.loss, 5);
		expect(continued.run.continuedFrom!.parentMetrics).toEqual(first.run.metrics.test);

		const v2 = await saveChildVersion(registry, source, continued.run, home.name);
		expect(v2.version).toBe(2);
		expect(v2.lineage.parentVersionId).toBe(v1.id);
		expect(v2.hasOptimizerState).toBe(true);
	}, 120_000);
});
