// The clip step against numpy's nanquantile (linear) and np.clip on the sample data sets (fixtures from
// tests/fixtures/sklearn/make-prep-numeric-fixtures.py), plus validation and edge cases.
import { readFileSync } from 'node:fs';
import * as aq from 'arquero';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { ColumnType } from '../../../../../src/lib/core/table/column-types.ts';
import { applyRecipe, fitRecipe, parseRecipe } from '../../../../../src/lib/core/prep/recipe/index.ts';
import { type PrepTable } from '../../../../../src/lib/core/table/prep-table.ts';
import { clip } from '../../../../../src/lib/core/prep/steps/clip/index.ts';
import { loadSample } from '../../data/profile/load-sample.ts';

interface ClipCase {
	file: string;
	lower: number;
	upper: number;
	columns: string[];
	low: number[];
	high: number[];
	head: (number | null)[][];
	absSum: number[];
	missing: number[];
}
const FIXTURE = JSON.parse(
	readFileSync(new URL('../../../../fixtures/sklearn/prep-numeric-clip.json', import.meta.url), 'utf8')
) as { cases: ClipCase[] };

function close(actual: number, expected: number, rel = 1e-9) {
	expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
		rel * Math.max(1, Math.abs(expected))
	);
}

function column(table: PrepTable, name: string): unknown[] {
	return Array.from(table.table.array(name) as ArrayLike<unknown>);
}

function tableOf(columns: Record<string, unknown[]>, type: ColumnType = 'number'): PrepTable {
	return {
		table: aq.table(new Map(Object.entries(columns))),
		schema: Object.keys(columns).map((name) => ({ name, type }))
	};
}

describe('clip matches numpy', () => {
	for (const expected of FIXTURE.cases) {
		it(`${expected.lower}–${expected.upper} on ${expected.file}`, () => {
			const input = loadSample(expected.file);
			const params = v.parse(clip.params, {
				columns: expected.columns,
				lower: expected.lower,
				upper: expected.upper
			});
			const state = clip.fit(params, input);
			const output = clip.apply(params, state, input, 'train');
			expected.columns.forEach((name, j) => {
				close(state.columns[j]!.lower, expected.low[j]!);
				close(state.columns[j]!.upper, expected.high[j]!);
				const values = column(output, name) as (number | null)[];
				expected.head.forEach((row, i) => {
					if (row[j] === null) expect(values[i]).toBeNull();
					else close(values[i]!, row[j]!);
				});
				close(
					values.reduce((sum: number, x) => sum + (x === null ? 0 : Math.abs(x)), 0),
					expected.absSum[j]!
				);
				expect(values.filter((x) => x === null).length).toBe(expected.missing[j]);
			});
		});
	}
});

describe('clip through a recipe', () => {
	it('uses the quality report’s parameters, round-trips its state and clips new rows to the fitted bounds', () => {
		const diabetes = loadSample('diabetes.csv');
		const recipe = parseRecipe({
			version: 1,
			steps: [{ op: 'clip', params: { columns: ['bmi'], lower: 0.01, upper: 0.99 } }]
		});
		const fitted = fitRecipe(recipe, diabetes);
		const state = v.parse(clip.state, JSON.parse(JSON.stringify(fitted.steps[0]!.state)));
		expect(state).toEqual(fitted.steps[0]!.state);
		const reference = FIXTURE.cases.find((c) => c.file === 'diabetes.csv')!;
		const bmi = reference.columns.indexOf('bmi');
		const [low, high] = [reference.low[bmi]!, reference.high[bmi]!];
		const out = applyRecipe(
			{ ...fitted, steps: [{ ...fitted.steps[0]!, state }] },
			tableOf({ bmi: [-1e9, 25, null, 1e9] })
		);
		const values = column(out, 'bmi') as (number | null)[];
		close(values[0]!, low);
		expect(values[1]).toBe(25);
		expect(values[2]).toBeNull();
		close(values[3]!, high);
	});
});

