// The live decision boundary's probe: the plane's axes and grid, the grid through a real fitted recipe,
// and a real moons run whose frames arrive during training, change as the model learns, and end agreeing
// with the trained model, without changing what the run learns.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	boundaryPlane,
	gridFeatures,
	gridTable,
	planeAxis,
	planeGrid,
	probeEvery,
	type BoundaryFrame,
	type BoundaryPlane
} from '../../../../src/lib/core/train/boundary-probe.ts';
import { boundaryColumns } from '../../../../src/lib/core/train/boundary-columns.ts';
import { runTraining } from '../../../../src/lib/core/train/run-training.ts';
import { generateSyntheticTable } from '../../../../src/lib/core/prep/synthetic/index.ts';
import { defaultRecipe } from '../../../../src/lib/core/prep/default-recipe.ts';
import { prepareSplits } from '../../../../src/lib/core/prep/preparation.ts';
import { loadSample } from '../data/profile/load-sample.ts';

const CONTEXT = {
	dataset: { id: 'd', hash: 'h', name: 'moons' },
	backend: { name: 'cpu', reason: 'test' },
	versions: { tfjs: tf.version.tfjs }
};

beforeAll(async () => {
	await tf.setBackend('cpu');
});

describe('planeAxis and planeGrid', () => {
	it('spans the data plus a margin with cell centres, ignoring missing values', () => {
		const axis = planeAxis([0, 10, NaN, 5], 5, 0.1);
		// Range 0..10 widened to -1..11, five cells of 2.4: centres -1 + 1.2, … .
		expect(axis).toHaveLength(5);
		expect(axis[0]).toBeCloseTo(0.2);
		expect(axis[4]).toBeCloseTo(9.8);
	});

	it('refuses an empty axis and a silly size', () => {
		expect(() => planeAxis([NaN], 10)).toThrow(/at least one number/);
		expect(() => planeAxis([1, 2], 1)).toThrow(/2 to 120 cells/);
	});

	it('lays the grid out y outer, x inner', () => {
		const { x, y } = planeGrid([1, 2, 3], [10, 20]);
		expect(Array.from(x)).toEqual([1, 2, 3, 1, 2, 3]);
		expect(Array.from(y)).toEqual([10, 10, 10, 20, 20, 20]);
	});

	it('sends frames every fiftieth of the run unless asked', () => {
		expect(probeEvery({ columns: ['a', 'b'] }, 100)).toBe(2);
		expect(probeEvery({ columns: ['a', 'b'] }, 10)).toBe(1);
		expect(probeEvery({ columns: ['a', 'b'], every: 5 }, 100)).toBe(5);
		expect(() => probeEvery({ columns: ['a', 'b'], every: 0 }, 100)).toThrow(/whole number/);
	});
});

describe('boundaryColumns', () => {
	const schema = [
		{ name: 'x1', type: 'number' as const },
		{ name: 'x2', type: 'integer' as const },
		{ name: 'c', type: 'category' as const }
	];
	it('applies to two numeric features of a class or number target', () => {
		expect(boundaryColumns(schema, ['x1', 'x2'], 'classification')).toEqual({ columns: ['x1', 'x2'] });
		expect(boundaryColumns(schema, ['x1', 'x2'], 'regression').columns).toEqual(['x1', 'x2']);
	});
	it('says why not otherwise', () => {
		expect(boundaryColumns(schema, ['x1'], 'classification')).toMatchObject({
			columns: null,
			reason: /exactly two features; .* 1/
		});
		expect(boundaryColumns(schema, ['x1', 'c'], 'classification')).toMatchObject({ reason: /c is not one/ });
		expect(boundaryColumns(schema, ['x1', 'x2'], 'clustering')).toMatchObject({ reason: /class or number/ });
	});
});

