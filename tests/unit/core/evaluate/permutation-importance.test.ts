// Permutation importance against scikit-learn's permutation_importance on the same synthetic rows and the
// same fixed rules (tests/fixtures/sklearn/make-permutation-importance-fixtures.py). The permutations come
// from different generators, so means agree within a few standard errors; a column the rule never reads
// is exactly 0 in both. Then a real iris run through the stored-run path.
import * as aq from 'arquero';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	permutationImportance,
	permutationImportanceOfRun,
	type ImportanceModel,
	type PredictPrepared
} from '../../../../src/lib/core/evaluate/permutation-importance.ts';
import { fitRecipe } from '../../../../src/lib/core/prep/recipe/fit-recipe.ts';
import { readNumbers } from '../../../../src/lib/core/table/read-column.ts';
import type { PrepTable } from '../../../../src/lib/core/table/prep-table.ts';
import { runTraining } from '../../../../src/lib/core/train/run-training.ts';
import type { RunRecord } from '../../../../src/lib/core/train/run-record.ts';
import { loadSample } from '../data/profile/load-sample.ts';
import { loadFixture } from './fixtures.ts';

interface Expected {
	metric: string;
	baseline: number;
	importances_mean: number[];
	importances_std: number[];
}
const fixture = loadFixture<{
	n: number;
	n_repeats: number;
	columns: string[];
	classification: Expected;
	regression: Expected;
}>('permutation-importance.json');

const frac = (i: number, a: number) => i * a - Math.floor(i * a);
const indices = Array.from({ length: fixture.n }, (_, i) => i);
const decide = Float64Array.from(indices, (i) => frac(i, 0.6180339887498949));
const weak = Float64Array.from(indices, (i) => frac(i, 0.41421356237309503));
const noise = Float64Array.from(indices, (i) => frac(i, 0.7320508075688772));
const wobble = Float64Array.from(indices, (i) => frac(i, 0.2360679774997898));

function synthetic(target: ArrayLike<unknown>, type: 'category' | 'number'): PrepTable {
	return {
		table: aq.table(
			new Map<string, ArrayLike<unknown>>([
				['decide', decide],
				['weak', weak],
				['noise', noise],
				['y', target]
			])
		),
		schema: [
			{ name: 'decide', type: 'number' },
			{ name: 'weak', type: 'number' },
			{ name: 'noise', type: 'number' },
			{ name: 'y', type }
		]
	} as PrepTable;
}

const rule = (x: number, w: number) => x + 0.3 * w > 0.65;
const labels = indices.map((i) => (rule(decide[i]!, weak[i]!) !== wobble[i]! < 0.1 ? 'yes' : 'no'));
const classTable = synthetic(labels, 'category');
const values = Float64Array.from(indices, (i) => 3 * decide[i]! + 0.5 * weak[i]! + (wobble[i]! - 0.5));
const regressionTable = synthetic(values, 'number');

const modelOf = (table: PrepTable, task: 'classification' | 'regression'): ImportanceModel => ({
	task,
	targets: ['y'],
	...(task === 'classification' ? { classes: ['no', 'yes'] } : {}),
	fitted: fitRecipe({ version: 1, steps: [] }, table)
});

const classify: PredictPrepared = async (prepared) => {
	const x = readNumbers(prepared.table, 'decide');
	const w = readNumbers(prepared.table, 'weak');
	const proba = new Float32Array(x.length * 2);
	for (let i = 0; i < x.length; i++) proba[i * 2 + (rule(x[i]!, w[i]!) ? 1 : 0)] = 1;
	return { proba };
};

const line: PredictPrepared = async (prepared) => {
	const x = readNumbers(prepared.table, 'decide');
	const w = readNumbers(prepared.table, 'weak');
	return { values: [Float64Array.from(x, (xi, i) => 3 * xi + 0.5 * w[i]!)] };
};

beforeAll(async () => {
	await tf.setBackend('cpu');
});

