// Metrics per group on hand-built evaluations: groups by value with "other" and "(missing)", quantile bins
// as pandas' qcut cuts them, per-group figures equal to the metric on those rows, and the gap in words.
import { describe, expect, it } from 'vitest';
import { accuracyScore, f1Score } from '../../../../src/lib/core/metrics/classification.ts';
import {
	groupMetrics,
	sliceSplit,
	type SliceColumn
} from '../../../../src/lib/core/evaluate/group-metrics.ts';
import { r2Score } from '../../../../src/lib/core/metrics/regression.ts';
import type { RunEvaluation } from '../../../../src/lib/core/evaluate/run-evaluation.ts';

const CLASSES = ['a', 'b'];

/** A classifier evaluation: rowIndex i → row i; predicted class from one-hot probabilities. */
function classified(yTrue: number[], yPred: number[]): RunEvaluation {
	const proba = new Float32Array(yTrue.length * 2);
	yPred.forEach((p, i) => (proba[i * 2 + p] = 1));
	return {
		runId: 'r',
		task: 'classification',
		targets: ['y'],
		classes: CLASSES,
		splits: [
			{
				split: 'test',
				rows: yTrue.length,
				rowIndex: Int32Array.from(yTrue, (_, i) => i),
				metrics: {},
				outputs: { kind: 'classification', yTrue: Int32Array.from(yTrue), proba, perClass: [], confusion: [] }
			}
		]
	};
}

const category = (values: unknown[]): SliceColumn => ({ name: 'group', type: 'category', values });

describe('groupMetrics by value', () => {
	// 10 rows of "x" all right; 6 of "y" half right; 2 of "z"; 2 missing.
	const yTrue = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 0, 1, 0, 1];
	const yPred = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1];
	const groups = [...'xxxxxxxxxx', ...'yyyyyy', 'z', 'z', null, null];

	it('gives each group its rows and the metrics of exactly those rows', () => {
		const result = groupMetrics(classified(yTrue, yPred), category(groups));
		expect(result.grouping).toBe('values');
		expect(result.split).toBe('test');
		expect(result.metricNames).toEqual(['accuracy', 'f1_macro']);
		expect(result.groups.map((g) => [g.label, g.rows, g.few])).toEqual([
			['x', 10, false],
			['y', 6, false],
			['z', 2, true],
			['(missing)', 2, true]
		]);
		const y = result.groups[1]!;
		const rows = [10, 11, 12, 13, 14, 15];
		const t = rows.map((i) => yTrue[i]!);
		const p = rows.map((i) => yPred[i]!);
		expect(y.metrics.accuracy).toBe(accuracyScore(t, p));
		expect(y.metrics.f1_macro).toBe(f1Score(t, p, CLASSES, 'macro'));
		expect(result.groups[0]!.metrics).toEqual({ accuracy: 1, f1_macro: 1 });
	});

	it('names the largest gap in words, leaving out groups under the minimum rows', () => {
		const result = groupMetrics(classified(yTrue, yPred), category(groups));
		const y = result.groups[1]!.metrics;
		expect(result.gaps.map((g) => g.metric)).toEqual(['accuracy', 'f1_macro']);
		const f1Gap = 1 - (y.f1_macro as number);
		const accuracyGap = 1 - (y.accuracy as number);
		expect(result.largest!.metric).toBe(f1Gap > accuracyGap ? 'f1_macro' : 'accuracy');
		expect(result.largest!.best.label).toBe('x');
		expect(result.largest!.worst.label).toBe('y');
		expect(result.sentence).toContain('between group x (1.000, 10 rows) and y');
		expect(result.sentence).toContain('Groups under 5 rows are left out of the gap.');
	});

	it('keeps the most common groups and puts the rest in "other"', () => {
		const result = groupMetrics(classified(yTrue, yPred), category(groups), { topGroups: 1 });
		expect(result.groups.map((g) => [g.label, g.rows])).toEqual([
			['x', 10],
			['other', 8],
			['(missing)', 2]
		]);
	});

	it('says when no two groups are large enough to compare', () => {
		const result = groupMetrics(classified(yTrue, yPred), category(groups), { minGapRows: 11 });
		expect(result.largest).toBeNull();
		expect(result.gaps).toEqual([]);
		expect(result.sentence).toMatch(/No two group groups have 11 or more rows/);
	});
});

