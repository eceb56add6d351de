// Every model family's engine, enumerated from MODEL_FAMILIES, goes through the whole life of a model:
// fit (through runTraining and the family's fitter) → predict → save (engine.serialize) → load
// (engine.deserialize) → predict again, with the same answers. Small tables on the CPU backend: iris for
// the classifiers, diabetes for regression, iris without its target for k-means, and a generated 4 × 4
// image table for the CNN.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDelimitedText } from '../../../../src/lib/core/data/parse-delimited-text.ts';
import type { ArtifactSource, SavedArtifact } from '../../../../src/lib/core/models/engine.ts';
import { MODEL_FAMILIES } from '../../../../src/lib/core/models/families.ts';
import { runNeedsConvolutions } from '../../../../src/lib/core/models/needs-convolutions.ts';
import { FAMILIES, type ModelFamily } from '../../../../src/lib/core/models/types.ts';
import {
	bundleFromRun,
	loadPredictor,
	type Predictions
} from '../../../../src/lib/core/predict/predictor.ts';
import { applyRecipe } from '../../../../src/lib/core/prep/recipe/index.ts';
import type { PrepTable } from '../../../../src/lib/core/table/prep-table.ts';
import { runTraining, type TrainingRequest } from '../../../../src/lib/core/train/run-training.ts';
import { loadSample } from '../data/profile/load-sample.ts';

/** 4 × 4 images, 48 rows: class "left" is bright in its left half, "right" in its right half, plus noise. */
function imageTable(): PrepTable {
	let seed = 11;
	const noise = () => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return (seed / 2 ** 31) * 0.3;
	};
	const header = [];
	for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) header.push(`px_${r}_${c}`);
	const lines = [[...header, 'side'].join(',')];
	for (let i = 0; i < 48; i++) {
		const left = i % 2 === 0;
		const pixels = [];
		for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) pixels.push((c < 2 === left ? 0.7 : 0) + noise());
		lines.push([...pixels.map((p) => p.toFixed(3)), left ? 'left' : 'right'].join(','));
	}
	return parseDelimitedText(lines.join('\n'));
}

const FAST = { epochs: 4, seed: 3 };
const CASES: { [F in ModelFamily]: () => { input: PrepTable; request: TrainingRequest } } = {
	linear: () => ({ input: loadSample('iris.csv'), request: { targets: ['species'], settings: FAST } }),
	mlp: () => ({ input: loadSample('diabetes.csv'), request: { targets: ['progression'], settings: FAST } }),
	cnn: () => ({ input: imageTable(), request: { targets: ['side'], settings: FAST } }),
	kmeans: () => ({ input: loadSample('iris.csv'), request: { targets: [], task: 'clustering', k: 3 } })
};

const CONTEXT = {
	dataset: { id: 'd', hash: 'h', name: 'engines' },
	backend: { name: 'cpu', reason: 'test' },
	versions: { tfjs: tf.version.tfjs }
};

/** The saved files and record, read back the way the CLI reads a model folder. */
function sourceOf(saved: SavedArtifact): ArtifactSource {
	const files = new Map(saved.files.map((file) => [file.name, file.bytes]));
	return {
		where: 'memory',
		record: saved.record as ArtifactSource['record'],
		has: (name) => files.has(name),
		read(name, maxBytes) {
			const bytes = files.get(name)!;
			if (bytes.byteLength > maxBytes) throw new Error(`${name} is over ${maxBytes} bytes`);
			return bytes;
		}
	};
}

/** The answers as plain numbers, whichever kind of prediction it is. */
function answers(predictions: Predictions): number[] {
	if (predictions.proba) return Array.from(predictions.proba);
	if (predictions.values) return predictions.values.flatMap((values) => Array.from(values));
	return Array.from(predictions.clusters!);
}

beforeAll(async () => {
	await tf.setBackend('cpu');
});