describe('the grid through a fitted recipe', () => {
	it('scales the grid as the training rows were scaled', () => {
		const moons = generateSyntheticTable('moons', { n_samples: 200, noise: 0.1 }, 3);
		const input = { table: moons.table, schema: moons.schema };
		const recipe = defaultRecipe(input, ['class']).recipe;
		const split = { method: 'random', train: 0.8, validation: 0, test: 0.2, seed: 1 };
		const prepared = prepareSplits(input, recipe, split);
		const plane = boundaryPlane({
			input,
			split: prepared.split,
			target: 'class',
			task: 'classification',
			classes: ['class_0', 'class_1'],
			request: { columns: ['x1', 'x2'], size: 10 }
		});
		expect(plane.points).toHaveLength(200);
		expect(plane.points.filter((p) => p.split === 'test')).toHaveLength(40);
		const grid = gridTable(input.schema, ['x1', 'x2'], plane.xs, plane.ys);
		expect(grid.table.numRows()).toBe(100);
		const x = gridFeatures(prepared.fitted, grid, ['x1', 'x2']);
		expect(x).toHaveLength(200);
		// The recipe standardises: the grid's x1 then follows (raw − mean) / std of the training rows, so
		// its prepared values are an increasing affine image of the raw axis.
		const d1 = x[2]! - x[0]!;
		const d2 = x[4]! - x[2]!;
		expect(recipe.steps.map((s) => s.op)).toContain('scale');
		expect(d1).toBeGreaterThan(0);
		expect(d2).toBeCloseTo(d1, 4);
		expect(x[0]).not.toBeCloseTo(plane.xs[0]!, 2);
		expect(x.every((v) => Number.isFinite(v))).toBe(true);
	});
});

