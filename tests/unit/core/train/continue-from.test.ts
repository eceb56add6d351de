import { describe, expect, it } from 'vitest';
import { fitKMeans, fitKMeansFrom } from '../../../../src/lib/core/models/kmeans/kmeans.ts';
import {
	continueCheckpoint,
	continueRequest,
	layersWeights,
	parentEpoch,
	parentColumns,
	requireParentFeatures,
	unreadColumns,
	unfoldTargetScale,
	type ContinueFrom,
	type ParentRun
} from '../../../../src/lib/core/train/continue-from.ts';

const run = {
	task: 'classification',
	targets: ['species'],
	features: ['a', 'b'],
	classes: ['x', 'y'],
	spec: { family: 'mlp', task: 'classification', layers: [] },
	settings: { epochs: 30, seed: 4 },
	recipe: { version: 1, steps: [] },
	fitted: { inputSchema: [] },
	split: { method: 'stratified', column: 'species', train: 0.8, validation: 0, test: 0.2, seed: 4 },
	history: Array.from({ length: 12 }, (_, i) => ({ epoch: i + 1, loss: 1 / (i + 1) })),
	bestEpoch: 9,
	datasetHash: 'abc'
} as unknown as ParentRun;

const floats = (values: number[]) => Float32Array.from(values);

describe('continue from a saved model', () => {
	it('asks for the parent’s kept epoch plus the extra ones, with its spec, recipe and split', () => {
		const request = continueRequest(run, 5);
		expect(parentEpoch(run)).toBe(9);
		expect(request.settings).toMatchObject({ epochs: 14, seed: 4 });
		expect(request.split).toEqual({
			method: 'stratified',
			column: 'species',
			train: 0.8,
			validation: 0,
			test: 0.2,
			seed: 4
		});
		expect(request.spec).toBe(run.spec);
		expect(() => continueRequest(run, -1)).toThrow(/0 to 10000 more epochs \(got -1\)/);
	});

	it('carries the curve on over the same data, and starts a fresh one on new data', () => {
		const init = {
			run,
			artifact: {
				kind: 'layers',
				modelTopology: {},
				weightSpecs: [],
				weightData: new Blob([]),
				optimizer: { name: 'Adam', iterations: 90, variables: [] }
			},
			recipe: 'keep'
		} as ContinueFrom;
		const same = continueCheckpoint(init, [floats([1])], true);
		expect(same.epoch).toBe(9);
		expect(same.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(same.optimizer?.iterations).toBe(90);
		expect(continueCheckpoint(init, [floats([1])], false).history).toEqual([]);
	});

	it('refuses model inputs other than the parent’s, naming them', () => {
		const init = { run } as ContinueFrom;
		expect(() => requireParentFeatures(init, ['a', 'b'])).not.toThrow();
		expect(() => requireParentFeatures(init, ['a', 'c'])).toThrow(/lacks b and adds c/);
		expect(() => requireParentFeatures(init, ['b', 'a'])).toThrow(/orders them differently/);
	});

	it('leaves out the columns the parent never read, naming them', () => {
		const parent = { fitted: { inputSchema: [{ name: 'a' }, { name: 'b' }] }, targets: ['y'] } as never;
		const schema = ['a', 'note', 'b', 'y'].map((name) => ({ name, type: 'number' as const }));
		const selected: string[][] = [];
		const table = { select: (names: string[]) => (selected.push(names), { names }) } as never;
		const kept = parentColumns({ table, schema }, parent);
		expect(kept.schema.map((c) => c.name)).toEqual(['a', 'b', 'y']);
		expect(selected).toEqual([['a', 'b', 'y']]);
		expect(unreadColumns(parent, schema)).toEqual(['note']);
	});

	it('reads a network’s float32 weights in order, and takes the target scaling back out', async () => {
		const bytes = floats([1, 2, 3, 4, 5, 6, 10, 20]);
		const weights = await layersWeights({
			kind: 'layers',
			modelTopology: {},
			weightSpecs: [
				{ name: 'k', shape: [3, 2], dtype: 'float32' },
				{ name: 'b', shape: [2], dtype: 'float32' }
			],
			weightData: new Blob([bytes])
		});
		expect(weights.map((w) => Array.from(w))).toEqual([
			[1, 2, 3, 4, 5, 6],
			[10, 20]
		]);
		const unfolded = unfoldTargetScale(weights, {
			mean: Float64Array.of(2, 4),
			std: Float64Array.of(2, 4)
		});
		expect(Array.from(unfolded[0]!)).toEqual([0.5, 0.5, 1.5, 1, 2.5, 1.5]);
		expect(Array.from(unfolded[1]!)).toEqual([4, 4]);
		await expect(
			layersWeights({
				kind: 'layers',
				modelTopology: {},
				weightSpecs: [{ name: 'k', shape: [4], dtype: 'float32' }],
				weightData: new Blob([floats([1])])
			})
		).rejects.toThrow(/end before k/);
	});

	it('k-means goes on from the saved centres: converged centres stay, new rows move them', () => {
		const rows = [0, 0, 0, 1, 1, 0, 10, 10, 10, 11, 11, 10];
		const points = { data: Float64Array.from(rows), width: 2 };
		const fit = fitKMeans(points, { k: 2, restarts: 2, maxIterations: 50 }, 1);
		const again = fitKMeansFrom(points, fit.model.centroids, 50);
		expect(again.model.centroids).toEqual(fit.model.centroids);
		expect(again.model.iterations).toBe(1);
		const shifted = { data: Float64Array.from(rows.map((v) => v + 1)), width: 2 };
		const moved = fitKMeansFrom(shifted, fit.model.centroids, 50);
		const sorted = [...moved.model.centroids].sort((a, b) => a[0]! - b[0]!);
		expect(sorted[0]![0]).toBeCloseTo(4 / 3, 10);
		expect(sorted[1]![0]).toBeCloseTo(34 / 3, 10);
		expect(() => fitKMeansFrom(points, [[1, 2, 3]], 5)).toThrow(/3 numbers each, but these rows have 2/);
	});
});
