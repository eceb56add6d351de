import { describe, expect, it } from 'vitest';
import { cellPositions, thresholdOutcome } from '../../../../src/lib/components/evaluate/threshold.ts';
import { classificationReport, confusionMatrix } from '../../../../src/lib/core/metrics/classification.ts';

const Y = Int32Array.from([0, 0, 1, 1, 1, 0]);
// Positive-class probabilities 0.1, 0.6, 0.4, 0.8, 0.9, 0.3 as row-major n × 2.
const P = Float32Array.from([0.9, 0.1, 0.4, 0.6, 0.6, 0.4, 0.2, 0.8, 0.1, 0.9, 0.7, 0.3]);

describe('thresholdOutcome', () => {
	it('counts the rows at the default threshold as the confusion matrix does', () => {
		const at = thresholdOutcome(Y, P, 0.5);
		expect(Array.from(at.predicted)).toEqual([0, 1, 0, 1, 1, 0]);
		expect(at.matrix).toEqual(confusionMatrix(Y, at.predicted, ['no', 'yes']).matrix);
		expect(at.matrix).toEqual([
			[2, 1],
			[1, 2]
		]);
		expect(at.precision).toBeCloseTo(2 / 3, 12);
		expect(at.recall).toBeCloseTo(2 / 3, 12);
		expect(at.f1).toBeCloseTo(classificationReport(Y, at.predicted, ['no', 'yes']).perClass.f1[1]!, 12);
		expect(at.accuracy).toBeCloseTo(4 / 6, 12);
	});

	it('trades precision for recall as the threshold moves, with undefined precision past every score', () => {
		const low = thresholdOutcome(Y, P, 0.35);
		expect(low.recall).toBe(1);
		expect(low.precision).toBeCloseTo(3 / 4, 12);
		const high = thresholdOutcome(Y, P, 0.85);
		expect(high.recall).toBeCloseTo(1 / 3, 12);
		expect(high.precision).toBe(1);
		const none = thresholdOutcome(Y, P, 0.95);
		expect(none.precision).toBeNaN();
		expect(none.recall).toBe(0);
		expect(none.f1).toBe(0);
		expect(none.matrix).toEqual([
			[3, 0],
			[3, 0]
		]);
	});

	it('finds the rows of one cell', () => {
		const at = thresholdOutcome(Y, P, 0.5);
		expect(cellPositions(Y, at.predicted, 0, 1)).toEqual([1]);
		expect(cellPositions(Y, at.predicted, 1, 1)).toEqual([3, 4]);
	});
});