describe('a live boundary on a real moons run', () => {
	it('sends the plane, frames during training that change, and a last frame of the kept model', async () => {
		const moons = generateSyntheticTable('moons', { n_samples: 300, noise: 0.1 }, 7);
		const input = { table: moons.table, schema: moons.schema };
		const request = { targets: ['class'], family: 'mlp' as const, settings: { epochs: 30, seed: 5 } };
		let plane: BoundaryPlane | undefined;
		const frames: BoundaryFrame[] = [];
		const epochsSeen: number[] = [];
		const outcome = await runTraining(input, request, {
			...CONTEXT,
			onProgress: (p) => {
				if (p.epochEnd) epochsSeen.push(p.epochEnd.epoch);
			},
			boundary: {
				request: { columns: ['x1', 'x2'], size: 20, every: 5 },
				onPlane: (p) => (plane = p),
				onFrame: (f) => frames.push({ epoch: f.epoch, outputs: Float32Array.from(f.outputs) })
			}
		});
		expect(plane!.classes).toEqual(['class_0', 'class_1']);
		expect(plane!.xs).toHaveLength(20);
		const epochs = outcome.run.history.length;
		// Epoch 1, every fifth, and the kept weights at the end.
		const during = frames.slice(0, -1).map((f) => f.epoch);
		expect(during[0]).toBe(1);
		expect(during.slice(1)).toEqual(during.slice(1).filter((e) => e % 5 === 0));
		expect(during.length).toBeGreaterThanOrEqual(Math.floor(epochs / 5));
		expect(frames.at(-1)!.epoch).toBe(outcome.run.bestEpoch);
		for (const f of frames) expect(f.outputs).toHaveLength(400 * 2);
		// Probabilities per cell.
		expect(frames[0]!.outputs[0]! + frames[0]!.outputs[1]!).toBeCloseTo(1, 4);
		// The picture changes as it learns.
		const first = frames[0]!.outputs;
		const last = frames.at(-1)!.outputs;
		const moved = first.reduce((sum, v, i) => sum + Math.abs(v - last[i]!), 0) / first.length;
		expect(moved).toBeGreaterThan(0.05);
		// The last frame is the trained model's own answer on the grid.
		const x = tf.tensor2d(
			gridFeatures(
				(outcome.run as unknown as { fitted: Parameters<typeof gridFeatures>[0] }).fitted,
				gridTable(input.schema, ['x1', 'x2'], plane!.xs, plane!.ys),
				['x1', 'x2']
			),
			[400, 2]
		);
		const direct = (await (outcome.model!.predict(x) as tf.Tensor).data()) as Float32Array;
		x.dispose();
		for (let i = 0; i < 20; i++) expect(last[i * 37]!).toBeCloseTo(direct[i * 37]!, 5);
		outcome.model?.dispose();
		// The probe changes nothing the run learns: the same request without it gives the same history.
		const plain = await runTraining(input, request, CONTEXT);
		plain.model?.dispose();
		expect(plain.run.history).toEqual(outcome.run.history);
	}, 60_000);

	it('sends regression frames in the target units', async () => {
		const friedman = generateSyntheticTable(
			'linear',
			{ n_samples: 200, n_features: 2, n_informative: 2, noise: 1 },
			4
		);
		const input = { table: friedman.table, schema: friedman.schema };
		const target = friedman.target!;
		const features = input.schema.map((c) => c.name).filter((n) => n !== target);
		let plane: BoundaryPlane | undefined;
		const frames: BoundaryFrame[] = [];
		const outcome = await runTraining(
			input,
			{ targets: [target], family: 'linear' },
			{
				...CONTEXT,
				boundary: {
					request: { columns: [features[0]!, features[1]!], size: 8 },
					onPlane: (p) => (plane = p),
					onFrame: (f) => frames.push(f)
				}
			}
		);
		outcome.model?.dispose();
		expect(plane!.task).toBe('regression');
		expect(plane!.range![0]).toBeLessThan(plane!.range![1]);
		const last = frames.at(-1)!.outputs;
		expect(last).toHaveLength(64);
		// A linear model over a linear target: the grid's outputs reach beyond a standardised ±3 into the
		// target's own spread.
		const spread = Math.max(...last) - Math.min(...last);
		expect(spread).toBeGreaterThan((plane!.range![1] - plane!.range![0]) * 0.5);
	}, 60_000);

	it('draws any two chosen numeric columns: iris on its petals, three classes', async () => {
		const iris = loadSample('iris.csv');
		const recipe = defaultRecipe(iris, ['species']).recipe;
		recipe.steps.push({ op: 'drop', params: { columns: ['sepal_length', 'sepal_width'] }, enabled: true });
		let plane: BoundaryPlane | undefined;
		const frames: BoundaryFrame[] = [];
		const outcome = await runTraining(
			iris,
			{ targets: ['species'], recipe, settings: { epochs: 20 } },
			{
				...CONTEXT,
				boundary: {
					request: { columns: ['petal_length', 'petal_width'], size: 12 },
					onPlane: (p) => (plane = p),
					onFrame: (f) => frames.push(f)
				}
			}
		);
		outcome.model?.dispose();
		expect(outcome.run.features).toEqual(['petal_length', 'petal_width']);
		expect(plane!.classes).toEqual(['setosa', 'versicolor', 'virginica']);
		// The plane is in the raw units of the columns (petal length 1 to 6.9 cm, with a margin).
		expect(plane!.xs[0]!).toBeLessThan(1.2);
		expect(plane!.xs.at(-1)!).toBeGreaterThan(6.6);
		const last = frames.at(-1)!.outputs;
		expect(last).toHaveLength(12 * 12 * 3);
		// Short petals (the bottom-left cell) are setosa, long ones (top-right) virginica.
		const argmax = (cell: number) => {
			const p = Array.from(last.subarray(cell * 3, cell * 3 + 3));
			return p.indexOf(Math.max(...p));
		};
		expect(argmax(0)).toBe(0);
		expect(argmax(12 * 12 - 1)).toBe(2);
	}, 60_000);

	it('tells the page why when the features are not the plane columns, and still trains', async () => {
		const moons = generateSyntheticTable('moons', { n_samples: 100, noise: 0.1 }, 7);
		const reasons: string[] = [];
		const outcome = await runTraining(
			{ table: moons.table, schema: moons.schema },
			{ targets: ['class'], settings: { epochs: 2 } },
			{
				...CONTEXT,
				boundary: {
					request: { columns: ['x1', 'nope'] },
					onPlane: () => {},
					onFrame: () => {},
					onUnavailable: (r) => reasons.push(r)
				}
			}
		);
		outcome.model?.dispose();
		expect(reasons[0]).toMatch(/features to be x1 and nope/);
		expect(outcome.run.history.length).toBe(2);
	}, 60_000);
});