describe('permutationImportance against scikit-learn', () => {
	it('classification: the same baseline, the deciding column first, the noise column exactly 0', async () => {
		const expected = fixture.classification;
		const result = await permutationImportance(classTable, modelOf(classTable, 'classification'), classify, {
			repeats: fixture.n_repeats,
			seed: 0
		});
		expect(result.metric).toBe('accuracy');
		expect(result.baseline).toBe(expected.baseline);
		expect(result.columns.map((c) => c.column)).toEqual(['decide', 'weak', 'noise']);
		const byName = new Map(result.columns.map((c) => [c.column, c]));
		fixture.columns.forEach((name, j) => {
			const column = byName.get(name)!;
			expect(column.drops).toHaveLength(5);
			// One repeat's accuracy drop varies by about 0.01 on 2000 rows; a mean of 5 by about 0.005.
			expect(Math.abs(column.mean - expected.importances_mean[j]!), name).toBeLessThan(0.03);
		});
		expect(byName.get('noise')).toMatchObject({ mean: 0, std: 0, drops: [0, 0, 0, 0, 0] });
	});

	it('regression: R² drops match within their spread, noise exactly 0', async () => {
		const expected = fixture.regression;
		const result = await permutationImportance(
			regressionTable,
			modelOf(regressionTable, 'regression'),
			line,
			{
				seed: 0
			}
		);
		expect(result.metric).toBe('r2');
		expect(result.repeats).toBe(5);
		expect(result.baseline).toBeCloseTo(expected.baseline, 12);
		const byName = new Map(result.columns.map((c) => [c.column, c]));
		expect(Math.abs(byName.get('decide')!.mean - expected.importances_mean[0]!)).toBeLessThan(0.1);
		expect(Math.abs(byName.get('weak')!.mean - expected.importances_mean[1]!)).toBeLessThan(0.01);
		expect(byName.get('noise')!.mean).toBe(0);
		const std = byName.get('decide')!.std;
		const drops = byName.get('decide')!.drops;
		const mean = drops.reduce((a, b) => a + b) / drops.length;
		expect(std).toBeCloseTo(Math.sqrt(drops.reduce((a, b) => a + (b - mean) ** 2, 0) / drops.length), 12);
	});

	it('is seeded: the same seed gives the same drops, another seed others', async () => {
		const model = modelOf(classTable, 'classification');
		const once = await permutationImportance(classTable, model, classify, { seed: 3, repeats: 2 });
		const again = await permutationImportance(classTable, model, classify, { seed: 3, repeats: 2 });
		const other = await permutationImportance(classTable, model, classify, { seed: 4, repeats: 2 });
		expect(again).toEqual(once);
		expect(other.columns[0]!.drops).not.toEqual(once.columns[0]!.drops);
	});

	it('reports progress per prediction and stops when cancelled', async () => {
		const model = modelOf(classTable, 'classification');
		const seen: string[] = [];
		await permutationImportance(classTable, model, classify, {
			repeats: 2,
			onProgress: (done, total) => seen.push(`${done}/${total}`)
		});
		expect(seen).toEqual(['1/7', '2/7', '3/7', '4/7', '5/7', '6/7', '7/7']);
		const controller = new AbortController();
		const run = permutationImportance(classTable, model, classify, {
			onProgress: (done) => done === 3 && controller.abort(),
			signal: controller.signal
		});
		await expect(run).rejects.toMatchObject({ code: 'aborted' });
	});

	it('refuses clustering, a missing column and a single row, with sentences', async () => {
		const model = modelOf(classTable, 'classification');
		await expect(
			permutationImportance(classTable, { ...model, task: 'clustering' }, classify)
		).rejects.toThrow(/clustering has none/);
		await expect(permutationImportance(classTable, model, classify, { columns: ['nope'] })).rejects.toThrow(
			/no column “nope”/
		);
		const one = { table: classTable.table.slice(0, 1), schema: classTable.schema };
		await expect(permutationImportance(one, model, classify)).rejects.toThrow(/at least 2 rows/);
	});
});

describe('permutationImportanceOfRun', () => {
	it('iris: a drop per raw feature on the run’s 30 test rows, the same twice', async () => {
		const iris = loadSample('iris.csv');
		const outcome = await runTraining(
			iris,
			{ targets: ['species'], settings: { epochs: 30, learningRate: 0.05, seed: 5 } },
			{
				dataset: { id: 'd', hash: 'h', name: 'iris' },
				backend: { name: 'cpu', reason: 'test' },
				versions: {}
			}
		);
		outcome.model?.dispose();
		const run = { ...outcome.run, id: 'r', artifactId: 'a' } as RunRecord;
		const before = tf.memory().numTensors;
		const result = await permutationImportanceOfRun(iris, run, outcome.artifact, { repeats: 3 });
		expect(tf.memory().numTensors).toBe(before);
		expect(result.rows).toBe(30);
		expect(result.seed).toBe(5);
		expect(result.baseline).toBeCloseTo(run.metrics.test!.accuracy as number, 12);
		expect(result.columns.map((c) => c.column).sort()).toEqual([
			'petal_length',
			'petal_width',
			'sepal_length',
			'sepal_width'
		]);
		// Petals separate the species: shuffling one of them costs more than shuffling sepal width.
		const drop = (name: string) => result.columns.find((c) => c.column === name)!.mean;
		expect(Math.max(drop('petal_length'), drop('petal_width'))).toBeGreaterThan(drop('sepal_width'));
		const again = await permutationImportanceOfRun(iris, run, outcome.artifact, { repeats: 3 });
		expect(again).toEqual(result);
	}, 60_000);
});
