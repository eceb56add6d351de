import { describe, expect, it } from 'vitest';
import { cvFoldsSpec } from '../../../src/lib/core/charts/index.ts';
import { summarizeFolds, type CrossValidationResult } from '../../../src/lib/core/evaluate/cv-summary.ts';
import { compileStrict, renderSvg } from './render.ts';

const FOLDS = [0.94, 0.98, 0.96].map((accuracy, fold) => ({
	fold,
	trainRows: 100,
	testRows: 50,
	metrics: { accuracy, roc_auc: fold === 1 ? null : 0.99, log_loss: 0.2 + fold / 20 },
	epochs: 30,
	durationMs: 900
}));
const RESULT: CrossValidationResult = {
	k: 3,
	stratified: true,
	folds: FOLDS,
	summary: summarizeFolds(FOLDS),
	warnings: []
};

describe('cvFoldsSpec', () => {
	it('draws each metric with a point per fold, its mean and a band of one std', async () => {
		const spec = cvFoldsSpec(RESULT)!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const charts = (
			spec as {
				vconcat: { title: { text: string; subtitle: string }; layer: { data: { values: unknown[] } }[] }[];
			}
		).vconcat;
		expect(charts.map((c) => c.title.text)).toEqual(['Accuracy', 'ROC AUC', 'Log loss']);
		expect(charts[0]!.title.subtitle).toBe('0.9600 ± 0.0163');
		// A fold where the metric is undefined has no point.
		expect(charts[1]!.layer[1]!.data.values).toHaveLength(2);
		const svg = await renderSvg(spec);
		expect(svg).toContain('Log loss');
		expect([...svg.matchAll(/aria-roledescription="point"/g)]).toHaveLength(8);
	});

	it('draws nothing when no metric has a value', () => {
		const folds = [{ ...FOLDS[0]!, metrics: { accuracy: null } }];
		expect(cvFoldsSpec({ ...RESULT, folds, summary: summarizeFolds(folds) })).toBeNull();
	});
});