describe('clip edge cases', () => {
	it('keeps the minimum and maximum with quantiles 0 and 1', () => {
		const input = tableOf({ x: [5, 1, null, 9, 3] });
		const params = { columns: ['x'], lower: 0, upper: 1 };
		const state = clip.fit(params, input);
		expect(state.columns).toEqual([{ column: 'x', lower: 1, upper: 9 }]);
		expect(column(clip.apply(params, state, input, 'train'), 'x')).toEqual([5, 1, null, 9, 3]);
	});

	it('interpolates linearly between the values around a quantile (numpy’s default)', () => {
		// Five values: the 10% quantile is 40% of the way from 10 to 20.
		const state = clip.fit({ columns: ['x'], lower: 0.1, upper: 0.9 }, tableOf({ x: [10, 20, 30, 40, 50] }));
		close(state.columns[0]!.lower, 14);
		close(state.columns[0]!.upper, 46);
	});

	it('keeps integer columns integer only while the bounds are whole', () => {
		const input = tableOf({ n: [1, 2, 3, 4, 5] }, 'integer');
		const whole = clip.fit({ columns: ['n'], lower: 0.25, upper: 0.75 }, input);
		expect(clip.apply({ columns: ['n'], lower: 0.25, upper: 0.75 }, whole, input, 'train').schema).toEqual([
			{ name: 'n', type: 'integer' }
		]);
		const fraction = clip.fit({ columns: ['n'], lower: 0.1, upper: 0.9 }, input);
		expect(clip.apply({ columns: ['n'], lower: 0.1, upper: 0.9 }, fraction, input, 'train').schema).toEqual([
			{ name: 'n', type: 'number' }
		]);
	});

	it('validates its parameters with messages a person can act on', () => {
		const message = (params: unknown) => v.safeParse(clip.params, params).issues?.[0]?.message;
		expect(message({ columns: ['x'], lower: 0.9, upper: 0.1 })).toBe(
			'The lower quantile (0.9) must be below the upper quantile (0.1).'
		);
		expect(message({ columns: ['x'], lower: 0.5, upper: 0.5 })).toBe(
			'The lower quantile (0.5) must be below the upper quantile (0.5).'
		);
		expect(message({ columns: ['x'], lower: 1 })).toBe('The lower quantile is below 1.');
		expect(message({ columns: ['x'], upper: 0 })).toBe('The upper quantile is above 0.');
		expect(message({ columns: ['x'], lower: -0.1 })).toBe('The lower quantile is at least 0.');
		expect(v.parse(clip.params, { columns: ['x'] })).toEqual({ columns: ['x'], lower: 0.01, upper: 0.99 });
		expect(() =>
			parseRecipe({ version: 1, steps: [{ op: 'clip', params: { columns: ['x'], lower: 0.9, upper: 0.1 } }] })
		).toThrow('Step 1 (Clip outliers): The lower quantile (0.9) must be below the upper quantile (0.1).');
	});

	it('names a column that is absent, not numeric, or empty', () => {
		const iris = loadSample('iris.csv');
		const params = { columns: ['petal'], lower: 0.01, upper: 0.99 };
		expect(() => clip.fit(params, iris)).toThrow('Column “petal” is not in the table at this step');
		expect(() => clip.fit({ ...params, columns: ['species'] }, iris)).toThrow(
			'Column “species” is category; clipping needs numbers.'
		);
		expect(() => clip.fit({ ...params, columns: ['x'] }, tableOf({ x: [null] }))).toThrow(
			'Column “x” has no values in the training rows'
		);
	});

	it('suggests numeric columns other than the target and describes itself', () => {
		const iris = loadSample('iris.csv');
		expect(clip.defaults(iris.schema, { target: ['species'] }).columns).toEqual([
			'sepal_length',
			'sepal_width',
			'petal_length',
			'petal_width'
		]);
		expect(clip.describe({ columns: ['fare'], lower: 0.01, upper: 0.99 })).toBe('Clip fare to 1%–99%');
	});
});
