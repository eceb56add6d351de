import { describe, expect, it } from 'vitest';
import { fixInRecipe } from '../../../../src/lib/core/prep/fix-in-recipe.ts';
import type { Recipe } from '../../../../src/lib/core/prep/recipe/types.ts';

const recipe: Recipe = {
	version: 1,
	steps: [
		{ op: 'impute', params: { columns: ['a', 'b'], strategy: 'median' }, enabled: true },
		{ op: 'drop', params: { columns: ['id'] }, enabled: false },
		{
			op: 'filter',
			params: { match: 'all', conditions: [{ column: 'y', operator: 'is-present' }] },
			enabled: true
		}
	]
};

describe('fixInRecipe', () => {
	it('finds a fix a step already does, on the same or more columns', () => {
		expect(
			fixInRecipe({ op: 'impute', params: { columns: ['b'], strategy: 'median' }, label: '' }, recipe)
		).toBe(true);
		const filter = { match: 'all', conditions: [{ column: 'y', operator: 'is-present' }] };
		expect(fixInRecipe({ op: 'filter', params: filter, label: '' }, recipe)).toBe(true);
	});

	it('does not count other settings, other columns, or a step that is off', () => {
		const impute = (columns: string[], strategy: string) => ({
			op: 'impute',
			params: { columns, strategy },
			label: ''
		});
		expect(fixInRecipe(impute(['b'], 'most-frequent'), recipe)).toBe(false);
		expect(fixInRecipe(impute(['c'], 'median'), recipe)).toBe(false);
		expect(fixInRecipe({ op: 'drop', params: { columns: ['id'] }, label: '' }, recipe)).toBe(false);
	});
});
