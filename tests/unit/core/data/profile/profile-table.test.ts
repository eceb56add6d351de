import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import type { ColumnSchema } from '../../../../../src/lib/core/table/column-types.ts';
import { profileTable } from '../../../../../src/lib/core/data/profile/index.ts';
import { BenchtopError } from '../../../../../src/lib/core/errors.ts';
import { loadSample } from './load-sample.ts';

// Expected values from numpy 2 on sample-datasets/iris.csv: mean, std(ddof=1), percentile (linear),
// corrcoef — the same numbers pandas' describe() and corr() print.
const IRIS = {
	sepal_length: {
		mean: 5.843333333333334,
		std: 0.828066127977863,
		min: 4.3,
		q1: 5.1,
		median: 5.8,
		q3: 6.4,
		max: 7.9,
		p5: 4.6,
		p95: 7.255,
		unique: 35
	},
	sepal_width: {
		mean: 3.0573333333333337,
		std: 0.4358662849366982,
		min: 2,
		q1: 2.8,
		median: 3,
		q3: 3.3,
		max: 4.4,
		p5: 2.345,
		p95: 3.8,
		unique: 23
	},
	petal_length: {
		mean: 3.7580000000000005,
		std: 1.7652982332594662,
		min: 1,
		q1: 1.6,
		median: 4.35,
		q3: 5.1,
		max: 6.9,
		p5: 1.3,
		p95: 6.1,
		unique: 43
	},
	petal_width: {
		mean: 1.1993333333333336,
		std: 0.7622376689603465,
		min: 0.1,
		q1: 0.3,
		median: 1.3,
		q3: 1.8,
		max: 2.5,
		p5: 0.2,
		p95: 2.3,
		unique: 22
	}
};
const IRIS_CORR = [
	[1.0, -0.11757, 0.871754, 0.817941],
	[-0.11757, 1.0, -0.42844, -0.366126],
	[0.871754, -0.42844, 1.0, 0.962865],
	[0.817941, -0.366126, 0.962865, 1.0]
];

function table(columns: Record<string, unknown[]>, types: Record<string, ColumnSchema['type']>) {
	return {
		table: aq.table(columns),
		schema: Object.entries(types).map(([name, type]) => ({ name, type }))
	};
}

