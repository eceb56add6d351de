// The impute step against scikit-learn's SimpleImputer (mean, median, most_frequent with ties to the
// smallest value, constant, add_indicator) on the sample data sets, plus categories, booleans, dates,
// validation and values fit never saw.
import { readFileSync } from 'node:fs';
import * as aq from 'arquero';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { ColumnSchema } from '../../../../../src/lib/core/table/column-types.ts';
import {
	applyRecipe,
	fitRecipe,
	parseFittedRecipe,
	parseRecipe
} from '../../../../../src/lib/core/prep/recipe/index.ts';
import { type PrepTable } from '../../../../../src/lib/core/table/prep-table.ts';
import { impute } from '../../../../../src/lib/core/prep/steps/impute/index.ts';
import { loadSample } from '../../data/profile/load-sample.ts';

type Strategy = 'mean' | 'median' | 'most-frequent' | 'constant';
interface ImputeCase {
	file: string;
	strategy: Strategy;
	value?: number | string;
	columns: string[];
	fill: (number | string)[];
	indicatorColumns?: number[];
	indicators?: { head: number[][]; sum: number[] };
	head?: (number | null)[][];
	absSum?: number[];
	missing?: number[];
	labels?: { head: string[][]; counts: Record<string, number>[] };
}
const FIXTURE = JSON.parse(
	readFileSync(new URL('../../../../fixtures/sklearn/prep-numeric-impute.json', import.meta.url), 'utf8')
) as { cases: ImputeCase[] };

function close(actual: number, expected: number, rel = 1e-9) {
	expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
		rel * Math.max(1, Math.abs(expected))
	);
}

function column(table: PrepTable, name: string): unknown[] {
	return Array.from(table.table.array(name) as ArrayLike<unknown>);
}

function tableOf(columns: Record<string, unknown[]>, schema: ColumnSchema[]): PrepTable {
	return { table: aq.table(new Map(Object.entries(columns))), schema };
}

function counts(values: unknown[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const x of values) out[String(x)] = (out[String(x)] ?? 0) + 1;
	return out;
}

describe('impute matches scikit-learn', () => {
	for (const expected of FIXTURE.cases) {
		it(`${expected.strategy} on ${expected.file} (${expected.columns.length} columns)`, () => {
			const input = loadSample(expected.file);
			const params = v.parse(impute.params, {
				columns: expected.columns,
				strategy: expected.strategy,
				value: expected.value,
				indicator: Boolean(expected.indicators)
			});
			const state = impute.fit(params, input);
			expect(state.fills.map((f) => f.column)).toEqual(expected.columns);
			state.fills.forEach((fill, j) => {
				const want = expected.fill[j]!;
				if (typeof want === 'number') close(fill.value as number, want);
				else expect(fill.value).toBe(want);
			});
			const output = impute.apply(params, state, input, 'train');
			expected.columns.forEach((name, j) => {
				const values = column(output, name);
				expect(values.filter((x) => x === null || Number.isNaN(x)).length).toBe(0);
				if (expected.head) {
					expected.head.forEach((row, i) => close(values[i] as number, row[j]!));
					close(
						(values as number[]).reduce((sum, x) => sum + Math.abs(x), 0),
						expected.absSum![j]!
					);
				}
				if (expected.labels) {
					expect(values.slice(0, expected.labels.head.length)).toEqual(expected.labels.head.map((r) => r[j]));
					expect(counts(values)).toEqual(expected.labels.counts[j]);
				}
			});
			if (expected.indicators) {
				// sklearn appends its indicators at the end; the step puts each right after its column.
				expect(expected.indicatorColumns).toEqual(expected.columns.map((_, j) => j));
				expected.columns.forEach((name, j) => {
					const names = output.schema.map((c) => c.name);
					expect(names[names.indexOf(name) + 1]).toBe(`${name}_missing`);
					const flags = column(output, `${name}_missing`) as number[];
					expect(flags.slice(0, expected.indicators!.head.length)).toEqual(
						expected.indicators!.head.map((r) => r[j])
					);
					expect(flags.reduce((a, b) => a + b, 0)).toBe(expected.indicators!.sum[j]);
				});
			}
		});
	}
});

