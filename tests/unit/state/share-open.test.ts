// Opening a checked share link into a workspace (a real registry on fake IndexedDB, a stand-in for the
// studio's imports): the version, the experiment draft and — with weights — the run and its model are
// stored; a file without the columns the link names is refused and not kept.
import * as tf from '@tensorflow/tfjs';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { openRegistry, type Registry } from '../../../src/lib/core/registry/registry.ts';
import type { DatasetRecord } from '../../../src/lib/core/registry/schema.ts';
import {
	decodeShareLink,
	encodeShareFragment,
	sharePayloadFromRun
} from '../../../src/lib/core/share/index.ts';
import type { SharePayload } from '../../../src/lib/core/share/index.ts';
import { buildShareLink, fitsInline } from '../../../src/lib/state/share-build.ts';
import { openSharedExperiment } from '../../../src/lib/state/share-open.ts';
import type { Studio } from '../../../src/lib/state/studio.svelte.ts';
import { IRIS_DATASET, irisRun, shareableArtifact } from '../core/share/shared-run.ts';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

/** The studio's part openSharedExperiment uses; imports store a version with the given schema. */
function studioOn(registry: Registry, schema: DatasetRecord['schema']) {
	const imported: string[] = [];
	const store = async (name: string) => {
		const { record } = await registry.saveDatasetVersion({
			name,
			source: { kind: 'paste' },
			rows: 3,
			schema,
			arrow: new TextEncoder().encode(`${name} ${JSON.stringify(schema)}`)
		});
		imported.push(record.id);
		return record;
	};
	const studio = {
		registry,
		error: undefined,
		init: async () => undefined,
		openSample: (sample: { name: string }) => store(sample.name),
		importData: (input: { kind: string; file?: File }) => store(input.file?.name ?? 'Pasted table'),
		deleteDataset: (id: string) => registry.deleteDataset(id)
	};
	return { studio: studio as unknown as Studio, imported };
}

function decoded(payload: SharePayload): SharePayload {
	const result = decodeShareLink(encodeShareFragment(payload));
	if (!result.ok) throw new Error(result.message);
	return result.payload;
}

describe('openSharedExperiment', () => {
	it('stores the version, the draft, and the run with its model when the link has weights', async () => {
		const trained = await irisRun();
		const payload = decoded(
			sharePayloadFromRun(trained.run, IRIS_DATASET, { artifact: await shareableArtifact(trained) })
		);
		const registry = await openRegistry({ factory: new IDBFactory() });
		const { studio } = studioOn(registry, IRIS_DATASET.schema);
		const opened = await openSharedExperiment(studio, payload);
		expect(opened.dataset.name).toBe('Iris flowers');
		// The stand-in's bytes are not the sample's: the page says the data is not byte for byte the same.
		expect(opened.sameData).toBe(false);
		const draft = await registry.getRecipeDraft(opened.dataset.id);
		expect(draft).toMatchObject({ target: 'species', recipe: payload.recipe, split: payload.split });
		const run = await registry.getRun(opened.runId!);
		expect(run).toMatchObject({
			datasetId: opened.dataset.id,
			seed: trained.run.seed,
			features: trained.run.features
		});
		const artifact = await registry.loadRunArtifact(run!);
		const original = trained.artifact;
		if (artifact.kind !== 'layers' || original.kind !== 'layers') throw new Error('not a network');
		expect(new Uint8Array(await artifact.weightData.arrayBuffer())).toEqual(
			new Uint8Array(await original.weightData.arrayBuffer())
		);
		registry.close();
	}, 60_000);

	it('refuses a file without the columns the link names and keeps nothing', async () => {
		const { run } = await irisRun();
		const file = { ...IRIS_DATASET, source: { kind: 'file' as const, fileName: 'iris.csv' } };
		const payload = decoded(sharePayloadFromRun(run, file));
		const registry = await openRegistry({ factory: new IDBFactory() });
		const { studio } = studioOn(registry, [{ name: 'a', type: 'number' }]);
		await expect(openSharedExperiment(studio, payload, new File(['a\n1\n'], 'wrong.csv'))).rejects.toThrow(
			'This file lacks the columns “sepal_length”, “sepal_width”, “petal_length”, “petal_width” and 1 more the link expects.'
		);
		expect(await registry.listDatasets()).toEqual([]);
		await expect(openSharedExperiment(studio, payload)).rejects.toThrow('Choose your copy of “Iris” first.');
		registry.close();
	}, 60_000);
});

describe('share-build', () => {
	it('offers inline data only for small tables that are not shipped samples', () => {
		expect(fitsInline(IRIS_DATASET)).toBe(false);
		const own = { ...IRIS_DATASET, source: { kind: 'paste' as const } };
		expect(fitsInline(own)).toBe(true);
		expect(fitsInline({ ...own, rows: 5_001 })).toBe(false);
		expect(fitsInline({ ...own, rows: 4_000, columns: 30 })).toBe(false);
	});

	it('builds the /share link with or without weights from the same choices', async () => {
		const trained = await irisRun();
		const choices = { dataset: IRIS_DATASET, artifact: await shareableArtifact(trained) };
		const plain = buildShareLink('https://x.org/app/share', trained.run, choices, {
			weights: false,
			inline: true
		});
		const heavy = buildShareLink('https://x.org/app/share', trained.run, choices, {
			weights: true,
			inline: true
		});
		expect(plain.url.startsWith('https://x.org/app/share#share=bt1.')).toBe(true);
		expect(plain.payload.model).toBeUndefined();
		expect(heavy.payload.model?.weights.kind).toBe('layers');
		expect(heavy.url.length).toBeGreaterThan(plain.url.length * 5);
	}, 60_000);
});
