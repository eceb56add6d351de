// The share link round trip on a real iris run: what goes in comes back (weights byte for byte, and the
// same predictions from them), and the links are the sizes the dialog promises.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	SHARE_LIMITS,
	WEIGHTS_LINK_BUDGET,
	artifactFromShare,
	decodeShareLink,
	describeSharePayload,
	draftFromShare,
	encodeShareFragment,
	fragmentParam,
	requestFromShare,
	runFromShare,
	shareParam,
	sharePayloadFromRun,
	shareUrl,
	type SharePayload
} from '../../../../src/lib/core/share/index.ts';
import { phraseText } from '../../../../src/lib/core/phrase.ts';
import { bundleFromRun, loadPredictor } from '../../../../src/lib/core/predict/predictor.ts';
import { applyRecipe, parseRecipe } from '../../../../src/lib/core/prep/recipe/index.ts';
import type { RunRecord } from '../../../../src/lib/core/train/run-record.ts';
import { loadSample } from '../data/profile/load-sample.ts';
import { trainRun } from '../predict/trained-runs.ts';
import { IRIS_DATASET, irisRun, shareableArtifact } from './shared-run.ts';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

function decoded(link: string): SharePayload {
	const result = decodeShareLink(link);
	if (!result.ok) throw new Error(`refused: ${result.message}`);
	return result.payload;
}

