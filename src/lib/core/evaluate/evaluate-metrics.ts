// The full metric set of one evaluated split, under scikit-learn's names, from the sklearn-checked metric
// functions: what the Evaluate page tabulates, the report prints and `benchtop evaluate` computes. A metric
// that is undefined on these rows is null, with a note saying why.
import {
	accuracyScore,
	averagePrecisionOvr,
	averagePrecisionScore,
	balancedAccuracyScore,
	classificationReport,
	confusionMatrix,
	logLoss,
	matthewsCorrcoef,
	rocAucOvr,
	rocAucScore
} from '../metrics/classification.ts';
import {
	adjustedRandScore,
	daviesBouldinScore,
	inertia,
	silhouetteScore,
	type Points
} from '../metrics/clustering.ts';
import { argmaxRows, probabilityColumn, type Labels, type Probabilities } from '../metrics/inputs.ts';
import {
	meanAbsoluteError,
	meanAbsolutePercentageError,
	meanSquaredError,
	medianAbsoluteError,
	r2Score,
	rootMeanSquaredError
} from '../metrics/regression.ts';
import type { ClassificationOutputs, MetricValues } from './run-evaluation.ts';

export const CLASSIFICATION_METRICS = [
	'accuracy',
	'balanced_accuracy',
	'precision_macro',
	'recall_macro',
	'f1_macro',
	'precision_weighted',
	'recall_weighted',
	'f1_weighted',
	'log_loss',
	'roc_auc',
	'average_precision',
	'matthews_corrcoef'
] as const;

export const REGRESSION_METRICS = ['mae', 'mse', 'rmse', 'r2', 'mape', 'median_ae'] as const;

/** Silhouette costs rows² distances: past this many rows a seeded sample is scored, as training does. */
export const SILHOUETTE_SAMPLE = 2000;

function finite(x: number): number | null {
	return Number.isFinite(x) ? x : null;
}

function allNull(names: readonly string[]): MetricValues {
	return Object.fromEntries(names.map((name) => [name, null]));
}

export interface ClassificationMetrics {
	metrics: MetricValues;
	perClass: ClassificationOutputs['perClass'];
	confusion: number[][];
	notes: string[];
}

export function classificationMetrics(
	yTrue: Labels,
	proba: Probabilities,
	classes: readonly string[],
	yPred: Labels = argmaxRows(proba, classes.length)
): ClassificationMetrics {
	const k = classes.length;
	if (yTrue.length === 0) {
		return {
			metrics: allNull(CLASSIFICATION_METRICS),
			perClass: classes.map((label) => ({ label, precision: 0, recall: 0, f1: 0, support: 0 })),
			confusion: classes.map(() => classes.map(() => 0)),
			notes: ['No rows to score.']
		};
	}
	const notes: string[] = [];
	const report = classificationReport(yTrue, yPred, classes);
	let loss: number | null = null;
	let auc: number | null = null;
	let precision: number | null = null;
	if (k < 2) {
		notes.push('log_loss, roc_auc and average_precision need at least two classes; the class list has one.');
	} else {
		loss = logLoss(yTrue, proba, classes);
		if (k === 2) {
			const positive = probabilityColumn(proba, k, 1);
			auc = finite(rocAucScore(yTrue, positive, 1));
			precision = finite(averagePrecisionScore(yTrue, positive, 1));
		} else {
			auc = finite(rocAucOvr(yTrue, proba, classes));
			precision = finite(averagePrecisionOvr(yTrue, proba, classes));
		}
		if (auc === null)
			notes.push(
				k === 2
					? 'roc_auc is undefined: these rows hold only one of the two classes.'
					: 'roc_auc is undefined: some class never occurs in these rows, so its one-vs-rest curve has no positive sample.'
			);
	}
	const metrics: MetricValues = {
		accuracy: accuracyScore(yTrue, yPred),
		balanced_accuracy: balancedAccuracyScore(yTrue, yPred, classes),
		precision_macro: report.macro.precision,
		recall_macro: report.macro.recall,
		f1_macro: report.macro.f1,
		precision_weighted: report.weighted.precision,
		recall_weighted: report.weighted.recall,
		f1_weighted: report.weighted.f1,
		log_loss: loss,
		roc_auc: auc,
		average_precision: precision,
		matthews_corrcoef: matthewsCorrcoef(yTrue, yPred, classes)
	};
	return {
		metrics,
		perClass: classes.map((label, c) => ({
			label,
			precision: report.perClass.precision[c]!,
			recall: report.perClass.recall[c]!,
			f1: report.perClass.f1[c]!,
			support: report.perClass.support[c]!
		})),
		confusion: confusionMatrix(yTrue, yPred, classes).matrix,
		notes
	};
}

