// Classification metrics, each matching scikit-learn 1.2.1 (names follow sklearn.metrics): accuracy,
// balanced accuracy, confusion matrix, precision/recall/F1, Matthews correlation, log loss, ROC AUC and
// average precision. Inputs are described in inputs.ts: labels are class indices, probabilities a flat
// row-major n × k matrix.
//
// Where scikit-learn warns and substitutes (zero_division), these return its substitute, 0, with no
// warning. Where scikit-learn raises because a metric is undefined (ROC AUC with one class in y_true),
// these return NaN instead of throwing; the function's comment says when. Malformed input (lengths that
// differ, labels outside the class list) throws a BenchtopError.
import { BenchtopError } from '../errors.ts';
import { precisionRecallCurve, rocCurve, trapezoidArea } from './curves.ts';
import {
	probabilityColumn,
	requireClassCount,
	requireLabels,
	requireProbabilities,
	requireSameLength,
	requireSamples,
	type Labels,
	type Probabilities
} from './inputs.ts';

export interface ConfusionMatrix {
	/** The class list; row i and column i both stand for labels[i]. */
	labels: readonly string[];
	/** matrix[true][predicted]: counts, rows are the true class, columns the predicted class. */
	matrix: number[][];
}

export interface PrecisionRecallF1 {
	precision: number;
	recall: number;
	f1: number;
}

export interface ClassificationReport {
	/** Per class, in class-list order; a class with no predictions (or no samples) scores 0 there. */
	perClass: { precision: number[]; recall: number[]; f1: number[]; support: number[] };
	/** Unweighted mean over the classes present in y_true or y_pred (scikit-learn's labels=None). */
	macro: PrecisionRecallF1;
	/** Mean weighted by each class's support (its count in y_true). */
	weighted: PrecisionRecallF1;
	/** Class indices the averages run over: those present in y_true or y_pred. */
	averagedOver: number[];
}

function checkLabelPair(yTrue: Labels, yPred: Labels, k: number, what: string): void {
	requireClassCount(k, what);
	requireSameLength(yTrue, yPred, what);
	requireSamples(yTrue.length, what);
	requireLabels(yTrue, k, what);
	requireLabels(yPred, k, what);
}

/** Counts as a flat k × k Float64Array (true-major); the shared core of every label-based metric. */
function countMatrix(yTrue: Labels, yPred: Labels, k: number): Float64Array {
	const counts = new Float64Array(k * k);
	for (let i = 0; i < yTrue.length; i++) counts[yTrue[i]! * k + yPred[i]!]!++;
	return counts;
}

export function accuracyScore(yTrue: Labels, yPred: Labels): number {
	requireSameLength(yTrue, yPred, 'Accuracy');
	requireSamples(yTrue.length, 'Accuracy');
	let correct = 0;
	for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) correct++;
	return correct / yTrue.length;
}

export function confusionMatrix(yTrue: Labels, yPred: Labels, classes: readonly string[]): ConfusionMatrix {
	const k = classes.length;
	checkLabelPair(yTrue, yPred, k, 'Confusion matrix');
	const counts = countMatrix(yTrue, yPred, k);
	const matrix = Array.from({ length: k }, (_, t) => Array.from(counts.subarray(t * k, t * k + k)));
	return { labels: classes, matrix };
}

/**
 * Mean recall over the classes present in y_true. A class only ever predicted has no recall and is left
 * out, as scikit-learn leaves it out (with a warning).
 */
export function balancedAccuracyScore(yTrue: Labels, yPred: Labels, classes: readonly string[]): number {
	const k = classes.length;
	checkLabelPair(yTrue, yPred, k, 'Balanced accuracy');
	const counts = countMatrix(yTrue, yPred, k);
	let sum = 0;
	let present = 0;
	for (let t = 0; t < k; t++) {
		let support = 0;
		for (let p = 0; p < k; p++) support += counts[t * k + p]!;
		if (support === 0) continue;
		sum += counts[t * k + t]! / support;
		present++;
	}
	return sum / present;
}

