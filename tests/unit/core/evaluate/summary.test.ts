// metricsSummary, the test-split metrics the CLI prints: each value checked against the scikit-learn
// fixtures, the shape and names checked exactly, and undefined metrics as null with a note.
import { describe, expect, it } from 'vitest';
import { metricsSummary } from '../../../../src/lib/core/evaluate/index.ts';
import { CLASSIFICATION, caseNamed, expectClose, loadFixture } from './fixtures.ts';

interface RegressionCase {
	name: string;
	y_true: number[][];
	y_pred: number[][];
	expected: Record<'raw_values' | 'uniform_average', Record<string, (number | null)[]>>;
}
const REGRESSION = loadFixture<{ cases: RegressionCase[] }>('metrics-regression.json');

describe('classification summary', () => {
	it.each(CLASSIFICATION.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
		const summary = metricsSummary({
			task: 'classification',
			classes: c.classes,
			yTrue: c.y_true,
			proba: Float64Array.from(c.proba)
		});
		if (!('accuracy' in summary)) throw new Error('expected a classification summary');
		expect(Object.keys(summary).filter((key) => key !== 'notes')).toEqual([
			'accuracy',
			'f1_macro',
			'roc_auc',
			'log_loss'
		]);
		expectClose(summary.accuracy, c.expected.accuracy, 'accuracy');
		expectClose(summary.f1_macro, c.expected.f1_macro, 'f1_macro');
		expectClose(summary.log_loss!, c.expected.log_loss, 'log_loss');
		const auc = c.classes.length === 2 ? c.expected.roc_auc : c.expected.roc_auc_ovr_macro;
		if (auc === null) {
			expect(summary.roc_auc).toBeNull();
			expect(summary.notes?.[0]).toMatch(/roc_auc is undefined/);
		} else {
			expectClose(summary.roc_auc!, auc, 'roc_auc');
			expect(summary.notes).toBeUndefined();
		}
	});

	it('takes the given predictions over the argmax of the probabilities', () => {
		const c = caseNamed('binary');
		const allZero = new Int32Array(c.y_true.length);
		const summary = metricsSummary({
			task: 'classification',
			classes: c.classes,
			yTrue: c.y_true,
			proba: c.proba,
			yPred: allZero
		});
		if (!('accuracy' in summary)) throw new Error('expected a classification summary');
		expect(summary.accuracy).toBe(c.y_true.filter((y) => y === 0).length / c.y_true.length);
	});

	it('survives JSON: a single-class test split prints roc_auc null with the reason', () => {
		const c = caseNamed('binary-single-class');
		const summary = metricsSummary({
			task: 'classification',
			classes: c.classes,
			yTrue: c.y_true,
			proba: c.proba
		});
		const printed = JSON.parse(JSON.stringify(summary)) as Record<string, unknown>;
		expect(printed.roc_auc).toBeNull();
		expect(printed.notes).toEqual([
			'roc_auc is undefined: the test split holds only one of the two classes.'
		]);
	});
});

describe('regression summary', () => {
	it('averages over outputs and keys each output by its target name', () => {
		const c = REGRESSION.cases.find((r) => r.name === 'three-outputs')!;
		const summary = metricsSummary({
			task: 'multi-output',
			targets: ['a', 'b', 'c'],
			yTrue: c.y_true,
			yPred: c.y_pred
		});
		if (!('outputs' in summary)) throw new Error('expected a regression summary');
		expect(Object.keys(summary)).toEqual(['r2', 'mae', 'rmse', 'outputs']);
		expect(Object.keys(summary.outputs)).toEqual(['a', 'b', 'c']);
		expectClose(summary.r2!, c.expected.uniform_average.r2![0]!, 'r2');
		expectClose(summary.mae, c.expected.uniform_average.mean_absolute_error![0]!, 'mae');
		expectClose(summary.rmse, c.expected.uniform_average.root_mean_squared_error![0]!, 'rmse');
		['a', 'b', 'c'].forEach((name, o) => {
			expectClose(summary.outputs[name]!.r2!, c.expected.raw_values.r2![o]!, `${name} r2`);
			expectClose(summary.outputs[name]!.mae, c.expected.raw_values.mean_absolute_error![o]!, `${name} mae`);
			expectClose(
				summary.outputs[name]!.rmse,
				c.expected.raw_values.root_mean_squared_error![o]!,
				`${name} rmse`
			);
		});
	});

	it('a single test sample gives r2 null with a note', () => {
		const summary = metricsSummary({ task: 'regression', targets: ['y'], yTrue: [[2]], yPred: [[2.5]] });
		if (!('outputs' in summary)) throw new Error('expected a regression summary');
		expect(summary.r2).toBeNull();
		expect(summary.outputs.y).toEqual({ r2: null, mae: 0.5, rmse: 0.5 });
		expect(summary.notes).toEqual(['r2 is undefined with fewer than two test samples.']);
	});

	it('r2 null with enough samples says why, not "fewer than two test samples"', () => {
		const huge = metricsSummary({
			task: 'regression',
			targets: ['y'],
			yTrue: [[1e307, -1e307, 1e307]],
			yPred: [[0, 0, 0]]
		});
		if (!('outputs' in huge)) throw new Error('expected a regression summary');
		expect(huge.r2).toBeNull();
		expect(huge.notes).toEqual([
			'r2 is undefined for y: the test values do not vary, or vary more than a number can hold.'
		]);
	});

	it('refuses a target list that does not match the outputs', () => {
		expect(() =>
			metricsSummary({ task: 'regression', targets: ['y'], yTrue: [[1], [2]], yPred: [[1], [2]] })
		).toThrow(/1 target names for 2 true/);
	});
});