export interface RegressionMetrics {
	/** Each metric averaged over the outputs (scikit-learn's uniform_average). */
	metrics: MetricValues;
	perOutput: Record<string, MetricValues>;
	notes: string[];
}

function countZeros(values: ArrayLike<number>): number {
	let zeros = 0;
	for (let i = 0; i < values.length; i++) if (values[i] === 0) zeros++;
	return zeros;
}

export function regressionMetrics(
	targets: readonly string[],
	actual: readonly ArrayLike<number>[],
	predicted: readonly ArrayLike<number>[]
): RegressionMetrics {
	if ((actual[0]?.length ?? 0) === 0) {
		return {
			metrics: allNull(REGRESSION_METRICS),
			perOutput: Object.fromEntries(targets.map((t) => [t, allNull(REGRESSION_METRICS)])),
			notes: ['No rows to score.']
		};
	}
	const raw: Record<(typeof REGRESSION_METRICS)[number], number[]> = {
		mae: meanAbsoluteError(actual, predicted, 'raw_values'),
		mse: meanSquaredError(actual, predicted, 'raw_values'),
		rmse: rootMeanSquaredError(actual, predicted, 'raw_values'),
		r2: r2Score(actual, predicted, 'raw_values'),
		mape: meanAbsolutePercentageError(actual, predicted, 'raw_values'),
		median_ae: medianAbsoluteError(actual, predicted, 'raw_values')
	};
	const mean = (values: number[]) => values.reduce((sum, x) => sum + x, 0) / values.length;
	const metrics: MetricValues = {};
	for (const name of REGRESSION_METRICS) metrics[name] = finite(mean(raw[name]));
	const perOutput: Record<string, MetricValues> = {};
	targets.forEach((target, o) => {
		perOutput[target] = Object.fromEntries(REGRESSION_METRICS.map((name) => [name, finite(raw[name][o]!)]));
	});
	const notes = metrics.r2 === null ? ['r2 is undefined with fewer than two rows.'] : [];
	targets.forEach((target, o) => {
		const zeros = countZeros(actual[o]!);
		if (zeros > 0)
			notes.push(
				`mape divides each error by its actual value, and ${zeros.toLocaleString('en')} of ${actual[o]!.length.toLocaleString('en')} rows ` +
					`have ${target} = 0 (scikit-learn divides by its epsilon there), so mape is enormous and says nothing: read mae or median_ae.`
			);
	});
	return { metrics, perOutput, notes };
}

export interface ClusteringMetricInput {
	points: Points;
	clusters: Int32Array;
	/** k × width, row-major. */
	centroids: Float64Array;
	/** Known groups of the same rows (a label column), for the adjusted Rand index; null where missing. */
	labels?: (string | null)[];
	seed: number;
}

export function clusteringMetrics(input: ClusteringMetricInput): { metrics: MetricValues; notes: string[] } {
	const { points, clusters, centroids, labels, seed } = input;
	const rows = clusters.length;
	const notes: string[] = [];
	if (rows === 0) {
		return {
			metrics: {
				inertia: null,
				silhouette: null,
				davies_bouldin: null,
				...(labels ? { adjusted_rand: null } : {})
			},
			notes: ['No rows to score.']
		};
	}
	const distinct = new Set(clusters).size;
	const separable = distinct >= 2 && distinct <= rows - 1;
	if (!separable)
		notes.push(
			`silhouette and davies_bouldin need between 2 and ${rows - 1} clusters among the rows; they fall in ${distinct}.`
		);
	const metrics: MetricValues = {
		inertia: inertia(points, clusters, centroids),
		silhouette: separable ? silhouetteScore(points, clusters, { sampleSize: SILHOUETTE_SAMPLE, seed }) : null,
		davies_bouldin: separable ? daviesBouldinScore(points, clusters) : null
	};
	if (labels) {
		const kept: number[] = [];
		labels.forEach((label, i) => label !== null && kept.push(i));
		metrics.adjusted_rand =
			kept.length > 0
				? adjustedRandScore(
						kept.map((i) => labels[i]!),
						kept.map((i) => clusters[i]!)
					)
				: null;
		if (kept.length < rows)
			notes.push(`adjusted_rand leaves out ${rows - kept.length} rows without a label.`);
	}
	return { metrics, notes };
}
