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
		expect(output.schema.map((c) => c.name)).toEqual([
			'day_year',
			'day_month_sin',
			'day_month_cos',
			'day_weekday_sin',
			'day_weekday_cos',
			'size',
			'y'
		]);
	});

	it('keeps whole numbers that differ in every row but do not number the rows, and one-hots many levels', () => {
		const n = 400;
		const countries = Array.from({ length: 50 }, (_, i) => `country ${i}`);
		const input = {
			table: aq.table({
				row: Array.from({ length: n }, (_, i) => i + 1),
				population: Array.from({ length: n }, (_, i) => 1_000_000 + i * 7919 * (i % 3 === 0 ? 3 : 1)),
				country: Array.from({ length: n }, (_, i) => countries[i % 50]),
				y: Array.from({ length: n }, (_, i) => i % 7)
			}),
			schema: [
				{ name: 'row', type: 'integer' as const },
				{ name: 'population', type: 'integer' as const },
				{ name: 'country', type: 'category' as const },
				{ name: 'y', type: 'number' as const }
			]
		};
		const { recipe } = defaultRecipe(input, ['y']);
		expect(recipe.steps[0]).toEqual({ op: 'drop', params: { columns: ['row'] }, enabled: true });
		const encode = recipe.steps.find((step) => step.op === 'encode');
		expect(encode?.params.maxLevels).toBe(50);
		const output = applyRecipe(fitRecipe(parseRecipe(recipe), input), input, 'train');
		expect(output.schema.map((c) => c.name)).toContain('population');
		expect(output.schema.filter((c) => c.name.startsWith('country=')).length).toBe(50);
	});

	it('scales every numeric column that leaves the recipe: date parts, a bin and a formula included', () => {
		const n = 60;
		const input = {
			table: aq.table({
				day: Array.from({ length: n }, (_, i) => new Date(Date.UTC(1970 + (i % 45), i % 12, 1 + (i % 28)))),
				weight: Array.from({ length: n }, (_, i) => 1500 + 37 * ((i * 7) % 50)),
				power: Array.from({ length: n }, (_, i) => (i === 5 ? null : 40 + ((i * 11) % 30))),
				origin: Array.from({ length: n }, (_, i) => ['usa', 'europe', 'japan'][i % 3]),
				y: Array.from({ length: n }, (_, i) => 10 + (i % 17))
			}),
			schema: [
				{ name: 'day', type: 'date' as const },
				{ name: 'weight', type: 'integer' as const },
				{ name: 'power', type: 'integer' as const },
				{ name: 'origin', type: 'category' as const },
				{ name: 'y', type: 'number' as const }
			]
		};
		const extraSteps = [
			{ op: 'bin', params: { columns: ['power'], bins: 4 }, enabled: true },
			{ op: 'derive', params: { name: 'ratio', formula: 'weight / 10' }, enabled: true },
			{ op: 'impute', params: { columns: ['weight'], strategy: 'mean', indicator: true }, enabled: true }
		];
		const { recipe, stepReasons } = defaultRecipe(input, ['y'], { extraSteps });
		expect(stepReasons).toHaveLength(recipe.steps.length);
		const scale = recipe.steps.find((s) => s.op === 'scale')!;
		expect(scale.params.columns).toEqual(
			expect.arrayContaining(['day_year', 'day_month_sin', 'power', 'ratio', 'weight', 'weight_missing'])
		);
		expect(stepReasons[recipe.steps.indexOf(scale)]).toMatch(/mean 0 and spread 1/);
		expect(stepReasons.join(' ')).toMatch(/December sits next to January/);
		const output = applyRecipe(fitRecipe(parseRecipe(recipe), input), input, 'train');
		const encoded = output.schema.filter((c) => c.name.startsWith('origin')).map((c) => c.name);
		expect(encoded.length).toBe(3);
		for (const column of output.schema) {
			if (column.name === 'y' || encoded.includes(column.name)) continue;
			expect(['integer', 'number']).toContain(column.type);
			const values = Array.from(output.table.array(column.name) as ArrayLike<number>);
			const mean = values.reduce((a, b) => a + b, 0) / values.length;
			const spread = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
			expect(Math.abs(mean), column.name).toBeLessThan(1e-6);
			// A column that does not vary (the indicator: weight has no gaps) stays at 0.
			expect(spread === 0 || Math.abs(spread - 1) < 1e-6, column.name).toBe(true);
		}
	});

	it('leaves numbers unscaled when the person turned scaling off', () => {
		const input = loadSample('penguins.csv');
		const { recipe, reasons } = defaultRecipe(input, ['Species'], { scale: false });
		expect(recipe.steps.map((s) => s.op)).not.toContain('scale');
		expect(reasons.join(' ')).toMatch(/unscaled, as you chose/);
	});
});