/** scikit-learn's precision_recall_fscore_support, per class and averaged, zero_division=0. */
export function classificationReport(
	yTrue: Labels,
	yPred: Labels,
	classes: readonly string[]
): ClassificationReport {
	const k = classes.length;
	checkLabelPair(yTrue, yPred, k, 'Precision, recall and F1');
	const counts = countMatrix(yTrue, yPred, k);
	const precision: number[] = [];
	const recall: number[] = [];
	const f1: number[] = [];
	const support: number[] = [];
	const averagedOver: number[] = [];
	for (let c = 0; c < k; c++) {
		let trueSum = 0;
		let predSum = 0;
		for (let o = 0; o < k; o++) {
			trueSum += counts[c * k + o]!;
			predSum += counts[o * k + c]!;
		}
		const tp = counts[c * k + c]!;
		const p = predSum === 0 ? 0 : tp / predSum;
		const r = trueSum === 0 ? 0 : tp / trueSum;
		precision.push(p);
		recall.push(r);
		// scikit-learn's order of operations, so the last digit agrees too.
		f1.push(p + r === 0 ? 0 : (2 * p * r) / (p + r));
		support.push(trueSum);
		if (trueSum > 0 || predSum > 0) averagedOver.push(c);
	}
	const average = (values: number[], weighted: boolean): number => {
		let sum = 0;
		let weights = 0;
		for (const c of averagedOver) {
			const w = weighted ? support[c]! : 1;
			sum += values[c]! * w;
			weights += w;
		}
		return weights === 0 ? 0 : sum / weights;
	};
	return {
		perClass: { precision, recall, f1, support },
		macro: { precision: average(precision, false), recall: average(recall, false), f1: average(f1, false) },
		weighted: { precision: average(precision, true), recall: average(recall, true), f1: average(f1, true) },
		averagedOver
	};
}

/** Macro or weighted F1 (scikit-learn's f1_score with that average and zero_division=0). */
export function f1Score(
	yTrue: Labels,
	yPred: Labels,
	classes: readonly string[],
	average: 'macro' | 'weighted' = 'macro'
): number {
	return classificationReport(yTrue, yPred, classes)[average].f1;
}

/** Multi-class Matthews correlation (Gorodkin's R_K); 0 when either side holds a single class. */
export function matthewsCorrcoef(yTrue: Labels, yPred: Labels, classes: readonly string[]): number {
	const k = classes.length;
	checkLabelPair(yTrue, yPred, k, 'Matthews correlation');
	const counts = countMatrix(yTrue, yPred, k);
	const tSum = new Float64Array(k);
	const pSum = new Float64Array(k);
	let correct = 0;
	for (let t = 0; t < k; t++) {
		correct += counts[t * k + t]!;
		for (let p = 0; p < k; p++) {
			tSum[t]! += counts[t * k + p]!;
			pSum[p]! += counts[t * k + p]!;
		}
	}
	const n = yTrue.length;
	let tp = 0;
	let pp = 0;
	let tt = 0;
	for (let c = 0; c < k; c++) {
		tp += tSum[c]! * pSum[c]!;
		pp += pSum[c]! * pSum[c]!;
		tt += tSum[c]! * tSum[c]!;
	}
	const covYtYp = correct * n - tp;
	const covYpYp = n * n - pp;
	const covYtYt = n * n - tt;
	if (covYpYp * covYtYt === 0) return 0;
	return covYtYp / Math.sqrt(covYtYt * covYpYp);
}

/**
 * scikit-learn 1.2.1's default clipping for log_loss: eps="auto", the machine epsilon of the probabilities'
 * dtype — float64's for a Float64Array or number[], float32's for a Float32Array.
 */
export function defaultLogLossEps(proba: Probabilities): number {
	return proba instanceof Float32Array ? 1.1920928955078125e-7 : Number.EPSILON;
}

/**
 * Mean cross-entropy. Each probability is clipped to [eps, 1 - eps] and each row renormalised to sum to 1
 * before the log, as scikit-learn does, so a confident wrong 0 costs -log(eps) instead of Infinity. Needs
 * at least two classes (scikit-learn raises otherwise; so does this).
 */