describe('impute through a recipe', () => {
	it('uses the quality report’s parameters, round-trips its state and fills new rows', () => {
		const penguins = loadSample('penguins.csv');
		const recipe = parseRecipe({
			version: 1,
			steps: [
				{ op: 'impute', params: { columns: ['Body Mass (g)'], strategy: 'median' } },
				{ op: 'impute', params: { columns: ['Sex'], strategy: 'most-frequent', indicator: true } }
			]
		});
		expect(recipe.steps[0]!.params).toEqual({
			columns: ['Body Mass (g)'],
			strategy: 'median',
			indicator: false
		});
		const fitted = fitRecipe(recipe, penguins);
		const reread = parseFittedRecipe(JSON.parse(JSON.stringify(fitted)));
		expect(reread.steps).toEqual(fitted.steps);
		expect(fitted.outputSchema.map((c) => c.name)).toEqual([
			'Species',
			'Island',
			'Beak Length (mm)',
			'Beak Depth (mm)',
			'Flipper Length (mm)',
			'Body Mass (g)',
			'Sex',
			'Sex_missing'
		]);
		const fresh = tableOf({ 'Body Mass (g)': [null, 9999], Sex: ['UNSEEN', null] }, [
			{ name: 'Body Mass (g)', type: 'number' },
			{ name: 'Sex', type: 'category' }
		]);
		const out = applyRecipe(reread, fresh, 'predict');
		expect(column(out, 'Body Mass (g)')).toEqual([4050, 9999]);
		expect(column(out, 'Sex')).toEqual(['UNSEEN', 'MALE']);
		expect(column(out, 'Sex_missing')).toEqual([0, 1]);
	});

	it('names a column that is not in the table at this step', () => {
		const iris = loadSample('iris.csv');
		expect(() =>
			fitRecipe(
				{ version: 1, steps: [{ op: 'impute', params: { columns: ['petal'] }, enabled: true }] },
				iris
			)
		).toThrow('Step 1 (Fill missing values): Column “petal” is not in the table at this step');
	});
});

