// Regression metrics against scikit-learn 1.2.1 on every fixture case, per output ('raw_values') and
// averaged ('uniform_average'), then the edge cases: constant target, constant predictions, one sample.
import { describe, expect, it } from 'vitest';
import {
	explainedVarianceScore,
	meanAbsoluteError,
	meanAbsolutePercentageError,
	meanSquaredError,
	medianAbsoluteError,
	r2Score,
	rootMeanSquaredError,
	type Targets
} from '../../../../src/lib/core/evaluate/index.ts';
import { expectAllClose, expectClose, loadFixture } from './fixtures.ts';

type MetricName =
	| 'mean_absolute_error'
	| 'mean_squared_error'
	| 'root_mean_squared_error'
	| 'r2'
	| 'mean_absolute_percentage_error'
	| 'median_absolute_error'
	| 'explained_variance';

interface RegressionCase {
	name: string;
	y_true: number[][];
	y_pred: number[][];
	expected: Record<'raw_values' | 'uniform_average', Record<MetricName, (number | null)[]>>;
}

const FIXTURE = loadFixture<{ meta: { sklearn: string }; cases: RegressionCase[] }>(
	'metrics-regression.json'
);

interface Metric {
	(yTrue: Targets, yPred: Targets): number;
	(yTrue: Targets, yPred: Targets, multioutput: 'raw_values'): number[];
}

const METRICS: Record<MetricName, Metric> = {
	mean_absolute_error: meanAbsoluteError,
	mean_squared_error: meanSquaredError,
	root_mean_squared_error: rootMeanSquaredError,
	r2: r2Score,
	mean_absolute_percentage_error: meanAbsolutePercentageError,
	median_absolute_error: medianAbsoluteError,
	explained_variance: explainedVarianceScore
};

function caseNamed(name: string): RegressionCase {
	const found = FIXTURE.cases.find((c) => c.name === name);
	if (!found) throw new Error(`no fixture case ${name}`);
	return found;
}

describe('regression metrics match scikit-learn on every fixture case', () => {
	it('records the scikit-learn version it was computed with', () => {
		expect(FIXTURE.meta.sklearn).toBe('1.2.1');
	});

	it.each(FIXTURE.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
		const yTrue = c.y_true.map((column) => Float64Array.from(column));
		const yPred = c.y_pred.map((column) => Float64Array.from(column));
		for (const [name, metric] of Object.entries(METRICS) as [MetricName, Metric][]) {
			expectAllClose(metric(yTrue, yPred, 'raw_values'), c.expected.raw_values[name], `${name} raw`);
			expectClose(metric(yTrue, yPred), c.expected.uniform_average[name][0]!, `${name} average`);
		}
	});
});

describe('regression edge cases', () => {
	it('a single output may be passed bare, as Float64Array or number[]', () => {
		const c = caseNamed('single-output');
		const expected = c.expected.uniform_average.mean_absolute_error[0]!;
		expectClose(meanAbsoluteError(Float64Array.from(c.y_true[0]!), c.y_pred[0]!), expected, 'bare');
		expect(r2Score(c.y_true[0]!, c.y_pred[0]!, 'raw_values')).toHaveLength(1);
	});

	it('R² of a constant target is 1 when predicted perfectly, 0 otherwise (scikit-learn 1.2.1 force_finite)', () => {
		const perfect = caseNamed('constant-target-perfect');
		expect(r2Score(perfect.y_true, perfect.y_pred)).toBe(1);
		const imperfect = caseNamed('constant-target-imperfect');
		expect(r2Score(imperfect.y_true, imperfect.y_pred)).toBe(0);
		expect(explainedVarianceScore(imperfect.y_true, imperfect.y_pred)).toBe(0);
	});

	it('R² of constant predictions at the mean is 0 up to rounding', () => {
		const c = caseNamed('constant-predictions');
		expect(Math.abs(r2Score(c.y_true, c.y_pred))).toBeLessThan(1e-12);
	});

	it('R² of a single sample is NaN, the other metrics stay defined', () => {
		expect(r2Score([2], [2.5])).toBeNaN();
		expect(meanAbsoluteError([2], [2.5])).toBe(0.5);
		expect(rootMeanSquaredError([2], [2.5])).toBe(0.5);
		expect(medianAbsoluteError([2], [2.5])).toBe(0.5);
	});

	it('MAPE divides by float64 epsilon where the target is 0: huge but finite', () => {
		const c = caseNamed('zeros-in-target-for-mape');
		const mape = meanAbsolutePercentageError(c.y_true, c.y_pred);
		expect(Number.isFinite(mape)).toBe(true);
		expect(mape).toBeGreaterThan(1e12);
	});

	it('RMSE averages per-output roots, not the root of the averaged MSE (scikit-learn 1.2.1)', () => {
		const c = caseNamed('three-outputs');
		const perOutput = rootMeanSquaredError(c.y_true, c.y_pred, 'raw_values');
		expectClose(
			rootMeanSquaredError(c.y_true, c.y_pred),
			(perOutput[0]! + perOutput[1]! + perOutput[2]!) / 3,
			'rmse'
		);
		expect(rootMeanSquaredError(c.y_true, c.y_pred)).not.toBeCloseTo(
			Math.sqrt(meanSquaredError(c.y_true, c.y_pred))
		);
	});

	it('refuses outputs that differ in number or length, and empty outputs', () => {
		expect(() =>
			meanAbsoluteError(
				[[1, 2]],
				[
					[1, 2],
					[3, 4]
				]
			)
		).toThrow(/1 true outputs but 2/);
		expect(() => meanAbsoluteError([1, 2, 3], [1, 2])).toThrow(/3 true values but 2/);
		expect(() => meanAbsoluteError([], [])).toThrow(/at least one sample/);
	});
});
