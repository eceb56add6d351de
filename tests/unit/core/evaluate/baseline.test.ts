// The baselines against scikit-learn's DummyClassifier(strategy='prior') and DummyRegressor(strategy='mean').
import { describe, expect, it } from 'vitest';
import { classificationBaseline, regressionBaseline } from '../../../../src/lib/core/evaluate/index.ts';
import { expectAllClose, loadFixture } from './fixtures.ts';

interface Fixture {
	meta: { sklearn: string };
	classification: {
		name: string;
		k: number;
		y_train: number[];
		y_test: number[];
		predictions: number[];
		proba: number[];
	}[];
	regression: { name: string; y_train: number[][]; n_test: number; predictions: number[][] }[];
}
const FIXTURE = loadFixture<Fixture>('metrics-baseline.json');

describe('classificationBaseline matches DummyClassifier(strategy="prior")', () => {
	it.each(FIXTURE.classification.map((c) => [c.name, c] as const))('%s', (_, c) => {
		const classes = Array.from({ length: c.k }, (_, i) => `c${i}`);
		const baseline = classificationBaseline(Int32Array.from(c.y_train), c.y_test, classes);
		expect(Array.from(baseline.predictions)).toEqual(c.predictions);
		expectAllClose(baseline.proba, c.proba, 'proba');
		expect(baseline.majorityClass).toBe(c.predictions[0]);
	});

	it('a tie goes to the lower class index', () => {
		expect(classificationBaseline([2, 2, 1, 1, 0], [0], ['a', 'b', 'c']).majorityClass).toBe(1);
	});

	it('a class absent from training gets probability 0', () => {
		const baseline = classificationBaseline([0, 0, 2], [1, 1], ['a', 'b', 'c']);
		expect(Array.from(baseline.prior)).toEqual([2 / 3, 0, 1 / 3]);
		expect(Array.from(baseline.proba)).toEqual([2 / 3, 0, 1 / 3, 2 / 3, 0, 1 / 3]);
	});

	it('refuses empty training labels', () => {
		expect(() => classificationBaseline([], [0], ['a'])).toThrow(/at least one sample/);
	});
});

describe('regressionBaseline matches DummyRegressor(strategy="mean")', () => {
	it.each(FIXTURE.regression.map((c) => [c.name, c] as const))('%s', (_, c) => {
		const yTest = c.y_train.map(() => new Float64Array(c.n_test));
		const baseline = regressionBaseline(c.y_train, yTest);
		expect(baseline.predictions).toHaveLength(c.predictions.length);
		baseline.predictions.forEach((column, o) => expectAllClose(column, c.predictions[o]!, `output ${o}`));
	});

	it('takes a bare single output too', () => {
		const baseline = regressionBaseline([1, 2, 6], [0, 0]);
		expect(baseline.means).toEqual([3]);
		expect(Array.from(baseline.predictions[0]!)).toEqual([3, 3]);
	});
});