describe('profileTable', () => {
	it('matches pandas describe() and corr() on iris', () => {
		const { table: t, schema } = loadSample('iris.csv');
		const profile = profileTable(t, schema);
		expect(profile.rows).toBe(150);
		expect(profile.duplicateRows).toBe(1);
		for (const [name, want] of Object.entries(IRIS)) {
			const c = profile.columns.find((col) => col.name === name)!;
			expect(c.count).toBe(150);
			expect(c.missing).toBe(0);
			expect(c.unique).toBe(want.unique);
			expect(c.mean).toBeCloseTo(want.mean, 12);
			expect(c.std).toBeCloseTo(want.std, 12);
			expect(c.min).toBe(want.min);
			expect(c.max).toBe(want.max);
			expect(c.quantiles!.q1).toBeCloseTo(want.q1, 12);
			expect(c.quantiles!.median).toBeCloseTo(want.median, 12);
			expect(c.quantiles!.q3).toBeCloseTo(want.q3, 12);
			expect(c.quantiles!.p5).toBeCloseTo(want.p5, 12);
			expect(c.quantiles!.p95).toBeCloseTo(want.p95, 12);
			expect(c.histogram!.bins.reduce((s, b) => s + b.count, 0)).toBe(150);
		}
		expect(profile.correlations.columns).toEqual(Object.keys(IRIS));
		profile.correlations.matrix.forEach((row, i) =>
			row.forEach((r, j) => expect(r).toBeCloseTo(IRIS_CORR[i]![j]!, 5))
		);
		const species = profile.columns.find((c) => c.name === 'species')!;
		expect(species.top).toEqual([
			{ value: 'setosa', count: 50 },
			{ value: 'versicolor', count: 50 },
			{ value: 'virginica', count: 50 }
		]);
		expect(species.mean).toBeNull();
		expect(species.histogram).toBeNull();
	});

	it('works out a small table by hand: missing, zeros, negatives, quantiles, outliers', () => {
		const { table: t, schema } = table(
			{ x: [-2, 0, 0, 1, 3, null, 100], word: ['a', 'b', 'a', null, 'a', 'c', 'b'] },
			{ x: 'integer', word: 'category' }
		);
		const [x, word] = profileTable(t, schema).columns;
		// Present x: -2 0 0 1 3 100 → mean 17, squares of deviations 361+289+289+256+196+6889 = 8280.
		expect(x).toMatchObject({
			count: 6,
			missing: 1,
			unique: 5,
			min: -2,
			max: 100,
			mean: 17,
			zeros: 2,
			negatives: 1
		});
		expect(x!.std).toBeCloseTo(Math.sqrt(8280 / 5), 12);
		// Type 7: h = 5p; q1 at 1.25 → 0, median at 2.5 → 0.5, q3 at 3.75 → 1 + 0.75·2 = 2.5.
		expect(x!.quantiles).toMatchObject({ q1: 0, median: 0.5, q3: 2.5 });
		// Fences 0 − 3.75 and 2.5 + 3.75: −2 is inside, 100 is out.
		expect(x!.outliers).toBe(1);
		expect(word).toMatchObject({ count: 6, missing: 1, unique: 3, uniqueApprox: false });
		expect(word!.top).toEqual([
			{ value: 'a', count: 3 },
			{ value: 'b', count: 2 },
			{ value: 'c', count: 1 }
		]);
	});

	it('gives an integer column one bin per value when they fit', () => {
		const { table: t, schema } = loadSample('cars.csv');
		const cylinders = profileTable(t, schema).columns.find((c) => c.name === 'Cylinders')!;
		expect(cylinders.histogram!.bins.map((b) => [b.x0, b.count])).toEqual([
			[3, 4],
			[4, 207],
			[5, 3],
			[6, 84],
			[7, 0],
			[8, 108]
		]);
	});

	it('profiles dates with Date bounds and calendar bins', () => {
		const { table: t, schema } = loadSample('cars.csv');
		const year = profileTable(t, schema).columns.find((c) => c.name === 'Year')!;
		expect(year.min).toEqual(new Date('1970-01-01'));
		expect(year.max).toEqual(new Date('1982-01-01'));
		expect(year.mean).toBeNull();
		expect(year.unique).toBe(12);
		// One bin per model year, each starting on 1 January.
		expect(
			year.histogram!.bins.every((b) => new Date(b.x0).toISOString().endsWith('-01-01T00:00:00.000Z'))
		).toBe(true);
		expect(year.histogram!.bins.filter((b) => b.count > 0)).toHaveLength(12);
	});

	it('counts missing values and matches numpy on the cars sample', () => {
		const { table: t, schema } = loadSample('cars.csv');
		const profile = profileTable(t, schema);
		const mpg = profile.columns.find((c) => c.name === 'Miles_per_Gallon')!;
		expect(mpg.missing).toBe(8);
		expect(mpg.mean).toBeCloseTo(23.514572864321607, 12);
		expect(mpg.std).toBeCloseTo(7.815984312565782, 12);
		expect(mpg.quantiles).toMatchObject({ p5: 13, q1: 17.5, median: 23, q3: 29 });
		expect(profile.columns.find((c) => c.name === 'Horsepower')!.missing).toBe(6);
		// Pairwise complete: 392 rows have both.
		const { columns, matrix } = profile.correlations;
		const r = matrix[columns.indexOf('Miles_per_Gallon')]![columns.indexOf('Horsepower')];
		expect(r).toBeCloseTo(-0.7784267838977756, 12);
	});

	it('treats booleans as two levels and leaves them out of correlations', () => {
		const { table: t, schema } = table(
			{ b: [true, false, true, null], n: [1, 2, 3, 4] },
			{ b: 'boolean', n: 'number' }
		);
		const profile = profileTable(t, schema);
		expect(profile.columns[0]).toMatchObject({
			unique: 2,
			missing: 1,
			top: [
				{ value: 'true', count: 2 },
				{ value: 'false', count: 1 }
			]
		});
		expect(profile.correlations.columns).toEqual(['n']);
	});

	it('gives null statistics for an empty or constant column instead of NaN', () => {
		const { table: t, schema } = table(
			{ empty: [null, null], same: [5, 5] },
			{ empty: 'number', same: 'number' }
		);
		const profile = profileTable(t, schema);
		expect(profile.columns[0]).toMatchObject({
			count: 0,
			unique: 0,
			min: null,
			mean: null,
			std: null,
			quantiles: null,
			histogram: null
		});
		expect(profile.columns[1]).toMatchObject({ unique: 1, std: 0 });
		expect(profile.correlations.matrix).toEqual([
			[null, null],
			[null, null]
		]);
	});

	it('profiles a table with no rows', () => {
		const { table: t, schema } = table({ a: [], b: [] }, { a: 'number', b: 'text' });
		const profile = profileTable(t, schema);
		expect(profile.rows).toBe(0);
		expect(profile.duplicateRows).toBe(0);
		expect(profile.columns.map((c) => c.count)).toEqual([0, 0]);
	});

	it('rejects a schema that names a column the table lacks, and an unknown target', () => {
		const { table: t } = table({ a: [1] }, { a: 'number' });
		expect(() => profileTable(t, [{ name: 'b', type: 'number' }])).toThrow(BenchtopError);
		expect(() => profileTable(t, [{ name: 'a', type: 'number' }], { target: 'zzz' })).toThrow(/zzz/);
	});

	it('honours bins and topK', () => {
		const { table: t, schema } = loadSample('iris.csv');
		const profile = profileTable(t, schema, { bins: 5, topK: 2 });
		expect(profile.columns[0]!.histogram!.bins.length).toBeLessThanOrEqual(5);
		expect(profile.columns[4]!.top).toHaveLength(2);
	});
});