describe('model engines', () => {
	it('lists every family once, each with a test case here', () => {
		expect(MODEL_FAMILIES.map((engine) => engine.family).sort()).toEqual([...FAMILIES].sort());
	});

	for (const engine of MODEL_FAMILIES) {
		it(`${engine.family}: fit → predict → save → load → predict gives the same answers`, async () => {
			const { input, request } = CASES[engine.family]();
			const outcome = await runTraining(input, { ...request, family: engine.family }, CONTEXT);
			outcome.model?.dispose();
			expect(outcome.run.spec.family).toBe(engine.family);
			expect(outcome.artifact.kind).toBe(engine.artifactKind);
			const run = { ...outcome.run, id: 'r', artifactId: 'a' };
			const prepared = applyRecipe(run.fitted, input, 'evaluate');

			const first = await loadPredictor(bundleFromRun(run, outcome.artifact));
			const before = answers(await first.predictPrepared(prepared));
			first.dispose();
			expect(before.length).toBeGreaterThanOrEqual(input.table.numRows());
			expect(before.every(Number.isFinite)).toBe(true);

			const saved = await engine.serialize(outcome.artifact, { generatedBy: 'engines.test' });
			if (engine.artifactKind === 'layers') {
				// The optimizer's state rides beside the weights when training kept it (so --init goes on from it).
				const optimizer = outcome.artifact.kind === 'layers' && outcome.artifact.optimizer;
				expect(saved.files.map((file) => file.name)).toEqual([
					'model.json',
					'weights.bin',
					...(optimizer ? ['optimizer.json', 'optimizer.bin'] : [])
				]);
				expect(saved.record.weightsSha256).toMatch(/^[0-9a-f]{64}$/);
			} else {
				expect(saved.files).toEqual([]);
				expect(saved.record).toEqual({
					centroids: outcome.artifact.kind === 'kmeans' && outcome.artifact.centroids
				});
			}
			const artifact = await engine.deserialize(sourceOf(saved), run);
			expect(artifact.kind).toBe(engine.artifactKind);
			if (artifact.kind === 'layers' && outcome.artifact.kind === 'layers')
				expect(artifact.optimizer).toEqual(outcome.artifact.optimizer);
			const second = await loadPredictor(bundleFromRun(run, artifact));
			const after = answers(await second.predictPrepared(prepared));
			second.dispose();
			expect(after).toEqual(before);

			// The summary matches the kind of model: a layer table for networks, facts for k-means.
			const summary = engine.summarize(run.spec, { inputSize: run.features.length, outputSize: 3 });
			expect(summary.network !== null).toBe(engine.artifactKind === 'layers');
			expect(engine.needsConvolutions(run.spec)).toBe(engine.family === 'cnn');
			expect(engine.runtime.ops.length).toBeGreaterThan(0);
		}, 60_000);
	}

	it('k-means keeps its centroids in the record and refuses centroids of the wrong width', async () => {
		const kmeans = MODEL_FAMILIES.find((engine) => engine.family === 'kmeans')!;
		const saved = await kmeans.serialize({ kind: 'kmeans', centroids: [[1, 2]] }, { generatedBy: 't' });
		expect(saved).toEqual({ record: { centroids: [[1, 2]] }, files: [] });
		await expect(
			kmeans.deserialize(sourceOf({ record: { centroids: [[1, 2, 3]] }, files: [] }), {
				task: 'clustering',
				targets: [],
				features: ['a', 'b']
			})
		).rejects.toThrow('centroid 1 has 3 numbers; expected 2, one per feature');
	});
});

describe('runNeedsConvolutions', () => {
	it('asks the spec’s or the chosen family’s engine, and with auto the features', () => {
		const image = ['px_0_0', 'px_0_1', 'px_1_0', 'px_1_1'];
		expect(runNeedsConvolutions({ spec: { family: 'cnn' }, family: 'mlp', features: ['a'] })).toBe(true);
		expect(runNeedsConvolutions({ spec: { family: 'mlp' }, family: 'cnn', features: image })).toBe(false);
		expect(runNeedsConvolutions({ family: 'cnn', features: ['a'] })).toBe(true);
		expect(runNeedsConvolutions({ family: 'kmeans', features: image })).toBe(false);
		expect(runNeedsConvolutions({ family: 'auto', features: image })).toBe(true);
		expect(runNeedsConvolutions({ features: ['a', 'b'] })).toBe(false);
		expect(runNeedsConvolutions({ spec: { family: 'nope' }, features: image })).toBe(false);
	});
});
