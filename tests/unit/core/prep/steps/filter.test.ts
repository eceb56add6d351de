// The filter step: each operator on each column type, all/any, missing values, messages for conditions
// that do not suit their column, and no rows removed when predicting.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	applyRecipe,
	fitRecipe,
	parseFittedRecipe,
	parseRecipe,
	validateStepParams
} from '../../../../../src/lib/core/prep/recipe/index.ts';
import { type PrepTable } from '../../../../../src/lib/core/table/prep-table.ts';
import { filter } from '../../../../../src/lib/core/prep/steps/filter/index.ts';
import { loadSample } from '../../data/profile/load-sample.ts';
import { prepTable } from './prep-table.ts';

const day = (text: string) => new Date(text);
const animals = () =>
	prepTable({
		id: { type: 'integer', values: [1, 2, 3, 4, 5] },
		mass: { type: 'number', values: [3.5, 4.2, null, 5.0, 2.0] },
		kind: { type: 'category', values: ['cat', 'dog', 'cat', null, 'bird'] },
		seen: {
			type: 'date',
			values: [day('2024-01-01'), day('2024-03-15'), null, day('2024-06-30'), day('2023-12-31')]
		},
		tame: { type: 'boolean', values: [true, false, true, null, false] },
		note: { type: 'text', values: ['Mr Whiskers', 'good BOY', null, 'mister', 'Tweety'] }
	});

/** The ids of the rows a filter keeps. */
function kept(params: Record<string, unknown>, table: PrepTable = animals()): number[] {
	const valid = validateStepParams('filter', params, 0) as v.InferOutput<typeof filter.params>;
	const out = filter.apply(valid, filter.fit(valid, table), table, 'train');
	return Array.from(out.table.array('id') as ArrayLike<number>);
}

const where = (column: string, operator: string, value?: unknown) => ({
	conditions: [{ column, operator, ...(value === undefined ? {} : { value }) }]
});

