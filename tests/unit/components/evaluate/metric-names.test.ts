import { describe, expect, it } from 'vitest';
import {
	beatsBaseline,
	formatMetric,
	metricLabel
} from '../../../../src/lib/components/evaluate/metric-names.ts';
import { metricDirection } from '../../../../src/lib/core/evaluate/compare-runs.ts';
import {
	CLASSIFICATION_METRICS,
	REGRESSION_METRICS
} from '../../../../src/lib/core/evaluate/evaluate-metrics.ts';

describe('metric names', () => {
	it('gives a human name, falling back to the scikit-learn name in words', () => {
		expect(metricLabel('f1_macro')).toBe('F1 (macro)');
		expect(metricLabel('r2')).toBe('R²');
		expect(metricLabel('top_k_accuracy')).toBe('Top k accuracy');
	});

	it('knows which way is better, and whether the model beats the baseline', () => {
		expect(beatsBaseline('log_loss', 0.2, 1.1)).toBe(true);
		// gapminder's life expectancy: median absolute error 0.78 years against the mean's 6.95 (was red).
		expect(beatsBaseline('median_ae', 0.7817, 6.949)).toBe(true);
		expect(beatsBaseline('median_ae', 7, 6.949)).toBe(false);
		expect(beatsBaseline('r2', 0.978, -0.005)).toBe(true);
		expect(beatsBaseline('accuracy', 0.9, 0.33)).toBe(true);
		expect(beatsBaseline('a_metric_nobody_knows', 2, 1)).toBeUndefined();
		expect(beatsBaseline('rmse', 12, 10)).toBe(false);
		expect(beatsBaseline('rmse', 8, 10)).toBe(true);
		expect(beatsBaseline('accuracy', null, 0.33)).toBeUndefined();
		expect(beatsBaseline('accuracy', 0.5, 0.5)).toBeUndefined();
	});

	it('prints four significant figures, large values separated, undefined as a dash', () => {
		expect(formatMetric(0.966666667)).toBe('0.9667');
		expect(formatMetric(1)).toBe('1');
		expect(formatMetric(3421.56)).toBe('3421.6');
		expect(formatMetric(13421.56)).toBe('13,421.6');
		expect(formatMetric(1.77064e15)).toBe('1.77e+15');
		expect(formatMetric(0.00001234)).toBe('1.23e-5');
		expect(formatMetric(null)).toBe('–');
		expect(formatMetric(Number.NaN)).toBe('–');
	});

	it('knows which way is better for every metric Evaluate computes', () => {
		const computed = [
			...CLASSIFICATION_METRICS,
			...REGRESSION_METRICS,
			'inertia',
			'silhouette',
			'davies_bouldin'
		];
		for (const name of computed) expect(metricDirection(name), name).toBeDefined();
		expect(metricLabel('median_ae')).toBe('Median absolute error');
	});
});
