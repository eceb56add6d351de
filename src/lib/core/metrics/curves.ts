// The binary curves the Evaluate page charts — ROC, precision-recall and calibration — computed exactly as
// scikit-learn 1.2.1 does (roc_curve, precision_recall_curve, calibration_curve), one class against the rest.
//
// Every function takes the true labels as class indices, the index of the positive class and one score per
// sample (usually that class's probability column). Undefined rates (no positives or no negatives) are NaN,
// as scikit-learn returns them.
import { sortNumbers } from '../data/profile/sort-values.ts';
import { BenchtopError } from '../errors.ts';
import { requireFiniteScores, requireSameLength, requireSamples, type Labels } from './inputs.ts';

/** Cumulative counts at each distinct score, highest first: scikit-learn's _binary_clf_curve. */
export interface ThresholdCounts {
	/** False positives when every sample scoring >= thresholds[i] is called positive. */
	fps: Float64Array;
	/** True positives at the same cut. */
	tps: Float64Array;
	/** The distinct scores, decreasing. */
	thresholds: Float64Array;
}

export interface RocCurve {
	fpr: Float64Array;
	tpr: Float64Array;
	/** Decreasing; the first is the highest score + 1 (scikit-learn 1.2.1), so the curve starts at (0, 0). */
	thresholds: Float64Array;
}

export interface PrecisionRecallCurve {
	/** One longer than thresholds: the last point is (recall 0, precision 1). */
	precision: Float64Array;
	recall: Float64Array;
	/** Increasing distinct scores. */
	thresholds: Float64Array;
}

export type CalibrationStrategy = 'uniform' | 'quantile';

export interface CalibrationCurve {
	/** Fraction of positives in each non-empty bin. */
	probTrue: Float64Array;
	/** Mean predicted probability in each non-empty bin. */
	probPred: Float64Array;
}

/**
 * Sorting the positive and the negative scores apart lets a sort of plain doubles (a radix sort when there
 * are many) do the work of an index sort with a comparator, many times faster on a million rows; a merge from
 * the top then yields the counts at each distinct score.
 */
export function thresholdCounts(yTrue: Labels, scores: ArrayLike<number>, positive: number): ThresholdCounts {
	requireSameLength(yTrue, scores, 'Binary curve');
	requireSamples(yTrue.length, 'Binary curve');
	requireFiniteScores(scores, 'Binary curve');
	const n = yTrue.length;
	let positives = 0;
	for (let i = 0; i < n; i++) if (yTrue[i] === positive) positives++;
	const positiveScores = new Float64Array(positives);
	const negativeScores = new Float64Array(n - positives);
	for (let i = 0, p = 0, q = 0; i < n; i++) {
		if (yTrue[i] === positive) positiveScores[p++] = scores[i]!;
		else negativeScores[q++] = scores[i]!;
	}
	// The radix sort on many scores, the native sort on few: a radix sort's 1 MB of digit counts costs
	// ~2 ms whatever the length, and a run scores its validation and test rows per class this way.
	const pos = sortNumbers(positiveScores);
	const neg = sortNumbers(negativeScores);

	const fps = new Float64Array(n);
	const tps = new Float64Array(n);
	const thresholds = new Float64Array(n);
	let distinct = 0;
	let i = pos.length - 1;
	let j = neg.length - 1;
	let tp = 0;
	let fp = 0;
	while (i >= 0 || j >= 0) {
		const top = i < 0 ? neg[j]! : j < 0 ? pos[i]! : Math.max(pos[i]!, neg[j]!);
		while (i >= 0 && pos[i] === top) {
			tp++;
			i--;
		}
		while (j >= 0 && neg[j] === top) {
			fp++;
			j--;
		}
		fps[distinct] = fp;
		tps[distinct] = tp;
		thresholds[distinct] = top;
		distinct++;
	}
	return {
		fps: fps.slice(0, distinct),
		tps: tps.slice(0, distinct),
		thresholds: thresholds.slice(0, distinct)
	};
}

/**
 * ROC curve points. With dropIntermediate (scikit-learn's default) points on a straight segment are left
 * out: they change neither the area nor the chart, and a million-row curve stays drawable.
 */
export function rocCurve(
	yTrue: Labels,
	scores: ArrayLike<number>,
	positive = 1,
	options: { dropIntermediate?: boolean } = {}
): RocCurve {
	let { fps, tps, thresholds } = thresholdCounts(yTrue, scores, positive);
	if ((options.dropIntermediate ?? true) && fps.length > 2) {
		// Keep a point where the curve bends (second difference of either count not 0), and both ends.
		let kept = 1;
		const last = fps.length - 1;
		for (let m = 1; m <= last; m++) {
			const bends =
				m === last ||
				fps[m + 1]! - 2 * fps[m]! + fps[m - 1]! !== 0 ||
				tps[m + 1]! - 2 * tps[m]! + tps[m - 1]! !== 0;
			if (!bends) continue;
			fps[kept] = fps[m]!;
			tps[kept] = tps[m]!;
			thresholds[kept] = thresholds[m]!;
			kept++;
		}
		fps = fps.subarray(0, kept);
		tps = tps.subarray(0, kept);
		thresholds = thresholds.subarray(0, kept);
	}
	const points = fps.length + 1;
	const fpr = new Float64Array(points);
	const tpr = new Float64Array(points);
	const allFp = fps[fps.length - 1]!;
	const allTp = tps[tps.length - 1]!;
	for (let m = 0; m < points; m++) {
		fpr[m] = allFp > 0 ? (m === 0 ? 0 : fps[m - 1]!) / allFp : NaN;
		tpr[m] = allTp > 0 ? (m === 0 ? 0 : tps[m - 1]!) / allTp : NaN;
	}
	const withStart = new Float64Array(points);
	withStart[0] = thresholds[0]! + 1;
	withStart.set(thresholds, 1);
	return { fpr, tpr, thresholds: withStart };
}