describe('filter', () => {
	it('compares numbers numerically, text values read as numbers', () => {
		expect(kept(where('mass', '>', 4))).toEqual([2, 4]);
		expect(kept(where('mass', '>=', '4.2'))).toEqual([2, 4]);
		expect(kept(where('mass', '<', 3.5))).toEqual([5]);
		expect(kept(where('mass', '<=', 3.5))).toEqual([1, 5]);
		expect(kept(where('mass', '=', '5'))).toEqual([4]);
		expect(kept(where('id', 'in', ['1', '3', '5.0']))).toEqual([1, 3, 5]);
	});

	it('missing values only match “is missing”, never = or !=', () => {
		expect(kept(where('mass', '!=', 5))).toEqual([1, 2, 5]);
		expect(kept(where('kind', '!=', 'cat'))).toEqual([2, 5]);
		expect(kept(where('mass', 'is-missing'))).toEqual([3]);
		expect(kept(where('kind', 'is-present'))).toEqual([1, 2, 3, 5]);
		expect(kept(where('seen', 'is-missing'))).toEqual([3]);
	});

	it('compares dates by time, from ISO text', () => {
		expect(kept(where('seen', '>=', '2024-03-15'))).toEqual([2, 4]);
		expect(kept(where('seen', '<', '2024-01-01T00:00:00Z'))).toEqual([5]);
		expect(kept(where('seen', '=', '2024-06-30'))).toEqual([4]);
	});

	it('compares categories and booleans by label; contains ignores case', () => {
		expect(kept(where('kind', '=', 'cat'))).toEqual([1, 3]);
		expect(kept(where('kind', '=', ' cat '))).toEqual([1, 3]);
		expect(kept(where('kind', 'in', ['dog', 'bird', 'fish']))).toEqual([2, 5]);
		expect(kept(where('tame', '=', true))).toEqual([1, 3]);
		expect(kept(where('tame', '=', 'no'))).toEqual([2, 5]);
		expect(kept(where('note', 'contains', 'MR'))).toEqual([1]);
		expect(kept(where('note', 'contains', 'boy'))).toEqual([2]);
		expect(kept(where('kind', 'contains', 'i'))).toEqual([5]);
	});

	it('joins conditions with all (and) or any (or)', () => {
		const conditions = [
			{ column: 'kind', operator: '=', value: 'cat' },
			{ column: 'mass', operator: 'is-present' }
		];
		expect(kept({ conditions })).toEqual([1]);
		expect(kept({ match: 'any', conditions })).toEqual([1, 2, 3, 4, 5]);
		expect(
			kept({
				match: 'any',
				conditions: [
					{ column: 'mass', operator: '<', value: 3 },
					{ column: 'kind', operator: '=', value: 'dog' }
				]
			})
		).toEqual([2, 5]);
	});

	it('refuses conditions that do not suit the column, naming both', () => {
		expect(() => kept(where('kind', '<', 'cat'))).toThrow(
			'Condition on “kind”: column “kind” is category; “<” compares numbers or dates. Use =, != or “is one of” here.'
		);
		expect(() => kept(where('mass', '>', 'heavy'))).toThrow('Condition on “mass”: “heavy” is not a number.');
		expect(() => kept(where('seen', '>', 'last tuesday'))).toThrow(
			'Condition on “seen”: “last tuesday” is not a date'
		);
		expect(() => kept(where('tame', '=', 'maybe'))).toThrow(
			'Condition on “tame”: the column holds true or false, not “maybe”.'
		);
		expect(() => kept(where('mass', 'contains', '4'))).toThrow(
			'column “mass” is number; “contains” looks inside text and category values.'
		);
		expect(() => kept(where('colour', '=', 'red'))).toThrow(
			'Column “colour” is not in the table at this step'
		);
	});

	it('refuses unknown operators and values that do not fit the operator', () => {
		expect(() => validateStepParams('filter', where('mass', '~=', 3), 0)).toThrow(
			/Step 1 \(Filter rows\): conditions\.0\.operator: The operator must be one of “=”/
		);
		expect(() => validateStepParams('filter', where('mass', '>'), 0)).toThrow(
			'Condition on “mass”: “>” needs one value to compare with.'
		);
		expect(() => validateStepParams('filter', where('kind', 'in', 'cat'), 0)).toThrow(
			'“is one of” needs a list of at least one value.'
		);
		expect(() => validateStepParams('filter', where('kind', 'in', []), 0)).toThrow(/at least one value/);
		expect(() => validateStepParams('filter', where('note', 'contains', ''), 0)).toThrow(/needs some text/);
		expect(() => validateStepParams('filter', { conditions: [] }, 0)).toThrow(/Add at least one condition/);
		expect(() => validateStepParams('filter', { match: 'some', ...where('id', 'is-present') }, 0)).toThrow(
			/“all” or “any”/
		);
		expect(() => validateStepParams('filter', where('mass', '>', Number.NaN), 0)).toThrow(/Step 1/);
	});

	it('may leave no rows when applied to an evaluation table; fitRecipe refuses that on the training table', () => {
		const params = validateStepParams('filter', where('mass', '>', 100), 0) as v.InferOutput<
			typeof filter.params
		>;
		const out = filter.apply(params, filter.fit(params, animals()), animals(), 'evaluate');
		expect(out.table.numRows()).toBe(0);
		expect(out.schema).toEqual(animals().schema);
		const recipe = parseRecipe({ version: 1, steps: [{ op: 'filter', params: where('mass', '>', 100) }] });
		expect(() => fitRecipe(recipe, animals())).toThrow(
			'Step 1 (Filter rows): No rows are left after this step'
		);
	});

	it('state survives JSON and the state schema', () => {
		const params = validateStepParams('filter', where('id', 'in', ['1', '2']), 0) as v.InferOutput<
			typeof filter.params
		>;
		const state = filter.fit(params, animals());
		expect(state.conditions[0]).toEqual({
			column: 'id',
			operator: 'in',
			compare: 'number',
			numbers: [1, 2],
			labels: []
		});
		expect(v.parse(filter.state, JSON.parse(JSON.stringify(state)))).toEqual(state);
		expect(
			v.safeParse(filter.state, { conditions: [{ ...state.conditions[0], compare: 'code' }] }).success
		).toBe(false);
	});

	it('describes itself and defaults to keeping rows whose target is present', () => {
		const params = filter.defaults(animals().schema, { target: ['kind'] });
		expect(params).toEqual({ match: 'all', conditions: [{ column: 'kind', operator: 'is-present' }] });
		expect(filter.describe(params)).toBe('Keep rows where kind is present');
		expect(
			filter.describe({
				match: 'any',
				conditions: [
					{ column: 'Island', operator: 'in', value: ['Dream', 'Biscoe'] },
					{ column: 'Body Mass (g)', operator: '>', value: 4000 },
					{ column: 'note', operator: 'contains', value: 'mr' }
				]
			})
		).toBe('Keep rows where Island is one of Dream, Biscoe or Body Mass (g) > 4000 or note contains “mr”');
	});

	it('runs through fitRecipe and applyRecipe on penguins, and keeps every row when predicting', () => {
		const penguins = loadSample('penguins.csv');
		const recipe = parseRecipe({
			version: 1,
			steps: [
				{
					op: 'filter',
					params: {
						conditions: [
							{ column: 'Sex', operator: 'is-present' },
							{ column: 'Body Mass (g)', operator: '>', value: 4000 }
						]
					}
				}
			]
		});
		const fitted = parseFittedRecipe(JSON.parse(JSON.stringify(fitRecipe(recipe, penguins))));
		const train = applyRecipe(fitted, penguins, 'train');
		const sex = Array.from(penguins.table.array('Sex') as ArrayLike<string | null>);
		const mass = Array.from(penguins.table.array('Body Mass (g)') as ArrayLike<number | null>);
		const expected = sex.filter((s, i) => s !== null && mass[i] !== null && mass[i]! > 4000).length;
		expect(train.table.numRows()).toBe(expected);
		expect(expected).toBeGreaterThan(100);
		expect(applyRecipe(fitted, penguins, 'evaluate').table.numRows()).toBe(expected);
		expect(applyRecipe(fitted, penguins, 'predict').table.numRows()).toBe(344);
	});
});
