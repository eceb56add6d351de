// The drift page's work on a real registry (fake-indexeddb): k-means trained on penguins from Torgersen and
// Dream, saved as a run and as a model version; the Biscoe penguins drifted, from the version and from the
// run; the recorded profile used when there is one, drawn again from the data set when there is none.
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { tableFromArrowIPC } from '../../../src/lib/core/data/arrow-ipc.ts';
import { storeVersion as store } from '../store-version.ts';
import { importTable } from '../../../src/lib/core/data/import/index.ts';
import { trainedRunProfile } from '../../../src/lib/core/evaluate/model-drift.ts';
import { openRegistry } from '../../../src/lib/core/registry/index.ts';
import { runTraining, defaultSplit } from '../../../src/lib/core/train/run-training.ts';
import { takeRows } from '../../../src/lib/core/table/take-rows.ts';
import type { PrepTable } from '../../../src/lib/core/table/prep-table.ts';
import { checkDrift } from '../../../src/lib/state/drift-check.ts';

async function penguins(): Promise<PrepTable> {
	const bytes = readFileSync(new URL('../../../sample-datasets/penguins.csv', import.meta.url));
	return importTable(new Blob([bytes]), { fileName: 'penguins.csv' });
}

describe('checkDrift', () => {
	it('flags Biscoe against a model trained on Torgersen and Dream, from a version and from a run', async () => {
		const registry = await openRegistry({ factory: new IDBFactory() });
		const all = await penguins();
		const island = all.table.array('Island') as ArrayLike<string>;
		const rows = (keep: (i: number) => boolean) =>
			Array.from({ length: all.table.numRows() }, (_, i) => i).filter(keep);
		const home = await store(
			registry,
			'home',
			takeRows(
				all,
				rows((i) => island[i] !== 'Biscoe')
			)
		);
		const biscoe = await store(
			registry,
			'biscoe',
			takeRows(
				all,
				rows((i) => island[i] === 'Biscoe')
			)
		);
		const input = {
			table: tableFromArrowIPC(await registry.loadDatasetArrow(home.id)),
			schema: home.schema
		};
		const outcome = await runTraining(
			input,
			{
				targets: [],
				task: 'clustering',
				family: 'kmeans',
				k: 3,
				split: defaultSplit('clustering', undefined, 0.2, 1),
				settings: { seed: 1 }
			},
			{
				dataset: { id: home.id, hash: home.hash, name: home.name },
				backend: { name: 'cpu', reason: 'test' },
				versions: {}
			}
		);
		// A run saved without a profile (as older runs are): the page draws it again from the data set.
		const bare = await registry.saveRun(outcome.run, outcome.artifact);
		const fromRun = await checkDrift(registry, { kind: 'run', id: bare.id }, biscoe.id);
		expect(fromRun.profile).toBe('recomputed');
		const byName = new Map(fromRun.report.features.map((f) => [f.name, f]));
		expect(byName.get('Island')!.drifted).toBe(true);
		expect(byName.get('Flipper Length (mm)')!.drifted).toBe(true);
		expect(fromRun.report.predictions!.name).toBe('predicted cluster');

		// With its profile recorded (as the train worker does), saved as version 1 of a model.
		outcome.run.trainingProfile = await trainedRunProfile(input, outcome.run, outcome.artifact);
		const run = await registry.saveRun(outcome.run, outcome.artifact);
		const version = await registry.saveModelVersion({
			modelName: 'penguin clusters',
			run,
			artifact: outcome.artifact,
			gate: null
		});
		const fromVersion = await checkDrift(registry, { kind: 'version', id: version.id }, biscoe.id);
		expect(fromVersion.profile).toBe('recorded');
		expect(fromVersion.report.features.map((f) => [f.name, f.psi])).toEqual(
			fromRun.report.features.map((f) => [f.name, f.psi])
		);
		expect(fromVersion.report.drifted).toBe(fromRun.report.drifted);

		const same = await checkDrift(registry, { kind: 'version', id: version.id }, home.id);
		expect(same.report.drifted).toBe(0);
		await expect(checkDrift(registry, { kind: 'run', id: 'gone' }, home.id)).rejects.toThrow(
			'That run is not in this workspace any more.'
		);
		registry.close();
	}, 60_000);
});
