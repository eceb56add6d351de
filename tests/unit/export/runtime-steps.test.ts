// Every row-keeping recipe step in the runtime gives the numbers the studio's own `apply` gives: a recipe
// using each step (and their variants: indicators, constants, every transform, one-hot and ordinal with
// unseen and folded categories, every date part, formulas) is fitted by the core on a training table, and
// the studio's prediction path (conformInput, applyRecipe 'predict') and the runtime read the same raw rows.
import { describe, expect, it } from 'vitest';
import { importTable } from '../../../src/lib/core/data/import/index.ts';
import { applyRecipe, fitRecipe, type Recipe } from '../../../src/lib/core/prep/recipe/index.ts';
import { STEP_DEFINITIONS } from '../../../src/lib/core/prep/steps/index.ts';
import { conformInput } from '../../../src/lib/core/predict/check-input.ts';
import { readNumbers } from '../../../src/lib/core/table/read-column.ts';
import { readColumns } from '../../../src/lib/runtime/columns.ts';
import { STEPS } from '../../../src/lib/runtime/steps.ts';

const TRAIN = `id,when,price,qty,flag,color,size
1,2024-01-31,10.5,3,true,red,S
2,2023-06-15 08:30,NA,5,false,blue,M
3,2022-12-01,7.25,1,yes,red,L
4,2024-03-10T23:15:00Z,120,8,no,green,M
5,2021-07-04,3.5,2,true,red,S
6,2020-02-29,55,13,false,blue,XL
7,2024-11-11,0.5,4,true,purple,M
8,2019-05-05,9,6,false,red,S
9,2018-08-18,14,7,true,blue,L
10,2023-01-01,,9,true,green,M
`;

/** Raw rows to predict: seen and unseen categories, gaps, other date spellings and a value of another type. */
const PREDICT = `id,when,price,qty,flag,color,size
11,2024-02-01,11,3,true,red,S
12,Mar 5 2022,NA,4,false,orange,XXL
13,2020-10-10,2,,yes,purple,M
14,2021-01-01 12:00,500,20,no,,L
15,,42,2,true,blue,S
16,2023-03-03,abc,2,true,blue,S
`;

const RECIPE: Recipe = {
	version: 1,
	steps: [
		{ op: 'drop', params: { columns: ['id'] }, enabled: true },
		{ op: 'impute', params: { columns: ['price'], strategy: 'median', indicator: true }, enabled: true },
		{ op: 'impute', params: { columns: ['color'], strategy: 'constant', value: 'none' }, enabled: true },
		{ op: 'impute', params: { columns: ['qty'], strategy: 'mean' }, enabled: true },
		{
			op: 'derive',
			params: { name: 'per_item', formula: 'round(price / qty, 2) + log1p(max(qty, 1)) - -1' },
			enabled: true
		},
		{
			op: 'derive',
			params: {
				name: 'power',
				formula: '(qty ^ 2 + sqrt(abs(price))) * exp(-1) + floor(1.5) + ceil(0.2) + pow(2, 3) + min(qty, 4)'
			},
			enabled: true
		},
		{ op: 'clip', params: { columns: ['qty'], lower: 0.1, upper: 0.9 }, enabled: true },
		{ op: 'transform', params: { columns: ['price'], method: 'yeo-johnson' }, enabled: true },
		{ op: 'transform', params: { columns: ['per_item'], method: 'log1p' }, enabled: true },
		{ op: 'transform', params: { columns: ['power'], method: 'sqrt' }, enabled: true },
		{ op: 'bin', params: { columns: ['per_item'], method: 'quantile', bins: 4 }, enabled: true },
		{ op: 'bin', params: { columns: ['power'], method: 'equal-width', bins: 3 }, enabled: true },
		{
			op: 'encode',
			params: { columns: ['color'], method: 'one-hot', maxLevels: 2, unseen: 'missing' },
			enabled: true
		},
		{
			op: 'encode',
			params: { columns: ['size'], method: 'ordinal', maxLevels: 3, unseen: 'ignore' },
			enabled: true
		},
		{
			op: 'encode',
			params: { columns: ['flag'], method: 'one-hot', maxLevels: 5, unseen: 'other' },
			enabled: true
		},
		{
			op: 'date-parts',
			params: {
				columns: ['when'],
				parts: [
					'year',
					'month',
					'day',
					'weekday',
					'hour',
					'month_sin',
					'month_cos',
					'weekday_sin',
					'weekday_cos',
					'hour_sin',
					'hour_cos'
				],
				keepOriginal: true
			},
			enabled: true
		},
		{ op: 'impute', params: { columns: ['when'], strategy: 'median' }, enabled: true },
		{ op: 'scale', params: { columns: ['qty', 'price'], method: 'robust' }, enabled: true },
		{ op: 'scale', params: { columns: ['when_year'], method: 'min-max' }, enabled: true },
		{ op: 'scale', params: { columns: ['when_day'], method: 'standard' }, enabled: true }
	]
};

const table = (csv: string) => importTable(new Blob([csv]), { fileName: 'rows.csv' });

function rowsOf(csv: string): Record<string, string>[] {
	const [header, ...lines] = csv.trim().split('\n');
	const names = header!.split(',');
	return lines.map((line) => Object.fromEntries(line.split(',').map((cell, j) => [names[j]!, cell])));
}

describe('runtime recipe steps', () => {
	it('give the studio’s numbers for every step, column and row', async () => {
		const train = await table(TRAIN);
		const fitted = fitRecipe(RECIPE, train);
		const bundle = { inputSchema: fitted.inputSchema, targets: [], fitted } as never;
		const conformed = conformInput(bundle, await table(PREDICT));
		const studio = applyRecipe(fitted, conformed.input, 'predict');

		const { columns, errors } = readColumns(
			rowsOf(PREDICT),
			fitted.inputSchema.map((c) => ({ ...c, required: true }))
		);
		for (const step of fitted.steps) STEPS[step.op]!(step.params as never, step.state as never, columns, 6);

		expect(errors).toEqual(conformed.cellErrors);
		expect(errors[5]).toBe('price: “abc” is not a number');
		const names = studio.schema.map((c) => c.name);
		expect([...columns.keys()].sort()).toEqual([...names].sort());
		let compared = 0;
		for (const { name, type } of studio.schema) {
			expect(columns.get(name)!.type, name).toBe(type);
			if (type === 'date') continue;
			const expected = Array.from(readNumbers(studio.table, name));
			const actual = columns
				.get(name)!
				.values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : NaN));
			for (let i = 0; i < expected.length; i++) {
				if (Number.isNaN(expected[i]!)) expect(actual[i], `${name} row ${i}`).toBeNaN();
				else expect(actual[i]!, `${name} row ${i}`).toBeCloseTo(expected[i]!, 12);
				compared++;
			}
		}
		expect(compared).toBeGreaterThan(6 * 20);
		// The unseen colour (orange) is a gap with unseen 'missing'; unseen size XXL is code -1 ('ignore'),
		// while XL, folded in training, is the “other” code after the three levels kept.
		expect(columns.get('color=red')!.values[1]).toBeNaN();
		expect(columns.get('size')!.values[1]).toBe(-1);
		expect(columns.get('flag=true')!.values[0]).toBe(1);
	});

	it('has an apply for every studio step that keeps rows', () => {
		const keeping = STEP_DEFINITIONS.filter((s) => !s.removesRows).map((s) => s.op);
		expect(keeping.length).toBeGreaterThan(5);
		expect(Object.keys(STEPS).sort()).toEqual([...keeping].sort());
	});
});