/** Trapezoidal area under a curve whose x increases (numpy.trapz, as sklearn.metrics.auc uses it). */
export function trapezoidArea(x: ArrayLike<number>, y: ArrayLike<number>): number {
	let area = 0;
	for (let m = 1; m < x.length; m++) area += ((x[m]! - x[m - 1]!) * (y[m]! + y[m - 1]!)) / 2;
	return area;
}

/**
 * Precision-recall points, recall decreasing, ending at (recall 0, precision 1) like scikit-learn. With no
 * positive sample recall is 1 everywhere (scikit-learn warns and does the same).
 */
export function precisionRecallCurve(
	yTrue: Labels,
	scores: ArrayLike<number>,
	positive = 1
): PrecisionRecallCurve {
	const { fps, tps, thresholds } = thresholdCounts(yTrue, scores, positive);
	const m = tps.length;
	const allTp = tps[m - 1]!;
	const precision = new Float64Array(m + 1);
	const recall = new Float64Array(m + 1);
	const ascending = new Float64Array(m);
	for (let r = 0; r < m; r++) {
		const from = m - 1 - r;
		const called = tps[from]! + fps[from]!;
		precision[r] = called !== 0 ? tps[from]! / called : 0;
		recall[r] = allTp === 0 ? 1 : tps[from]! / allTp;
		ascending[r] = thresholds[from]!;
	}
	precision[m] = 1;
	recall[m] = 0;
	return { precision, recall, thresholds: ascending };
}

/** Where numpy's linear percentile puts q (0..1) in sorted values, with numpy's exact lerp rounding. */
function linearPercentile(sorted: Float64Array, q: number): number {
	const n = sorted.length;
	const virtual = (n - 1) * q;
	if (virtual >= n - 1) return sorted[n - 1]!;
	const below = Math.floor(virtual);
	const gamma = virtual - below;
	const a = sorted[below]!;
	const b = sorted[below + 1]!;
	const diff = b - a;
	return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/** The bin edges scikit-learn's calibration_curve uses, rounding included, so ties at edges bin alike. */
export function calibrationBinEdges(
	probabilities: ArrayLike<number>,
	nBins: number,
	strategy: CalibrationStrategy
): Float64Array {
	const edges = new Float64Array(nBins + 1);
	// numpy.linspace(0, 1, nBins + 1): i * step, with the last edge set to exactly 1.
	const step = 1 / nBins;
	for (let i = 0; i <= nBins; i++) edges[i] = i === nBins ? 1 : i * step;
	if (strategy === 'uniform') return edges;
	const sorted = Float64Array.from(probabilities).sort();
	// numpy.percentile(p, q * 100) divides by 100 again; the round trip can move q by one ulp.
	return edges.map((q) => linearPercentile(sorted, (q * 100) / 100));
}

/**
 * Reliability diagram points: samples binned by predicted probability, empty bins left out. Probabilities
 * outside [0, 1] are refused, as scikit-learn refuses them.
 */
export function calibrationCurve(
	yTrue: Labels,
	probabilities: ArrayLike<number>,
	positive = 1,
	options: { nBins?: number; strategy?: CalibrationStrategy } = {}
): CalibrationCurve {
	const nBins = options.nBins ?? 5;
	const strategy = options.strategy ?? 'uniform';
	requireSameLength(yTrue, probabilities, 'Calibration curve');
	requireSamples(yTrue.length, 'Calibration curve');
	if (!Number.isInteger(nBins) || nBins < 1) {
		throw new BenchtopError('bad-input', `Calibration curve needs a whole number of bins ≥ 1; got ${nBins}.`);
	}
	for (let i = 0; i < probabilities.length; i++) {
		const p = probabilities[i]!;
		if (!(p >= 0 && p <= 1)) {
			throw new BenchtopError(
				'bad-input',
				`Calibration curve: probability ${p} at row ${i} is outside [0, 1].`
			);
		}
	}
	const edges = calibrationBinEdges(probabilities, nBins, strategy);
	const inner = edges.subarray(1, nBins);
	const sums = new Float64Array(nBins + 1);
	const trues = new Float64Array(nBins + 1);
	const totals = new Float64Array(nBins + 1);
	for (let i = 0; i < probabilities.length; i++) {
		const p = probabilities[i]!;
		// numpy.searchsorted(inner, p, side='left'): the number of inner edges strictly below p.
		let lo = 0;
		let hi = inner.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (inner[mid]! < p) lo = mid + 1;
			else hi = mid;
		}
		sums[lo]! += p;
		if (yTrue[i]! === positive) trues[lo]! += 1;
		totals[lo]! += 1;
	}
	const probTrue: number[] = [];
	const probPred: number[] = [];
	for (let b = 0; b < totals.length; b++) {
		if (totals[b] === 0) continue;
		probTrue.push(trues[b]! / totals[b]!);
		probPred.push(sums[b]! / totals[b]!);
	}
	return { probTrue: Float64Array.from(probTrue), probPred: Float64Array.from(probPred) };
}