describe('share link round trip', () => {
	it('without weights: the experiment comes back whole, as a sample reference', async () => {
		const { run } = await irisRun();
		const payload = sharePayloadFromRun(run, IRIS_DATASET);
		const link = shareUrl('https://example.org/benchtop/share?x=1#old', encodeShareFragment(payload));
		expect(link.startsWith('https://example.org/benchtop/share?x=1#share=bt1.')).toBe(true);
		const back = decoded(link);
		// The recipe comes back with every step's defaults filled in, as the studio's own parser leaves it.
		expect(back).toEqual({ ...payload, recipe: parseRecipe(run.recipe) });
		expect(back.data).toEqual({ kind: 'sample', sampleId: 'iris', name: 'Iris', hash: 'a'.repeat(64) });
		expect(back.model).toBeUndefined();
		expect(back.seed).toBe(run.seed);
		expect(draftFromShare(back)).toEqual({ recipe: back.recipe, split: back.split, target: 'species' });
		expect(requestFromShare(back)).toMatchObject({
			targets: ['species'],
			spec: run.spec,
			settings: run.settings
		});
		// Iris without weights is a short link (measured: well under 2,000 characters).
		expect(link.length).toBeLessThan(2_000);
	}, 60_000);

	it('with weights: the same bytes come back, and the model they make predicts the same', async () => {
		const trained = await irisRun();
		const artifact = await shareableArtifact(trained);
		const payload = sharePayloadFromRun(trained.run, IRIS_DATASET, { artifact });
		const fragment = encodeShareFragment(payload);
		expect(fragment.length).toBeLessThan(WEIGHTS_LINK_BUDGET);
		const back = decoded(`#${fragment}&view=present`);
		const stored = artifactFromShare(back);
		expect(stored?.kind).toBe('layers');
		if (stored?.kind !== 'layers' || artifact.kind !== 'layers') throw new Error('not a network');
		expect(new Uint8Array(await stored.weightData.arrayBuffer())).toEqual(artifact.bytes);

		const record = runFromShare(back, { id: 'opened', hash: 'f'.repeat(64) }, new Date(0));
		expect(record).toMatchObject({
			datasetId: 'opened',
			experimentId: 'opened',
			features: trained.run.features,
			classes: trained.run.classes,
			metrics: { test: trained.run.metrics.test },
			seed: trained.run.seed,
			createdAt: '1970-01-01T00:00:00.000Z'
		});
		const opened: RunRecord = { ...record!, id: 'r2', artifactId: 'a2' };
		const input = applyRecipe(trained.run.fitted, loadSample('iris.csv'), 'predict');
		const original = await loadPredictor(bundleFromRun(trained.run, trained.artifact));
		const copy = await loadPredictor(bundleFromRun(opened, stored));
		const a = await original.predictPrepared(input);
		const b = await copy.predictPrepared(input);
		expect(b.rows).toBe(150);
		expect(Array.from(b.proba!)).toEqual(Array.from(a.proba!));
		original.dispose();
		copy.dispose();
	}, 60_000);

	it('a trial run selected on macro F1 shares its curves without the per-epoch F1 it was ranked on', async () => {
		const trained = await irisRun();
		const artifact = await shareableArtifact(trained);
		const history = trained.run.history.map((e) => ({ ...e, valScores: { f1_macro: 0.5 } }));
		const trial = { ...trained.run, history, search: 's', trial: 3, selectedOn: 'f1_macro' as const };
		const back = decoded(`#${encodeShareFragment(sharePayloadFromRun(trial, IRIS_DATASET, { artifact }))}`);
		expect(back.model?.history).toEqual(trained.run.history);
	}, 60_000);

	it('inline data round-trips and is described in words', async () => {
		const { run } = await irisRun();
		const inline = [
			{ name: 'petal_length', type: 'number' as const, values: [1.4, 4.7, 6, null] },
			{ name: 'species', type: 'category' as const, values: ['setosa', 'versicolor', 'virginica', 'setosa'] }
		];
		const payload = sharePayloadFromRun(run, IRIS_DATASET, { inline });
		const back = decoded(encodeShareFragment(payload));
		expect(back.data).toEqual({ kind: 'inline', name: 'Iris', hash: 'a'.repeat(64), columns: inline });
		const words = describeSharePayload(back);
		expect(phraseText(words.data)).toBe('“Iris”, 4 rows × 2 columns, inside the link');
		expect(words.data).toContainEqual({ name: 'Iris' });
		expect(words.weights).toMatch(/^No trained weights/);
		expect(words.model).toContain(`seed ${run.seed}`);
	}, 60_000);

	it('a file reference keeps the columns and hash, and shareParam finds the value among others', async () => {
		const { run } = await irisRun();
		const file = { ...IRIS_DATASET, source: { kind: 'file' as const, fileName: 'iris.csv' } };
		const fragment = encodeShareFragment(sharePayloadFromRun(run, file));
		expect(shareParam(`view=present&${fragment}`)).toBe(fragment.slice('share='.length));
		expect(shareParam('#view=present')).toBeUndefined();
		expect(fragmentParam(`https://x.org/share#${fragment}&view=present`, 'view')).toBe('present');
		expect(fragmentParam('https://x.org/share?view=present', 'view')).toBe(undefined);
		const back = decoded(fragment);
		expect(back.data).toEqual({
			kind: 'file',
			name: 'Iris',
			hash: 'a'.repeat(64),
			rows: 150,
			columns: IRIS_DATASET.schema
		});
	}, 60_000);

	it('a k-means run travels with its centroids and comes back as the same model', async () => {
		const trained = await trainRun('iris.csv', {
			targets: [],
			task: 'clustering',
			k: 3,
			settings: { seed: 1 }
		});
		const artifact = await shareableArtifact(trained);
		const back = decoded(encodeShareFragment(sharePayloadFromRun(trained.run, IRIS_DATASET, { artifact })));
		expect(back.spec).toEqual(trained.run.spec);
		expect(artifactFromShare(back)).toEqual(trained.artifact);
		expect(requestFromShare(back)).toMatchObject({ task: 'clustering', targets: [], k: 3 });
		expect(describeSharePayload(back).weights).toBe('The trained centroids (3).');
	}, 60_000);

	it('the caps are the documented ones', () => {
		expect(SHARE_LIMITS.linkChars).toBe(131_072);
		expect(WEIGHTS_LINK_BUDGET).toBe(65_536);
	});
});
