import { describe, expect, it } from 'vitest';
import { splitCounts } from '../../../../../src/lib/core/prep/split/index.ts';
import fixture from './fixtures/sklearn-splits.json' with { type: 'json' };

describe('splitCounts', () => {
	it('matches sklearn train_test_split sizes when there is no validation split', () => {
		expect(fixture.trainTestSplitSizes.length).toBeGreaterThan(50);
		for (const { n, test, nTrain, nTest } of fixture.trainTestSplitSizes) {
			// sklearn takes ⌈n·test⌉ in floats; where that product is a hair above a whole number we take the
			// whole number (15% of 100 rows is 15), so compare only where floats do not blur the answer.
			const product = n * test;
			if (Math.abs(product - Math.round(product)) < 1e-9 && product !== Math.round(product)) continue;
			expect(splitCounts(n, { train: 1 - test, validation: 0, test }), `n=${n} test=${test}`).toEqual({
				train: nTrain,
				validation: 0,
				test: nTest
			});
		}
	});

	it('rounds held-out splits up, train takes the rest', () => {
		expect(splitCounts(10, { train: 0.7, validation: 0.15, test: 0.15 })).toEqual({
			train: 6,
			validation: 2,
			test: 2
		});
		expect(splitCounts(100, { train: 0.7, validation: 0.15, test: 0.15 })).toEqual({
			train: 70,
			validation: 15,
			test: 15
		});
		// 0.07 × 100 is 7.000000000000001 in floats: still 7 rows, not 8.
		expect(splitCounts(100, { train: 0.86, validation: 0.07, test: 0.07 })).toEqual({
			train: 86,
			validation: 7,
			test: 7
		});
	});

	it('always adds up to n, keeps train non-empty, and fills asked-for splits while rows allow', () => {
		const fractionSets = [
			{ train: 0.7, validation: 0.15, test: 0.15 },
			{ train: 0.34, validation: 0.33, test: 0.33 },
			{ train: 0.01, validation: 0.495, test: 0.495 },
			{ train: 0.98, validation: 0.01, test: 0.01 },
			{ train: 0.8, validation: 0, test: 0.2 }
		];
		for (const fractions of fractionSets) {
			for (let n = 0; n <= 300; n++) {
				const counts = splitCounts(n, fractions);
				expect(counts.train + counts.validation + counts.test).toBe(n);
				expect(Math.min(counts.train, counts.validation, counts.test)).toBeGreaterThanOrEqual(0);
				if (n >= 1) expect(counts.train).toBeGreaterThanOrEqual(1);
				const asked = 1 + (fractions.validation > 0 ? 1 : 0) + (fractions.test > 0 ? 1 : 0);
				if (n >= asked) {
					if (fractions.test > 0) expect(counts.test, `n=${n}`).toBeGreaterThanOrEqual(1);
					if (fractions.validation > 0) expect(counts.validation, `n=${n}`).toBeGreaterThanOrEqual(1);
				}
				if (fractions.validation === 0) expect(counts.validation).toBe(0);
			}
		}
	});

	it('with too few rows, fills train, then test, then validation', () => {
		const fractions = { train: 0.7, validation: 0.15, test: 0.15 };
		expect(splitCounts(1, fractions)).toEqual({ train: 1, validation: 0, test: 0 });
		expect(splitCounts(2, fractions)).toEqual({ train: 1, validation: 0, test: 1 });
		expect(splitCounts(3, fractions)).toEqual({ train: 1, validation: 1, test: 1 });
	});
});
