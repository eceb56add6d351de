import { describe, expect, it } from 'vitest';
import type { NumericData } from '../../../../../src/lib/core/data/profile/column-data.ts';
import { DistinctNumbers } from '../../../../../src/lib/core/data/profile/distinct-numbers.ts';
import { rankErrorBound, DEFAULT_K } from '../../../../../src/lib/core/data/profile/kll-sketch.ts';
import {
	summarizeLargeNumeric,
	summarizeNumeric
} from '../../../../../src/lib/core/data/profile/numeric-summary.ts';

function column(n: number, distinct: number, seed: number): NumericData {
	let s = seed;
	const random = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
	let missing = 0;
	const values = Float64Array.from({ length: n }, () => {
		const u = random();
		if (u < 0.02) {
			missing++;
			return NaN;
		}
		// Skewed, with negatives and zeros, from `distinct` possible values.
		return Math.floor(random() * distinct) ** 1.5 / 100 - 40;
	});
	return { kind: 'numeric', name: 'x', type: 'number', values, missing };
}

/** Where q stands in the sorted values, as the range of fractions of n it occupies. */
function rankOf(sorted: Float64Array, q: number): [number, number] {
	let below = 0;
	let atMost = 0;
	for (const x of sorted) {
		if (x < q) below++;
		if (x <= q) atMost++;
	}
	return [below / sorted.length, atMost / sorted.length];
}

describe('summarizeLargeNumeric (the sketched path for columns past 2,097,152 values)', () => {
	it('is exact where it can be and within the sketch’s bound for quantiles', () => {
		const data = column(400_000, 20_000, 3);
		const exact = summarizeNumeric(data, 20);
		const sketched = summarizeLargeNumeric(data, 20);
		expect(sketched.quantilesApprox).toBe(true);
		expect(exact.quantilesApprox).toBe(false);
		// Counts, range, distinct values (below the bound) and the histogram are exact.
		for (const key of ['count', 'unique', 'uniqueApprox', 'min', 'max', 'zeros', 'negatives'] as const)
			expect(sketched[key]).toBe(exact[key]);
		expect(sketched.binning).toEqual(exact.binning);
		expect(sketched.histogram).toEqual(exact.histogram);
		// Sums in another order: equal to rounding.
		expect(sketched.mean).toBeCloseTo(exact.mean!, 9);
		expect(sketched.std).toBeCloseTo(exact.std!, 9);
		const sorted = data.values.filter((x) => x === x).sort();
		const bound = rankErrorBound(DEFAULT_K);
		const ps = { p5: 0.05, q1: 0.25, median: 0.5, q3: 0.75, p95: 0.95 };
		for (const [key, p] of Object.entries(ps)) {
			const [lo, hi] = rankOf(sorted, sketched.quantiles![key as keyof typeof ps]);
			expect(p).toBeGreaterThanOrEqual(lo - bound);
			expect(p).toBeLessThanOrEqual(hi + bound);
		}
		// Outliers from the sketch's quartiles: close to the exact count, not necessarily equal.
		expect(Math.abs(sketched.outliers - exact.outliers)).toBeLessThanOrEqual(0.01 * exact.count);
	}, 30_000);

	it('estimates the distinct count past 100,000 values, and says so', () => {
		const data = column(400_000, 1e9, 4);
		const exact = summarizeNumeric(data, 20);
		const sketched = summarizeLargeNumeric(data, 20);
		expect(sketched.uniqueApprox).toBe(true);
		expect(Math.abs(sketched.unique - exact.unique) / exact.unique).toBeLessThan(0.03);
	}, 30_000);

	it('answers an empty summary for a column with no values', () => {
		const values = new Float64Array(10).fill(NaN);
		const s = summarizeLargeNumeric({ kind: 'numeric', name: 'x', type: 'number', values, missing: 10 }, 20);
		expect(s).toMatchObject({ count: 0, quantiles: null, histogram: null, quantilesApprox: false });
	});
});

describe('DistinctNumbers', () => {
	it('counts exactly up to 100,000 values, −0 and 0 as one, then estimates', () => {
		const d = new DistinctNumbers();
		for (const x of [0, -0, 1.5, 1.5, -2]) d.add(x);
		expect(d.count).toBe(3);
		expect(d.approximate).toBe(false);
		// 3 + 99,997 = 100,000 distinct values: still exact (repeats change nothing).
		for (let i = 0; i < 99_997; i++) d.add(i + 0.25);
		for (let i = 0; i < 1_000; i++) d.add(i + 0.25);
		expect(d.approximate).toBe(false);
		expect(d.count).toBe(100_000);
		for (let i = 0; i < 200_001; i++) d.add(-1e6 - i);
		expect(d.approximate).toBe(true);
		expect(Math.abs(d.count - 300_001) / 300_001).toBeLessThan(0.03);
	});
});
