// ROC, precision-recall and calibration curves against scikit-learn 1.2.1 on every fixture case (class 1 of
// the binary cases, class 0 of the others), then their edge cases: tied scores, no positives or negatives.
import { describe, expect, it } from 'vitest';
import {
	calibrationCurve,
	precisionRecallCurve,
	probabilityColumn,
	rocCurve,
	thresholdCounts
} from '../../../../src/lib/core/evaluate/index.ts';
import { CLASSIFICATION, caseNamed, expectAllClose } from './fixtures.ts';

describe('curves match scikit-learn on every fixture case', () => {
	it.each(CLASSIFICATION.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
		const { positive, roc, roc_all: rocAll, pr, calibration } = c.curves;
		const scores = probabilityColumn(c.proba, c.classes.length, positive);

		const dropped = rocCurve(c.y_true, scores, positive);
		expectAllClose(dropped.fpr, roc.fpr, 'fpr');
		expectAllClose(dropped.tpr, roc.tpr, 'tpr');
		expectAllClose(dropped.thresholds, roc.thresholds, 'roc thresholds');

		const full = rocCurve(c.y_true, scores, positive, { dropIntermediate: false });
		expectAllClose(full.fpr, rocAll.fpr, 'fpr (all points)');
		expectAllClose(full.tpr, rocAll.tpr, 'tpr (all points)');
		expectAllClose(full.thresholds, rocAll.thresholds, 'roc thresholds (all points)');

		const prCurve = precisionRecallCurve(c.y_true, scores, positive);
		expectAllClose(prCurve.precision, pr.precision, 'precision');
		expectAllClose(prCurve.recall, pr.recall, 'recall');
		expectAllClose(prCurve.thresholds, pr.thresholds, 'pr thresholds');

		for (const expected of calibration) {
			const label = `calibration ${expected.strategy} ${expected.n_bins}`;
			const curve = calibrationCurve(c.y_true, scores, positive, {
				nBins: expected.n_bins,
				strategy: expected.strategy
			});
			expectAllClose(curve.probTrue, expected.prob_true, `${label} prob_true`);
			expectAllClose(curve.probPred, expected.prob_pred, `${label} prob_pred`);
		}
	});
});

describe('curve edge cases', () => {
	it('tied scores make one ROC point per distinct score, counting every tied sample at once', () => {
		const counts = thresholdCounts([1, 0, 1, 0, 1], [0.8, 0.8, 0.5, 0.5, 0.2], 1);
		expect(Array.from(counts.thresholds)).toEqual([0.8, 0.5, 0.2]);
		expect(Array.from(counts.tps)).toEqual([1, 2, 3]);
		expect(Array.from(counts.fps)).toEqual([1, 2, 2]);
		const c = caseNamed('binary-tied-scores');
		const distinct = new Set(probabilityColumn(c.proba, 2, 1)).size;
		const full = rocCurve(c.y_true, probabilityColumn(c.proba, 2, 1), 1, { dropIntermediate: false });
		expect(full.fpr.length).toBe(distinct + 1);
	});

	it('drop_intermediate leaves out points on straight segments only', () => {
		// Scores 0.9..0.6 are all positives: 0.8 and 0.7 lie on the vertical segment up to 0.6 and go; the
		// first count (0.9) always stays. Values as scikit-learn 1.2.1 gives them.
		const curve = rocCurve([1, 1, 1, 1, 0, 0], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4]);
		expect(Array.from(curve.fpr)).toEqual([0, 0, 0, 1]);
		expect(Array.from(curve.tpr)).toEqual([0, 0.25, 1, 1]);
		expect(Array.from(curve.thresholds)).toEqual([1.9, 0.9, 0.6, 0.4]);
	});

	it('with no negatives the false positive rate is NaN, as scikit-learn returns it', () => {
		const curve = rocCurve([1, 1, 1], [0.2, 0.5, 0.9]);
		expect(Array.from(curve.fpr).every(Number.isNaN)).toBe(true);
		expect(Array.from(curve.tpr)).toEqual([0, 1 / 3, 1]);
	});

	it('with no positives precision-recall keeps recall at 1 (scikit-learn warns and does the same)', () => {
		const curve = precisionRecallCurve([0, 0, 0], [0.2, 0.5, 0.9]);
		expect(Array.from(curve.recall)).toEqual([1, 1, 1, 0]);
		expect(Array.from(curve.precision)).toEqual([0, 0, 0, 1]);
	});

	it('calibration leaves out empty bins and refuses probabilities outside [0, 1]', () => {
		// 0.1 sits exactly on the first edge and, like numpy.searchsorted(side='left'), joins the bin below.
		const curve = calibrationCurve([0, 0, 1, 1], [0.05, 0.1, 0.9, 0.95], 1, { nBins: 10 });
		expect(Array.from(curve.probTrue)).toEqual([0, 1, 1]);
		expectAllClose(curve.probPred, [0.075, 0.9, 0.95], 'mean probability per bin');
		expect(() => calibrationCurve([0, 1], [0.5, 1.2])).toThrow(/outside \[0, 1\]/);
		expect(() => calibrationCurve([0, 1], [0.5, 0.7], 1, { nBins: 0 })).toThrow(/bins/);
	});

	it('quantile bins of constant probabilities collapse into one bin', () => {
		const curve = calibrationCurve([0, 1, 1, 0, 1], [0.4, 0.4, 0.4, 0.4, 0.4], 1, { strategy: 'quantile' });
		expect(Array.from(curve.probTrue)).toEqual([0.6]);
		expect(Array.from(curve.probPred)).toEqual([0.4]);
	});
});

describe('thresholdCounts sorts few scores natively and many by radix, with the same counts', () => {
	/** The counts at each distinct score from the top, by a comparator sort of (score, label) pairs. */
	function reference(yTrue: Int32Array, scores: Float64Array, positive: number) {
		const order = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!);
		const fps: number[] = [];
		const tps: number[] = [];
		const thresholds: number[] = [];
		let tp = 0;
		let fp = 0;
		for (let k = 0; k < order.length; k++) {
			const i = order[k]!;
			if (yTrue[i] === positive) tp++;
			else fp++;
			const next = order[k + 1];
			if (next === undefined || scores[next] !== scores[i]) {
				fps.push(fp);
				tps.push(tp);
				thresholds.push(scores[i]!);
			}
		}
		return { fps, tps, thresholds };
	}

	it.each([30, 40_000])('%i scores (ties, -0 and 0 included)', (n) => {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		const yTrue = Int32Array.from({ length: n }, () => Math.floor(random() * 3));
		// Rounded to 1/64 so that many scores tie; a few are -0 and 0, which count as one score.
		const scores = Float64Array.from({ length: n }, (_, i) =>
			i % 11 === 0 ? -0 : i % 13 === 0 ? 0 : Math.round(random() * 64) / 64
		);
		const counts = thresholdCounts(yTrue, scores, 1);
		const expected = reference(yTrue, scores, 1);
		expect(Array.from(counts.fps)).toEqual(expected.fps);
		expect(Array.from(counts.tps)).toEqual(expected.tps);
		// -0 and 0 are one threshold; which of the two names it is left to the sort.
		const unsigned = (values: ArrayLike<number>) => Array.from(values, (t) => t + 0);
		expect(unsigned(counts.thresholds)).toEqual(unsigned(expected.thresholds));
	});
});
