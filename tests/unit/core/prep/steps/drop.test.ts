// The drop step: removes the named columns, names a column that is not there, and survives JSON.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	applyRecipe,
	fitRecipe,
	parseFittedRecipe,
	parseRecipe,
	validateStepParams
} from '../../../../../src/lib/core/prep/recipe/index.ts';
import { drop } from '../../../../../src/lib/core/prep/steps/drop/index.ts';
import { prepTable } from './prep-table.ts';

const people = () =>
	prepTable({
		id: { type: 'integer', values: [1, 2, 3] },
		name: { type: 'text', values: ['Ann', 'Bo', null] },
		age: { type: 'number', values: [30, 40, 50] }
	});

describe('drop', () => {
	it('removes the named columns and keeps the rest in order', () => {
		const params = { columns: ['id', 'name'] };
		const out = drop.apply(params, drop.fit(params, people()), people(), 'train');
		expect(out.schema).toEqual([{ name: 'age', type: 'number' }]);
		expect(Array.from(out.table.array('age') as ArrayLike<number>)).toEqual([30, 40, 50]);
	});

	it('names a column that is not in the table when fitting', () => {
		expect(() => drop.fit({ columns: ['id', 'email'] }, people())).toThrow(
			'Column “email” is not in the table at this step'
		);
	});

	it('refuses an empty list and a list that is not of names', () => {
		expect(() => validateStepParams('drop', { columns: [] }, 0)).toThrow(
			'Step 1 (Drop columns): columns: Choose at least one column to drop.'
		);
		expect(() => validateStepParams('drop', { columns: [3] }, 0)).toThrow(
			/Step 1 \(Drop columns\): columns\.0/
		);
		expect(() => validateStepParams('drop', {}, 0)).toThrow(/columns/);
	});

	it('applies to a table that lacks a dropped column (a prediction file without the id)', () => {
		const params = { columns: ['id'] };
		const state = drop.fit(params, people());
		const noId = prepTable({ age: { type: 'number', values: [20] } });
		expect(drop.apply(params, state, noId, 'predict').schema).toEqual([{ name: 'age', type: 'number' }]);
	});

	it('state survives JSON and the state schema; describes itself', () => {
		const state = drop.fit({ columns: ['id'] }, people());
		expect(v.parse(drop.state, JSON.parse(JSON.stringify(state)))).toEqual(state);
		expect(drop.describe({ columns: ['id', 'name'] })).toBe('Drop id, name');
		expect(drop.defaults(people().schema, { target: ['age'] })).toEqual({ columns: [] });
	});

	it('runs through fitRecipe and applyRecipe, the quality report’s proposal included', () => {
		const recipe = parseRecipe({ version: 1, steps: [{ op: 'drop', params: { columns: ['id'] } }] });
		const fitted = parseFittedRecipe(JSON.parse(JSON.stringify(fitRecipe(recipe, people()))));
		expect(fitted.outputSchema.map((c) => c.name)).toEqual(['name', 'age']);
		const out = applyRecipe(fitted, people(), 'predict');
		expect(out.schema.map((c) => c.name)).toEqual(['name', 'age']);
		expect(out.table.numRows()).toBe(3);
	});
});
