import { describe, expect, it } from 'vitest';
import { regressionMetrics } from '../../../../src/lib/core/evaluate/evaluate-metrics.ts';

describe('regressionMetrics notes', () => {
	it('says why mape is enormous when the target has zeros (fair.csv: most people report no affairs)', () => {
		const actual = [Float64Array.from([0, 0, 1, 3])];
		const scored = regressionMetrics(['affairs'], actual, [Float64Array.from([0.5, 0.1, 1, 2])]);
		// scikit-learn's value: each zero's error divided by its epsilon.
		expect(scored.metrics.mape).toBeGreaterThan(1e14);
		expect(scored.notes).toEqual([
			'mape divides each error by its actual value, and 2 of 4 rows have affairs = 0 (scikit-learn divides by its epsilon there), so mape is enormous and says nothing: read mae or median_ae.'
		]);
	});

	it('says nothing of mape when no actual value is 0', () => {
		const scored = regressionMetrics(['y'], [Float64Array.from([1, 2, 4])], [Float64Array.from([1, 2, 3])]);
		expect(scored.metrics.mape).toBeCloseTo(1 / 12, 12);
		expect(scored.notes).toEqual([]);
	});
});