describe('groupMetrics in quantile bins', () => {
	it('cuts numbers where pandas.qcut(q=4) does: 1…10 into [1, 3.25] (3.25, 5.5] (5.5, 7.75] (7.75, 10]', () => {
		const values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
		const evaluation = classified(new Array(10).fill(0), new Array(10).fill(0));
		const result = groupMetrics(evaluation, { name: 'n', type: 'number', values }, { topGroups: 3 });
		expect(result.grouping).toBe('bins');
		expect(result.groups.map((g) => [g.label, g.rows])).toEqual([
			['[1, 3.25]', 3],
			['(3.25, 5.5]', 2],
			['(5.5, 7.75]', 2],
			['(7.75, 10]', 3]
		]);
	});

	it('drops repeated edges and keeps few distinct integers as values', () => {
		const evaluation = classified(new Array(8).fill(0), new Array(8).fill(0));
		const ones = groupMetrics(
			evaluation,
			{ name: 'n', type: 'number', values: [0, 0, 0, 0, 0, 0, 1, 2] },
			{ topGroups: 2 }
		);
		expect(ones.groups.map((g) => g.label)).toEqual(['[0, 0.25]', '(0.25, 2]']);
		const few = groupMetrics(evaluation, { name: 'n', type: 'integer', values: [4, 4, 6, 6, 6, 8, 8, 8] });
		expect(few.grouping).toBe('values');
		expect(few.groups.map((g) => g.label)).toEqual(['6', '8', '4']);
	});

	it('labels date bins with days and reads rows through rowIndex', () => {
		const evaluation = classified([0, 0, 0, 0], [0, 0, 0, 0]);
		evaluation.splits[0]!.rowIndex = Int32Array.from([3, 2, 1, 0]);
		const days = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-05'].map((d) => new Date(d));
		const result = groupMetrics(
			evaluation,
			{ name: 'day', type: 'date', values: days },
			{ topGroups: 2, bins: 2 }
		);
		expect(result.groups.map((g) => [g.label, g.rows])).toEqual([
			['[2024-01-01, 2024-01-02]', 2],
			['(2024-01-02, 2024-01-05]', 2]
		]);
	});
});

describe('groupMetrics for regression', () => {
	it('gives MAE and R² per group and compares groups by R²', () => {
		const actual = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		const predicted = Float64Array.from([1, 2, 3, 4, 5, 8, 5, 9, 7, 12]);
		const evaluation: RunEvaluation = {
			runId: 'r',
			task: 'regression',
			targets: ['t'],
			splits: [
				{
					split: 'test',
					rows: 10,
					rowIndex: Int32Array.from(actual, (_, i) => i),
					metrics: {},
					outputs: { kind: 'regression', actual: [actual], predicted: [predicted], perOutput: {} }
				}
			]
		};
		const result = groupMetrics(evaluation, category([...'pppppqqqqq']));
		expect(result.metricNames).toEqual(['mae', 'r2']);
		expect(result.groups[0]!.metrics).toEqual({ mae: 0, r2: 1 });
		expect(result.groups[1]!.metrics.mae).toBeCloseTo(1.8, 12);
		expect(result.groups[1]!.metrics.r2).toBe(r2Score([6, 7, 8, 9, 10], [8, 5, 9, 7, 12]));
		const mae = result.gaps.find((g) => g.metric === 'mae')!;
		expect(mae.higherIsBetter).toBe(false);
		expect(mae.best.label).toBe('p');
		expect(result.largest!.metric).toBe('r2');
	});

	it('refuses a clustering and an evaluation without splits', () => {
		const empty: RunEvaluation = { runId: 'r', task: 'regression', targets: ['t'], splits: [] };
		expect(() => sliceSplit(empty)).toThrow(/no held-out rows/);
		const clusters: RunEvaluation = {
			runId: 'r',
			task: 'clustering',
			targets: [],
			splits: [
				{
					split: 'test',
					rows: 1,
					rowIndex: Int32Array.from([0]),
					metrics: {},
					outputs: {
						kind: 'clustering',
						clusters: Int32Array.from([0]),
						projection: new Float64Array(2),
						explainedVariance: [1, 0]
					}
				}
			]
		};
		expect(() => groupMetrics(clusters, category(['a']))).toThrow(/clustering has none/);
	});
});