export function logLoss(
	yTrue: Labels,
	proba: Probabilities,
	classes: readonly string[],
	options: { eps?: number } = {}
): number {
	const k = classes.length;
	const n = yTrue.length;
	requireSamples(n, 'Log loss');
	if (k < 2) throw new BenchtopError('bad-input', `Log loss needs at least two classes; got ${k}.`);
	requireLabels(yTrue, k, 'Log loss');
	requireProbabilities(proba, n, k, 'Log loss');
	const eps = options.eps ?? defaultLogLossEps(proba);
	let total = 0;
	for (let i = 0; i < n; i++) {
		let rowSum = 0;
		for (let j = 0; j < k; j++) rowSum += Math.min(Math.max(proba[i * k + j]!, eps), 1 - eps);
		const own = Math.min(Math.max(proba[i * k + yTrue[i]!]!, eps), 1 - eps);
		total -= Math.log(own / rowSum);
	}
	return total / n;
}

/**
 * Binary ROC AUC of `scores` for the class `positive` against the rest. NaN when y_true holds only one of
 * the two sides (no positive or no negative sample): the area is undefined and scikit-learn raises.
 */
export function rocAucScore(yTrue: Labels, scores: ArrayLike<number>, positive = 1): number {
	const { fpr, tpr } = rocCurve(yTrue, scores, positive);
	if (Number.isNaN(fpr[1]) || Number.isNaN(tpr[1])) return NaN;
	return trapezoidArea(fpr, tpr);
}

export type OvrAverage = 'macro' | 'weighted';

/** One-vs-rest ROC AUC of each class's probability column; NaN for a class absent from y_true. */
export function rocAucPerClass(yTrue: Labels, proba: Probabilities, classes: readonly string[]): number[] {
	return oneVsRest(yTrue, proba, classes, 'ROC AUC', rocAucScore);
}

/** A binary score of each class's probability column against "this class or not", checked once. */
function oneVsRest(
	yTrue: Labels,
	proba: Probabilities,
	classes: readonly string[],
	what: string,
	score: (yTrue: Labels, scores: ArrayLike<number>, positive: number) => number
): number[] {
	const k = classes.length;
	requireClassCount(k, what);
	requireProbabilities(proba, yTrue.length, k, what);
	requireLabels(yTrue, k, what);
	return classes.map((_, c) => score(yTrue, probabilityColumn(proba, k, c), c));
}

/**
 * One-vs-rest ROC AUC averaged over the classes (macro) or by their support (weighted), as
 * roc_auc_score(multi_class='ovr') computes it. NaN as soon as one class of the list is missing from
 * y_true: scikit-learn raises then, since that class's curve has no positive sample.
 */
export function rocAucOvr(
	yTrue: Labels,
	proba: Probabilities,
	classes: readonly string[],
	average: OvrAverage = 'macro'
): number {
	return averageOverClasses(rocAucPerClass(yTrue, proba, classes), yTrue, classes.length, average);
}

/**
 * Binary average precision (the step-wise area under the precision-recall curve, scikit-learn's
 * average_precision_score). 0 when y_true has no positive sample, as scikit-learn gives (with a warning).
 */
export function averagePrecisionScore(yTrue: Labels, scores: ArrayLike<number>, positive = 1): number {
	const { precision, recall } = precisionRecallCurve(yTrue, scores, positive);
	let area = 0;
	for (let m = 0; m < recall.length - 1; m++) area -= (recall[m + 1]! - recall[m]!) * precision[m]!;
	return area;
}

export function averagePrecisionPerClass(
	yTrue: Labels,
	proba: Probabilities,
	classes: readonly string[]
): number[] {
	return oneVsRest(yTrue, proba, classes, 'Average precision', averagePrecisionScore);
}

/**
 * One-vs-rest average precision over all classes (macro) or weighted by support: scikit-learn's
 * average_precision_score on the one-hot y_true. A class absent from y_true counts as 0 in the macro mean.
 */
export function averagePrecisionOvr(
	yTrue: Labels,
	proba: Probabilities,
	classes: readonly string[],
	average: OvrAverage = 'macro'
): number {
	return averageOverClasses(averagePrecisionPerClass(yTrue, proba, classes), yTrue, classes.length, average);
}

function averageOverClasses(perClass: number[], yTrue: Labels, k: number, average: OvrAverage): number {
	if (perClass.some(Number.isNaN)) return NaN;
	if (average === 'macro') return perClass.reduce((sum, x) => sum + x, 0) / k;
	const support = new Float64Array(k);
	for (let i = 0; i < yTrue.length; i++) support[yTrue[i]!]!++;
	let sum = 0;
	for (let c = 0; c < k; c++) sum += perClass[c]! * support[c]!;
	return sum / yTrue.length;
}