describe('impute edge cases', () => {
	it('refuses the mean or median of a category, pointing to the strategies that work', () => {
		const penguins = loadSample('penguins.csv');
		expect(() => impute.fit({ columns: ['Sex'], strategy: 'median', indicator: false }, penguins)).toThrow(
			'Column “Sex” is category; the median needs numbers or dates: fill it with the most frequent value or a constant.'
		);
	});

	it('refuses a column missing in every training row, naming it, unless filling with a constant', () => {
		const input = tableOf({ x: [null, null], y: [1, 2] }, [
			{ name: 'x', type: 'number' },
			{ name: 'y', type: 'number' }
		]);
		for (const strategy of ['mean', 'median', 'most-frequent'] as const) {
			expect(() => impute.fit({ columns: ['y', 'x'], strategy, indicator: false }, input)).toThrow(
				'Column “x” is missing in every training row'
			);
		}
		const params = { columns: ['x'], strategy: 'constant' as const, value: 0, indicator: false };
		expect(column(impute.apply(params, impute.fit(params, input), input, 'train'), 'x')).toEqual([0, 0]);
	});

	it('fills booleans, dates and text with their own types, and keeps integer columns integer when it can', () => {
		const schema: ColumnSchema[] = [
			{ name: 'flag', type: 'boolean' },
			{ name: 'day', type: 'date' },
			{ name: 'note', type: 'text' },
			{ name: 'count', type: 'integer' }
		];
		const day = (d: string) => new Date(`${d}T00:00:00Z`);
		const input = tableOf(
			{
				flag: [true, false, null, false, true],
				day: [day('2024-01-02'), null, day('2024-01-01'), day('2024-01-02'), day('2024-01-01')],
				note: ['b', 'a', null, 'b', 'a'],
				count: [1, 2, null, 2, 4]
			},
			schema
		);
		const frequent = {
			columns: ['flag', 'day', 'note', 'count'],
			strategy: 'most-frequent' as const,
			indicator: false
		};
		const state = impute.fit(frequent, input);
		// Each column ties two values: the smallest wins (false, the earlier day, 'a').
		expect(state.fills.map((f) => f.value)).toEqual([false, day('2024-01-01').getTime(), 'a', 2]);
		const out = impute.apply(frequent, state, input, 'train');
		expect(column(out, 'flag')[2]).toBe(false);
		expect(column(out, 'day')[1]).toEqual(day('2024-01-01'));
		expect(column(out, 'note')[2]).toBe('a');
		expect(out.schema).toEqual(schema);

		// Dates are ordered: the median of 1, 1, 2 and 2 January falls at noon on the 1st.
		const median = { columns: ['day'], strategy: 'median' as const, indicator: false };
		const middle = impute.apply(median, impute.fit(median, input), input, 'train');
		expect(column(middle, 'day')[1]).toEqual(new Date('2024-01-01T12:00:00Z'));

		const mean = { columns: ['count'], strategy: 'mean' as const, indicator: false };
		const averaged = impute.apply(mean, impute.fit(mean, input), input, 'train');
		expect(column(averaged, 'count')[2]).toBe(2.25);
		expect(averaged.schema.find((c) => c.name === 'count')!.type).toBe('number');

		const constant = {
			columns: ['flag', 'day', 'note', 'count'],
			strategy: 'constant' as const,
			value: 'yes',
			indicator: false
		};
		expect(() => impute.fit(constant, input)).toThrow('Column “day” holds dates; “yes” is not a date');
		expect(() => impute.fit({ ...constant, columns: ['count'] }, input)).toThrow(
			'Column “count” holds numbers; “yes” is not a number to fill it with.'
		);
		expect(impute.fit({ ...constant, columns: ['flag', 'note'] }, input).fills).toEqual([
			{ column: 'flag', value: true },
			{ column: 'note', value: 'yes' }
		]);
		expect(impute.fit({ ...constant, columns: ['count'], value: '7' }, input).fills).toEqual([
			{ column: 'count', value: 7 }
		]);
	});

	it('refuses to create an indicator column that already exists', () => {
		const input = tableOf({ x: [1, null], x_missing: [0, 1] }, [
			{ name: 'x', type: 'number' },
			{ name: 'x_missing', type: 'integer' }
		]);
		const params = { columns: ['x'], strategy: 'median' as const, indicator: true };
		expect(() => impute.apply(params, impute.fit(params, input), input, 'train')).toThrow(
			'This step would create a second column named “x_missing”.'
		);
	});

	it('validates its parameters and its state', () => {
		const message = (params: unknown) => v.safeParse(impute.params, params).issues?.[0]?.message;
		expect(message({ columns: ['x'], strategy: 'constant' })).toBe(
			'Give the value to fill with when the strategy is constant.'
		);
		expect(message({ columns: ['x'], strategy: 'mode' })).toBe(
			'The strategy is mean, median, most-frequent or constant.'
		);
		expect(message({ columns: [] })).toBe('Pick at least one column.');
		expect(v.parse(impute.params, { columns: ['x'] })).toEqual({
			columns: ['x'],
			strategy: 'median',
			indicator: false
		});
		expect(v.safeParse(impute.state, { fills: [{ column: 'x', value: null }] }).success).toBe(false);
	});

	it('suggests numeric and categorical columns other than the target, with a strategy that suits them all', () => {
		const penguins = loadSample('penguins.csv');
		expect(impute.defaults(penguins.schema, { target: ['Species'] })).toEqual({
			columns: [
				'Island',
				'Beak Length (mm)',
				'Beak Depth (mm)',
				'Flipper Length (mm)',
				'Body Mass (g)',
				'Sex'
			],
			strategy: 'most-frequent',
			indicator: false
		});
		const iris = loadSample('iris.csv');
		expect(impute.defaults(iris.schema, { target: ['species'] }).strategy).toBe('median');
		expect(impute.describe({ columns: ['age', 'fare'], strategy: 'median', indicator: true })).toBe(
			'Fill missing age, fare (median) + indicator'
		);
		expect(
			impute.describe({ columns: ['cabin'], strategy: 'constant', value: 'none', indicator: false })
		).toBe('Fill missing cabin with "none"');
	});
});
