// The scale step against scikit-learn's StandardScaler, MinMaxScaler and RobustScaler on the sample data
// sets (fixtures from tests/fixtures/sklearn/make-prep-numeric-fixtures.py), plus its edge cases.
import { readFileSync } from 'node:fs';
import * as aq from 'arquero';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { applyRecipe, fitRecipe, parseFittedRecipe } from '../../../../../src/lib/core/prep/recipe/index.ts';
import { type PrepTable } from '../../../../../src/lib/core/table/prep-table.ts';
import { scale } from '../../../../../src/lib/core/prep/steps/scale/index.ts';
import { loadSample } from '../../data/profile/load-sample.ts';

interface Outputs {
	head: (number | null)[][];
	absSum: number[];
	missing: number[];
}
interface ScaleCase extends Outputs {
	file: string;
	method: 'standard' | 'min-max' | 'robust';
	columns: string[];
	center: number[];
	scale: number[];
}
const FIXTURE = JSON.parse(
	readFileSync(new URL('../../../../fixtures/sklearn/prep-numeric-scale.json', import.meta.url), 'utf8')
) as { cases: ScaleCase[] };

function close(actual: number, expected: number, rel = 1e-9) {
	expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
		rel * Math.max(1, Math.abs(expected))
	);
}

function expectOutputs(table: PrepTable, columns: string[], expected: Outputs) {
	columns.forEach((column, j) => {
		const values = Array.from(table.table.array(column) as ArrayLike<number | null>);
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
}

function numbers(columns: Record<string, (number | null)[]>): PrepTable {
	return {
		table: aq.table(new Map(Object.entries(columns))),
		schema: Object.keys(columns).map((name) => ({ name, type: 'number' as const }))
	};
}

describe('scale matches scikit-learn', () => {
	for (const expected of FIXTURE.cases) {
		it(`${expected.method} on ${expected.file}`, () => {
			const input = loadSample(expected.file);
			const params = v.parse(scale.params, { columns: expected.columns, method: expected.method });
			const state = scale.fit(params, input);
			state.columns.forEach((fitted, j) => {
				expect(fitted.column).toBe(expected.columns[j]);
				close(fitted.center, expected.center[j]!);
				close(fitted.scale, expected.scale[j]!);
			});
			const output = scale.apply(params, state, input, 'train');
			expectOutputs(output, expected.columns, expected);
			for (const column of expected.columns) {
				expect(output.schema.find((c) => c.name === column)?.type).toBe('number');
			}
			// Columns that were not scaled pass through untouched, in place.
			expect(output.schema.map((c) => c.name)).toEqual(input.schema.map((c) => c.name));
		});
	}
});

describe('scale through a recipe', () => {
	it('fits on the training rows, round-trips its state through JSON and applies to new rows', () => {
		const penguins = loadSample('penguins.csv');
		const columns = ['Beak Length (mm)', 'Body Mass (g)'];
		const fitted = fitRecipe(
			{ version: 1, steps: [{ op: 'scale', params: { columns }, enabled: true }] },
			penguins
		);
		expect(fitted.steps[0]!.params).toEqual({ columns, method: 'standard' });
		const reread = parseFittedRecipe(JSON.parse(JSON.stringify(fitted)));
		expect(reread.steps[0]!.state).toEqual(fitted.steps[0]!.state);
		expect(v.safeParse(scale.state, JSON.parse(JSON.stringify(fitted.steps[0]!.state))).success).toBe(true);

		const standard = FIXTURE.cases.find((c) => c.file === 'penguins.csv' && c.method === 'standard')!;
		const [mean, std] = [standard.center[0]!, standard.scale[0]!];
		// New rows: one far outside the training range, one missing.
		const fresh = {
			table: aq.table(
				new Map<string, unknown[]>([
					['Species', ['Adelie', 'Gentoo']],
					['Beak Length (mm)', [1000, null]],
					['Body Mass (g)', [4000, 5000]]
				])
			),
			schema: [
				{ name: 'Species', type: 'category' as const },
				{ name: 'Beak Length (mm)', type: 'number' as const },
				{ name: 'Body Mass (g)', type: 'number' as const }
			]
		};
		const out = applyRecipe(reread, fresh, 'predict');
		const beak = out.table.array('Beak Length (mm)') as ArrayLike<number | null>;
		close(beak[0]!, (1000 - mean) / std);
		expect(beak[1]).toBeNull();
		expect(Array.from(out.table.array('Species') as ArrayLike<string>)).toEqual(['Adelie', 'Gentoo']);
	});

	it('names the column when it is not in the table at this step', () => {
		const penguins = loadSample('penguins.csv');
		expect(() =>
			fitRecipe(
				{ version: 1, steps: [{ op: 'scale', params: { columns: ['bill'] }, enabled: true }] },
				penguins
			)
		).toThrow('Step 1 (Scale numbers): Column “bill” is not in the table at this step');
		const state = scale.fit(v.parse(scale.params, { columns: ['Body Mass (g)'] }), penguins);
		const withoutIt = numbers({ other: [1, 2] });
		expect(() =>
			scale.apply({ columns: ['Body Mass (g)'], method: 'standard' }, state, withoutIt, 'predict')
		).toThrow('Column “Body Mass (g)” is not in the table at this step');
	});
});

describe('scale edge cases', () => {
	it('divides a constant column by 1, as scikit-learn does, for every method', () => {
		const input = numbers({ flat: [3, 3, null, 3] });
		for (const method of ['standard', 'min-max', 'robust'] as const) {
			const params = { columns: ['flat'], method };
			const state = scale.fit(params, input);
			expect(state.columns[0]).toEqual({ column: 'flat', center: 3, scale: 1 });
			const out = Array.from(
				scale.apply(params, state, input, 'train').table.array('flat') as ArrayLike<unknown>
			);
			expect(out).toEqual([0, 0, null, 0]);
		}
	});

	it('robust: a column whose quartiles meet but which varies is divided by its standard deviation', () => {
		// Mostly filled in with its median (movies.json's US DVD Sales): scikit-learn would divide by 1 and
		// leave 2,000,000 as 1,999,990.
		const input = numbers({ sales: [10, 10, 10, 10, 10, 10, 2_000_000, 10] });
		const params = { columns: ['sales'], method: 'robust' as const };
		const state = scale.fit(params, input);
		expect(state.columns[0]!.center).toBe(10);
		expect(state.columns[0]!.scale).toBeCloseTo(661434.52, 1);
		const out = scale.apply(params, state, input, 'train').table.array('sales') as ArrayLike<number>;
		expect(Math.max(...Array.from(out))).toBeLessThan(5);
	});

	it('ignores missing values when fitting and keeps them missing', () => {
		const input = numbers({ x: [1, null, 3, NaN, 5] });
		const params = { columns: ['x'], method: 'min-max' as const };
		const state = scale.fit(params, input);
		expect(state.columns[0]).toEqual({ column: 'x', center: 1, scale: 4 });
		expect(
			Array.from(scale.apply(params, state, input, 'train').table.array('x') as ArrayLike<unknown>)
		).toEqual([0, null, 0.5, null, 1]);
	});

	it('refuses text columns and columns with no values, naming them', () => {
		const iris = loadSample('iris.csv');
		expect(() => scale.fit({ columns: ['species'], method: 'standard' }, iris)).toThrow(
			'Column “species” is category; scaling needs numbers'
		);
		expect(() => scale.fit({ columns: ['x'], method: 'standard' }, numbers({ x: [null, null] }))).toThrow(
			'Column “x” has no values in the training rows'
		);
	});

	it('validates its parameters', () => {
		expect(v.safeParse(scale.params, { columns: [] }).issues?.[0]?.message).toBe('Pick at least one column.');
		expect(v.safeParse(scale.params, { columns: ['a', 'a'] }).issues?.[0]?.message).toBe(
			'A column is listed twice.'
		);
		expect(v.safeParse(scale.params, { columns: ['a'], method: 'z-score' }).issues?.[0]?.message).toBe(
			'The method is standard, min-max or robust.'
		);
		expect(v.safeParse(scale.state, { columns: [{ column: 'a', center: 0, scale: 0 }] }).success).toBe(false);
	});

	it('suggests the numeric columns other than the target and describes itself in one line', () => {
		const penguins = loadSample('penguins.csv');
		const numeric = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];
		expect(scale.defaults(penguins.schema, { target: ['Body Mass (g)'] })).toEqual({
			columns: numeric.slice(0, 3),
			method: 'standard'
		});
		expect(scale.describe({ columns: ['bill_length', 'flipper'], method: 'robust' })).toBe(
			'Scale bill_length, flipper (robust)'
		);
		expect(scale.describe({ columns: ['a', 'b', 'c', 'd', 'e'], method: 'standard' })).toBe(
			'Scale a, b, c and 2 more (standard)'
		);
	});
});
