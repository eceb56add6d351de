import { describe, expect, it } from 'vitest';
import {
	beatsBaseline,
	formatMetric,
	lowerIsBetter,
	metricLabel
} from '../../../../src/lib/components/evaluate/metric-names.ts';

describe('metric names', () => {
	it('gives a human name, falling back to the scikit-learn name in words', () => {
		expect(metricLabel('f1_macro')).toBe('F1 (macro)');
		expect(metricLabel('r2')).toBe('R²');
		expect(metricLabel('top_k_accuracy')).toBe('Top k accuracy');
	});

	it('knows which way is better, and whether the model beats the baseline', () => {
		expect(lowerIsBetter('log_loss')).toBe(true);
		expect(lowerIsBetter('median_absolute_error')).toBe(true);
		expect(lowerIsBetter('accuracy')).toBe(false);
		expect(lowerIsBetter('r2')).toBe(false);
		expect(beatsBaseline('accuracy', 0.9, 0.33)).toBe(true);
		expect(beatsBaseline('rmse', 12, 10)).toBe(false);
		expect(beatsBaseline('rmse', 8, 10)).toBe(true);
		expect(beatsBaseline('accuracy', null, 0.33)).toBeUndefined();
		expect(beatsBaseline('accuracy', 0.5, 0.5)).toBeUndefined();
	});

	it('prints four significant figures, large values separated, undefined as a dash', () => {
		expect(formatMetric(0.966666667)).toBe('0.9667');
		expect(formatMetric(1)).toBe('1');
		expect(formatMetric(3421.56)).toBe('3,421.6');
		expect(formatMetric(0.00001234)).toBe('1.23e-5');
		expect(formatMetric(null)).toBe('–');
		expect(formatMetric(Number.NaN)).toBe('–');
	});
});
