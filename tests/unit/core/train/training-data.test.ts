import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { BenchtopError } from '../../../../src/lib/core/errors.ts';
import { applyRecipe, fitRecipe } from '../../../../src/lib/core/prep/recipe/index.ts';
import { type PrepTable } from '../../../../src/lib/core/table/prep-table.ts';
import { toTrainingArrays } from '../../../../src/lib/core/train/training-data.ts';
import { loadSample } from '../data/profile/load-sample.ts';
import { prepareSample } from './prepare-sample.ts';

const IRIS = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
const PENGUIN_NUMBERS = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];

function message(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(BenchtopError);
		return (error as BenchtopError).message;
	}
	throw new Error('expected a BenchtopError');
}

describe('toTrainingArrays', () => {
	it('lays iris out row-major after scaling, with sorted one-hot classes', () => {
		const iris = loadSample('iris.csv');
		const recipe = {
			version: 1 as const,
			steps: [{ op: 'scale', params: { columns: IRIS }, enabled: true }]
		};
		const prepared = applyRecipe(fitRecipe(recipe, iris), iris);
		const arrays = toTrainingArrays(prepared, {
			features: IRIS,
			targets: ['species'],
			task: 'classification'
		});
		expect(arrays.n).toBe(150);
		expect(arrays.featureCount).toBe(4);
		expect(arrays.outputSize).toBe(3);
		expect(arrays.classes).toEqual(['setosa', 'versicolor', 'virginica']);
		expect(arrays.x).toHaveLength(600);
		// scikit-learn's StandardScaler on the first row.
		const first = [-0.90068117, 1.01900435, -1.34022653, -1.3154443];
		first.forEach((value, j) => expect(arrays.x[j]).toBeCloseTo(value, 5));
		expect(Array.from(arrays.y.subarray(0, 3))).toEqual([1, 0, 0]);
		expect(Array.from(arrays.y.subarray(149 * 3))).toEqual([0, 0, 1]);
		expect(arrays.labels![0]).toBe(0);
		expect(arrays.labels![149]).toBe(2);
		expect(Array.from(arrays.labels!).filter((l) => l === 1)).toHaveLength(50);
	});

	it('prepares penguins split by split, with the training classes for every split', () => {
		const sample = prepareSample('penguins.csv', 'Species', 'classification', [
			{ op: 'impute', params: { columns: PENGUIN_NUMBERS, strategy: 'median' } },
			{ op: 'impute', params: { columns: ['Sex'], strategy: 'most-frequent' } },
			{ op: 'scale', params: { columns: PENGUIN_NUMBERS } },
			{ op: 'encode', params: { columns: ['Island', 'Sex'] } }
		]);
		expect(sample.features.slice(0, 3)).toEqual(['Island=Biscoe', 'Island=Dream', 'Island=Torgersen']);
		expect(sample.train.featureCount).toBe(sample.features.length);
		expect(sample.train.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
		expect(sample.test.classes).toEqual(sample.train.classes);
		expect(sample.train.n + sample.validation.n + sample.test.n).toBe(344);
		expect(sample.train.x.every(Number.isFinite)).toBe(true);
		// Each row's one-hot sums to 1 and agrees with its label.
		for (let i = 0; i < sample.test.n; i++) {
			const row = sample.test.y.subarray(i * 3, i * 3 + 3);
			expect(row.reduce((a, b) => a + b, 0)).toBe(1);
			expect(row[sample.test.labels![i]!]).toBe(1);
		}
	});

	it('takes regression targets as numbers, several at once', () => {
		const diabetes = loadSample('diabetes.csv');
		const arrays = toTrainingArrays(diabetes, {
			features: ['age', 'bmi'],
			targets: ['progression', 'bp'],
			task: 'multi-output'
		});
		expect(arrays.outputSize).toBe(2);
		expect(arrays.classes).toEqual([]);
		expect(arrays.labels).toBeUndefined();
		expect(Array.from(arrays.y.subarray(0, 4))).toEqual([151, 101, 75, 87]);
		expect(Array.from(arrays.x.subarray(0, 2))).toEqual([59, Math.fround(32.1)]);
	});

	it('sorts whole-number classes by value and reads booleans as 0 and 1', () => {
		const table: PrepTable = {
			table: aq.table({ flag: [true, false, true], digit: [10, 2, 2] }),
			schema: [
				{ name: 'flag', type: 'boolean' },
				{ name: 'digit', type: 'integer' }
			]
		};
		const arrays = toTrainingArrays(table, {
			features: ['flag'],
			targets: ['digit'],
			task: 'classification'
		});
		expect(arrays.classes).toEqual(['2', '10']);
		expect(Array.from(arrays.x)).toEqual([1, 0, 1]);
		expect(Array.from(arrays.labels!)).toEqual([1, 0, 0]);
	});

	it('names the column and the step that fixes it', () => {
		const penguins = loadSample('penguins.csv');
		const iris = loadSample('iris.csv');
		const shape = (features: string[], target = 'Species') => ({
			features,
			targets: [target],
			task: 'classification' as const
		});
		expect(message(() => toTrainingArrays(penguins, shape(['Island'])))).toBe(
			'Island is still a category column: add an Encode step so the model gets numbers.'
		);
		expect(message(() => toTrainingArrays(penguins, shape(['Beak Length (mm)'])))).toBe(
			'Beak Length (mm) has 2 missing values after the recipe: add an Impute step.'
		);
		expect(
			message(() =>
				toTrainingArrays(iris, { features: ['sepal_width'], targets: ['species'], task: 'regression' })
			)
		).toBe('species is a category column: regression needs a number target (or choose classification).');
		expect(message(() => toTrainingArrays(penguins, shape(['Wing Span'])))).toMatch(
			/^Column “Wing Span” is not in the table at this step/
		);
		expect(message(() => toTrainingArrays(penguins, shape([])))).toBe(
			'A model needs at least one feature column: none is left after the recipe.'
		);
		expect(
			message(() =>
				toTrainingArrays(penguins, {
					features: ['Island'],
					targets: ['Species', 'Sex'],
					task: 'classification'
				})
			)
		).toBe('A classifier predicts one target column (got 2: Species, Sex).');
		expect(
			message(() =>
				toTrainingArrays(iris, {
					features: ['sepal_width'],
					targets: ['species'],
					task: 'classification',
					classes: ['setosa', 'versicolor']
				})
			)
		).toMatch(/^species has the class “virginica”, which the training rows do not have/);
	});

	it('points a date feature at the date parts step and one missing value in the singular', () => {
		const table: PrepTable = {
			table: aq.table({ day: [new Date(0), new Date(1)], x: [1, null], y: [1, 2] }),
			schema: [
				{ name: 'day', type: 'date' },
				{ name: 'x', type: 'number' },
				{ name: 'y', type: 'number' }
			]
		};
		const shape = (features: string[]) => ({ features, targets: ['y'], task: 'regression' as const });
		expect(message(() => toTrainingArrays(table, shape(['day'])))).toBe(
			'day is still a date column: add a Date parts step so the model gets numbers.'
		);
		expect(message(() => toTrainingArrays(table, shape(['x'])))).toBe(
			'x has 1 missing value after the recipe: add an Impute step.'
		);
		expect(
			message(() => toTrainingArrays(table, { features: ['y'], targets: ['x'], task: 'regression' }))
		).toBe(
			'x has 1 missing value after the recipe: add a Filter step that keeps rows with a target (targets are not imputed).'
		);
		const labels: PrepTable = {
			table: aq.table({ x: [1, 2, 3], sex: ['MALE', null, null] }),
			schema: [
				{ name: 'x', type: 'number' },
				{ name: 'sex', type: 'category' }
			]
		};
		expect(
			message(() => toTrainingArrays(labels, { features: ['x'], targets: ['sex'], task: 'classification' }))
		).toBe(
			'sex has 2 missing values after the recipe: add a Filter step that keeps rows with a target (targets are not imputed).'
		);
	});
});
