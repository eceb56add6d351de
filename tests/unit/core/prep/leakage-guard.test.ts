// The leakage guard: every statistic a fitted recipe holds must come from the training rows only. Changing
// validation and test rows, however wildly, must leave the fitted recipe exactly as it was; changing a
// training row must not (which shows the comparison can fail).
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import type { ColumnSchema } from '../../../../src/lib/core/table/column-types.ts';
import { prepareSplits } from '../../../../src/lib/core/prep/preparation.ts';
import type { PrepTable } from '../../../../src/lib/core/table/prep-table.ts';
import type { Recipe } from '../../../../src/lib/core/prep/recipe/index.ts';

const SCHEMA: ColumnSchema[] = [
	{ name: 'x', type: 'number' },
	{ name: 'y', type: 'number' },
	{ name: 'city', type: 'category' },
	{ name: 'label', type: 'category' }
];

/** 300 rows with missing values in every feature, so imputers have something to learn. */
function table(change?: { rows: ArrayLike<number>; x: number; city: string }): PrepTable {
	const n = 300;
	const x: (number | null)[] = [];
	const y: (number | null)[] = [];
	const city: (string | null)[] = [];
	const label: string[] = [];
	for (let i = 0; i < n; i++) {
		x.push(i % 11 === 0 ? null : ((i * 37) % 101) / 7);
		y.push(i % 13 === 0 ? null : Math.exp(((i * 17) % 23) / 10));
		city.push(i % 17 === 0 ? null : `city-${(i * 7) % 9}`);
		label.push(i % 3 === 0 ? 'a' : 'b');
	}
	for (const row of Array.from(change?.rows ?? [])) {
		x[row] = change!.x;
		y[row] = change!.x;
		city[row] = change!.city;
	}
	return { table: aq.table({ x, y, city, label }), schema: SCHEMA };
}

// Every step that learns something from data: means, medians, quantiles, bin edges, λ, vocabularies.
const RECIPE: Recipe = {
	version: 1,
	steps: [
		{ op: 'impute', params: { columns: ['x', 'y'], strategy: 'mean', indicator: true }, enabled: true },
		{ op: 'impute', params: { columns: ['city'], strategy: 'most-frequent' }, enabled: true },
		{ op: 'clip', params: { columns: ['x'], lower: 0.05, upper: 0.95 }, enabled: true },
		{ op: 'transform', params: { columns: ['y'], method: 'yeo-johnson' }, enabled: true },
		{ op: 'bin', params: { columns: ['y'], method: 'quantile', bins: 4 }, enabled: true },
		{ op: 'scale', params: { columns: ['x'], method: 'robust' }, enabled: true },
		{ op: 'encode', params: { columns: ['city'], maxLevels: 5 }, enabled: true }
	]
};

const SPLITS = [
	{ method: 'random', seed: 3 },
	{ method: 'stratified', column: 'label', seed: 3 }
];

describe('leakage guard', () => {
	for (const split of SPLITS) {
		it(`learns nothing from validation or test rows (${split.method} split)`, () => {
			const original = prepareSplits(table(), RECIPE, split);
			const heldOut = [...original.split.validation, ...original.split.test];
			const changed = prepareSplits(table({ rows: heldOut, x: 1e9, city: 'never-seen' }), RECIPE, split);
			expect(changed.split.record.indicesHash).toBe(original.split.record.indicesHash);
			expect(changed.fitted).toEqual(original.fitted);
			// The held-out rows did change, and the fitted recipe handled values it never saw.
			expect(changed.test.table.array('x')).not.toEqual(original.test.table.array('x'));
		});

		it(`does learn from training rows (${split.method} split), so the check above can fail`, () => {
			const original = prepareSplits(table(), RECIPE, split);
			const someTrain = original.split.train.slice(0, 10);
			const changed = prepareSplits(table({ rows: someTrain, x: 1e9, city: 'new-city' }), RECIPE, split);
			expect(changed.fitted).not.toEqual(original.fitted);
		});
	}
});
