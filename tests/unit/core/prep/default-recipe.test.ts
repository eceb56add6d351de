import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { defaultRecipe } from '../../../../src/lib/core/prep/default-recipe.ts';
import { applyRecipe, fitRecipe, parseRecipe } from '../../../../src/lib/core/prep/recipe/index.ts';
import { loadSample } from '../data/profile/load-sample.ts';

describe('defaultRecipe', () => {
	it('prepares penguins for a model: every feature a number, no gaps, the target untouched', () => {
		const input = loadSample('penguins.csv');
		const { recipe, reasons } = defaultRecipe(input, ['Species']);
		expect(recipe.steps.map((s) => s.op)).toEqual(['impute', 'impute', 'scale', 'encode']);
		expect(reasons.length).toBeGreaterThan(0);
		const output = applyRecipe(fitRecipe(parseRecipe(recipe), input), input, 'train');
		for (const column of output.schema.filter((c) => c.name !== 'Species')) {
			expect(['integer', 'number']).toContain(column.type);
			expect((output.table.array(column.name) as unknown[]).some((v) => v === null)).toBe(false);
		}
		expect(output.table.array('Species')).toEqual(input.table.array('Species'));
	});

	it('drops identifiers and free text, splits dates, and keeps only rows with a target', () => {
		const n = 40;
		const input = {
			table: aq.table({
				id: Array.from({ length: n }, (_, i) => i + 1000),
				note: Array.from({ length: n }, (_, i) => `free text ${i % 7} ${i % 5}`),
				day: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2024, i % 12, 1 + (i % 28)))),
				size: Array.from({ length: n }, (_, i) => (i % 9 === 0 ? null : i % 13)),
				y: Array.from({ length: n }, (_, i) => (i === 3 ? null : i % 2 === 0 ? 'a' : 'b'))
			}),
			schema: [
				{ name: 'id', type: 'integer' as const },
				{ name: 'note', type: 'text' as const },
				{ name: 'day', type: 'date' as const },
				{ name: 'size', type: 'integer' as const },
				{ name: 'y', type: 'category' as const }
			]
		};
		const { recipe, reasons } = defaultRecipe(input, ['y']);
		expect(recipe.steps[0]).toEqual({ op: 'drop', params: { columns: ['id', 'note'] }, enabled: true });
		expect(recipe.steps[1]!.op).toBe('filter');
		expect(reasons.join(' ')).toMatch(/identifier/);
		const output = applyRecipe(fitRecipe(parseRecipe(recipe), input), input, 'train');
		expect(output.table.numRows()).toBe(n - 1);
		expect(output.schema.map((c) => c.name)).toEqual(['day_year', 'day_month', 'day_weekday', 'size', 'y']);
	});
});
