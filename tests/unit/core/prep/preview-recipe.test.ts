import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { previewRecipe } from '../../../../src/lib/core/prep/preview/preview-recipe.ts';
import type { Recipe } from '../../../../src/lib/core/prep/recipe/index.ts';

describe('previewRecipe', () => {
	it('tells at the step when one-hot folds 100,000 categories, without making 100,000 columns', () => {
		const n = 100_000;
		const input = {
			table: aq.table({
				id: Array.from({ length: n }, (_, i) => `user-${i}`),
				x: Float64Array.from({ length: n }, (_, i) => i % 10)
			}),
			schema: [
				{ name: 'id', type: 'category' as const },
				{ name: 'x', type: 'number' as const }
			]
		};
		const recipe: Recipe = {
			version: 1,
			steps: [{ op: 'encode', params: { columns: ['id'], method: 'one-hot', maxLevels: 20 }, enabled: true }]
		};
		// How long it takes is timed in bench/core-timings.ts (`npm run bench`), not asserted here.
		const preview = previewRecipe(recipe, input);
		const step = preview.steps[0]!;
		expect(step.status).toBe('ok');
		expect(step.added).toHaveLength(21);
		expect(step.notes).toEqual([
			'id: kept the 20 most frequent categories apart; 99,980 rarer ones share the “id_other” column.'
		]);
		expect(preview.output.map((c) => c.name)).toContain('id_other');
	});

	it('marks disabled steps and keeps untouched columns out of the change lists', () => {
		const input = {
			table: aq.table({ a: [1, 2, null, 4], b: ['x', 'y', 'x', 'y'] }),
			schema: [
				{ name: 'a', type: 'number' as const },
				{ name: 'b', type: 'category' as const }
			]
		};
		const recipe: Recipe = {
			version: 1,
			steps: [
				{ op: 'drop', params: { columns: ['b'] }, enabled: false },
				{ op: 'impute', params: { columns: ['a'], strategy: 'mean' }, enabled: true }
			]
		};
		const preview = previewRecipe(recipe, input);
		expect(preview.steps.map((s) => s.status)).toEqual(['disabled', 'ok']);
		expect(preview.steps[1]!.changed).toEqual(['a']);
		expect(preview.steps[1]!.before[0]!.missing).toBe(1);
		expect(preview.steps[1]!.after[0]).toMatchObject({ missing: 0, mean: 7 / 3 });
		expect(preview.steps[1]!.columns.map((c) => c.name)).toEqual(['a', 'b']);
	});
});
