import { describe, expect, it } from 'vitest';
import { radixSortFloat64 } from '../../../../../src/lib/core/data/profile/radix-sort.ts';
import { sortNumbers, sortedPresentValues } from '../../../../../src/lib/core/data/profile/sort-values.ts';

describe('radixSortFloat64', () => {
	it('sorts like the native typed-array sort: negatives, zeros, infinities, tiny and huge values', () => {
		let seed = 1;
		const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
		const values = new Float64Array(50_000);
		for (let i = 0; i < values.length; i++) {
			const r = random();
			values[i] = r < 0.1 ? Math.round(r * 100) - 5 : (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
		}
		values.set([0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MAX_VALUE], 0);
		const expected = values.slice().sort();
		expect(Array.from(radixSortFloat64(values.slice()))).toEqual(Array.from(expected));
	});

	it('is what sorts long numeric columns, with missing values left out', () => {
		const values = new Float64Array(40_000).map((_, i) => (i % 10 === 0 ? NaN : Math.sin(i)));
		const sorted = sortedPresentValues({ kind: 'numeric', name: 'x', type: 'number', values, missing: 4000 });
		expect(sorted).toHaveLength(36_000);
		expect(sorted.every((x, i) => i === 0 || sorted[i - 1]! <= x)).toBe(true);
	});

	it('sortNumbers gives the native order, bit for bit (−0 before 0), short and long', () => {
		for (const n of [7, 70_000]) {
			const values = Float64Array.from({ length: n }, (_, i) =>
				i % 5 === 0 ? -0 : i % 7 === 0 ? 0 : Math.cos(i) * 1e3
			);
			const expected = values.slice().sort();
			const sorted = sortNumbers(values.slice());
			expect(sorted).toHaveLength(n);
			expect(Array.from(sorted, (x) => Object.is(x, -0))).toEqual(
				Array.from(expected, (x) => Object.is(x, -0))
			);
			expect(Array.from(sorted)).toEqual(Array.from(expected));
		}
	});
});
