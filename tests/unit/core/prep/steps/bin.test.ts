// The bin step against scikit-learn's KBinsDiscretizer (ordinal; uniform and quantile, with its removal of
// coinciding quantile edges) on the sample data sets, plus values outside the fitted range and edge cases.
import { readFileSync } from 'node:fs';
import * as aq from 'arquero';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { applyRecipe, fitRecipe, parseFittedRecipe } from '../../../../../src/lib/core/prep/recipe/index.ts';
import { type PrepTable } from '../../../../../src/lib/core/table/prep-table.ts';
import { bin } from '../../../../../src/lib/core/prep/steps/bin/index.ts';
import { loadSample } from '../../data/profile/load-sample.ts';

interface BinCase {
	file: string;
	method: 'equal-width' | 'quantile';
	bins: number;
	columns: string[];
	edges: number[][];
	head: (number | null)[][];
	absSum: number[];
	missing: number[];
}
const FIXTURE = JSON.parse(
	readFileSync(new URL('../../../../fixtures/sklearn/prep-numeric-bin.json', import.meta.url), 'utf8')
) as { versions: { sklearn: string }; cases: BinCase[] };

function close(actual: number, expected: number, rel = 1e-9) {
	expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
		rel * Math.max(1, Math.abs(expected))
	);
}

function column(table: PrepTable, name: string): unknown[] {
	return Array.from(table.table.array(name) as ArrayLike<unknown>);
}

function numbers(columns: Record<string, (number | null)[]>): PrepTable {
	return {
		table: aq.table(new Map(Object.entries(columns))),
		schema: Object.keys(columns).map((name) => ({ name, type: 'number' as const }))
	};
}

describe(`bin matches scikit-learn ${FIXTURE.versions.sklearn}`, () => {
	for (const expected of FIXTURE.cases) {
		it(`${expected.bins} ${expected.method} bins on ${expected.file}`, () => {
			const input = loadSample(expected.file);
			const params = v.parse(bin.params, {
				columns: expected.columns,
				method: expected.method,
				bins: expected.bins
			});
			const state = bin.fit(params, input);
			const output = bin.apply(params, state, input, 'train');
			expected.columns.forEach((name, j) => {
				const edges = state.columns[j]!.edges;
				expect(edges.length, name).toBe(expected.edges[j]!.length);
				edges.forEach((edge, k) => close(edge, expected.edges[j]![k]!));
				const values = column(output, name) as (number | null)[];
				// Bin numbers are exact: compare them exactly.
				expect(values.slice(0, expected.head.length)).toEqual(expected.head.map((row) => row[j]));
				expect(values.reduce((sum: number, x) => sum + (x ?? 0), 0)).toBe(expected.absSum[j]);
				expect(values.filter((x) => x === null).length).toBe(expected.missing[j]);
				expect(output.schema.find((c) => c.name === name)!.type).toBe('integer');
			});
		});
	}

	it('drops quantile bins that collapse onto one value, as scikit-learn does', () => {
		const diabetes = FIXTURE.cases.find((c) => c.file === 'diabetes.csv' && c.method === 'quantile')!;
		// sex has two values: ten quantile bins collapse to one; s4 keeps only six.
		expect(diabetes.edges[diabetes.columns.indexOf('sex')]!.length).toBe(2);
		const state = bin.fit(
			{ columns: ['sex', 's4'], method: 'quantile', bins: 10, output: 'ordinal' },
			loadSample('diabetes.csv')
		);
		expect(state.columns.map((c) => c.edges.length - 1)).toEqual([1, 6]);
	});
});

describe('bin through a recipe', () => {
	it('puts new values outside the fitted range in the first and last bins and keeps missing missing', () => {
		const iris = loadSample('iris.csv');
		const fitted = fitRecipe(
			{
				version: 1,
				steps: [
					{ op: 'bin', params: { columns: ['petal_length'], method: 'equal-width', bins: 4 }, enabled: true }
				]
			},
			iris
		);
		const reread = parseFittedRecipe(JSON.parse(JSON.stringify(fitted)));
		expect(reread.steps[0]!.state).toEqual(fitted.steps[0]!.state);
		// petal_length runs from 1 to 6.9: edges 1, 2.475, 3.95, 5.425, 6.9.
		const out = applyRecipe(
			reread,
			numbers({ petal_length: [-100, 1, 2.475, 3.9, 6.9, 100, null] }),
			'predict'
		);
		expect(column(out, 'petal_length')).toEqual([0, 0, 1, 1, 3, 3, null]);
		expect(fitted.outputSchema.find((c) => c.name === 'petal_length')!.type).toBe('integer');
	});
});

describe('bin edge cases', () => {
	it('gives a constant column a single bin 0', () => {
		const input = numbers({ flat: [7, 7, null, 7] });
		const params = v.parse(bin.params, { columns: ['flat'] });
		const state = bin.fit(params, input);
		expect(state.columns[0]!.edges).toEqual([7, 7]);
		expect(
			column(bin.apply(params, state, numbers({ flat: [7, -1, 100, null] }), 'predict'), 'flat')
		).toEqual([0, 0, 0, null]);
	});

	it('validates the number of bins and the method', () => {
		const message = (params: unknown) => v.safeParse(bin.params, params).issues?.[0]?.message;
		expect(message({ columns: ['x'], bins: 1 })).toBe('Use at least 2 bins.');
		expect(message({ columns: ['x'], bins: 101 })).toBe('Use at most 100 bins.');
		expect(message({ columns: ['x'], bins: 2.5 })).toBe('The number of bins is a whole number.');
		expect(message({ columns: ['x'], method: 'kmeans' })).toBe('The method is equal-width or quantile.');
		expect(message({ columns: ['x'], output: 'onehot' })).toBe('The output is ordinal (the bin number).');
		expect(v.parse(bin.params, { columns: ['x'] })).toEqual({
			columns: ['x'],
			method: 'quantile',
			bins: 5,
			output: 'ordinal'
		});
	});

	it('names a column that is absent or not numeric', () => {
		const penguins = loadSample('penguins.csv');
		const params = v.parse(bin.params, { columns: ['Island'] });
		expect(() => bin.fit(params, penguins)).toThrow('Column “Island” is category; binning needs numbers.');
		expect(() => bin.fit({ ...params, columns: ['island'] }, penguins)).toThrow(
			'Column “island” is not in the table at this step'
		);
	});

	it('suggests numeric columns other than the target and describes itself', () => {
		const diabetes = loadSample('diabetes.csv');
		const defaults = bin.defaults(diabetes.schema, { target: ['progression'] });
		expect(defaults.columns).toHaveLength(10);
		expect(defaults.columns).not.toContain('progression');
		expect(bin.describe({ columns: ['age'], method: 'quantile', bins: 5, output: 'ordinal' })).toBe(
			'Bin age (5 quantile bins)'
		);
	});
});
