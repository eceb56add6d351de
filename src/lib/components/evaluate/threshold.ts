// A binary classifier at a chosen threshold: rows whose positive-class probability reaches it are called
// positive. Cheap enough (one pass over the split) to recompute on every move of the slider.
import type { Labels, Probabilities } from '$lib/core/metrics/inputs.ts';

export interface ThresholdOutcome {
	threshold: number;
	/** Predicted class index of each row: 1 when the positive probability ≥ threshold. */
	predicted: Int32Array;
	/** matrix[true][predicted], classes in order (0 = negative, 1 = positive). */
	matrix: number[][];
	/** NaN where undefined: precision with nothing called positive, recall with no positive row. */
	precision: number;
	recall: number;
	f1: number;
	accuracy: number;
}

/** proba is row-major n × 2; the positive class is index 1, as in scikit-learn. */
export function thresholdOutcome(yTrue: Labels, proba: Probabilities, threshold: number): ThresholdOutcome {
	const n = yTrue.length;
	const predicted = new Int32Array(n);
	let tp = 0;
	let fp = 0;
	let fn = 0;
	let tn = 0;
	for (let i = 0; i < n; i++) {
		const positive = proba[2 * i + 1]! >= threshold;
		predicted[i] = positive ? 1 : 0;
		if (yTrue[i] === 1) {
			if (positive) tp++;
			else fn++;
		} else if (positive) fp++;
		else tn++;
	}
	const precision = tp + fp > 0 ? tp / (tp + fp) : NaN;
	const recall = tp + fn > 0 ? tp / (tp + fn) : NaN;
	// scikit-learn's F1 is 0 (with a warning) when precision and recall are both 0 or undefined.
	const f1 = tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
	return {
		threshold,
		predicted,
		matrix: [
			[tn, fp],
			[fn, tp]
		],
		precision,
		recall,
		f1,
		accuracy: n > 0 ? (tp + tn) / n : NaN
	};
}

/** Positions (within the split) of the rows in one confusion matrix cell. */
export function cellPositions(
	yTrue: Labels,
	predicted: Labels,
	actual: number,
	predictedClass: number
): number[] {
	const out: number[] = [];
	for (let i = 0; i < yTrue.length; i++) {
		if (yTrue[i] === actual && predicted[i] === predictedClass) out.push(i);
	}
	return out;
}
