// Regression metrics matching scikit-learn 1.2.1 (names follow sklearn.metrics): MAE, MSE, RMSE, R²,
// MAPE, median absolute error and explained variance, for one or several outputs.
//
// Targets are one Float64Array (or number[]) per output; a single output may be passed bare. Each metric
// returns the mean over outputs ('uniform_average', scikit-learn's default) or, with 'raw_values', one
// number per output. RMSE averages the per-output RMSEs, as scikit-learn 1.2.1 does (not the root of the
// averaged MSE). R² of a single sample is NaN (scikit-learn warns and returns nan).
import { BenchtopError } from '../errors.ts';

export type Targets = ArrayLike<number> | readonly ArrayLike<number>[];
export type Multioutput = 'uniform_average' | 'raw_values';

/** A single output may come bare; a list of arrays is one array per output. */
export function targetOutputs(targets: Targets): readonly ArrayLike<number>[] {
	const first = (targets as ArrayLike<unknown>)[0];
	return typeof first === 'object' && first !== null
		? (targets as readonly ArrayLike<number>[])
		: [targets as ArrayLike<number>];
}

function paired(yTrue: Targets, yPred: Targets, what: string): [ArrayLike<number>, ArrayLike<number>][] {
	const trues = targetOutputs(yTrue);
	const preds = targetOutputs(yPred);
	if (trues.length !== preds.length) {
		throw new BenchtopError(
			'bad-input',
			`${what}: ${trues.length} true outputs but ${preds.length} predicted outputs.`
		);
	}
	return trues.map((t, o) => {
		const p = preds[o]!;
		if (t.length !== p.length) {
			throw new BenchtopError(
				'bad-input',
				`${what}: output ${o + 1} has ${t.length} true values but ${p.length} predictions.`
			);
		}
		if (t.length === 0) throw new BenchtopError('bad-input', `${what} needs at least one sample; got none.`);
		return [t, p];
	});
}

function mean(values: ArrayLike<number>): number {
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += values[i]!;
	return sum / values.length;
}

function median(values: Float64Array): number {
	const sorted = values.sort();
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** scikit-learn's force_finite rule: perfect is 1, imperfect against a constant target is 0. */
function finiteScore(numerator: number, denominator: number): number {
	if (numerator === 0) return 1;
	if (denominator === 0) return 0;
	return 1 - numerator / denominator;
}

type PerOutput = (t: ArrayLike<number>, p: ArrayLike<number>) => number;

function metric(what: string, perOutput: PerOutput) {
	function compute(yTrue: Targets, yPred: Targets): number;
	function compute(yTrue: Targets, yPred: Targets, multioutput: 'uniform_average'): number;
	function compute(yTrue: Targets, yPred: Targets, multioutput: 'raw_values'): number[];
	function compute(yTrue: Targets, yPred: Targets, multioutput: Multioutput = 'uniform_average') {
		const values = paired(yTrue, yPred, what).map(([t, p]) => perOutput(t, p));
		return multioutput === 'raw_values' ? values : mean(values);
	}
	return compute;
}

function squaredErrorMean(t: ArrayLike<number>, p: ArrayLike<number>): number {
	let sum = 0;
	for (let i = 0; i < t.length; i++) sum += (t[i]! - p[i]!) ** 2;
	return sum / t.length;
}

export const meanAbsoluteError = metric('Mean absolute error', (t, p) => {
	let sum = 0;
	for (let i = 0; i < t.length; i++) sum += Math.abs(p[i]! - t[i]!);
	return sum / t.length;
});

export const meanSquaredError = metric('Mean squared error', squaredErrorMean);

export const rootMeanSquaredError = metric('Root mean squared error', (t, p) =>
	Math.sqrt(squaredErrorMean(t, p))
);

/** |error| / max(|y|, float64 epsilon): a zero target gives a huge but finite error, as in scikit-learn. */
export const meanAbsolutePercentageError = metric('Mean absolute percentage error', (t, p) => {
	let sum = 0;
	for (let i = 0; i < t.length; i++)
		sum += Math.abs(p[i]! - t[i]!) / Math.max(Math.abs(t[i]!), Number.EPSILON);
	return sum / t.length;
});

export const medianAbsoluteError = metric('Median absolute error', (t, p) =>
	median(Float64Array.from({ length: t.length }, (_, i) => Math.abs(p[i]! - t[i]!)))
);

/** R²; 1 for perfect predictions, 0 for imperfect ones of a constant target, NaN with one sample. */
export const r2Score = metric('R²', (t, p) => {
	if (t.length < 2) return NaN;
	const center = mean(t);
	let numerator = 0;
	let denominator = 0;
	for (let i = 0; i < t.length; i++) {
		numerator += (t[i]! - p[i]!) ** 2;
		denominator += (t[i]! - center) ** 2;
	}
	return finiteScore(numerator, denominator);
});

/** Explained variance: like R² but blind to a constant offset in the predictions. */
export const explainedVarianceScore = metric('Explained variance', (t, p) => {
	const n = t.length;
	let offset = 0;
	for (let i = 0; i < n; i++) offset += t[i]! - p[i]!;
	offset /= n;
	const center = mean(t);
	let numerator = 0;
	let denominator = 0;
	for (let i = 0; i < n; i++) {
		numerator += (t[i]! - p[i]! - offset) ** 2;
		denominator += (t[i]! - center) ** 2;
	}
	return finiteScore(numerator / n, denominator / n);
});
