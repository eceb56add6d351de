// Linear regression solved exactly, as scikit-learn's Ridge does, instead of by gradient steps. On a small
// table gradient descent with early stopping watches a handful of held-back rows and stops wherever they
// happen to look good (linnerud's 16 rows gave R² −10 on one split where Ridge gives +0.09); the closed
// form has no epochs to stop early and its penalty keeps the weights from chasing noise.
import type { NetworkSpec } from '../models/types.ts';
import type { NetworkTask, TrainingArrays } from './training-data.ts';
import type { LossName } from './types.ts';

/** scikit-learn's Ridge default. The features reach the model standardised, so one α suits every column. */
export const RIDGE_ALPHA = 1;

/** Above this many multiply-adds (rows × features²) the normal equations cost more than a few epochs. */
export const RIDGE_MAX_WORK = 2e9;

export function ridgeFits(data: Pick<TrainingArrays, 'n' | 'featureCount'>): boolean {
	return data.n * data.featureCount * data.featureCount <= RIDGE_MAX_WORK;
}

/**
 * The ridge α whose solution minimises what gradient steps with the layer penalty `l2` minimise: the mean
 * squared error over rows × outputs plus l2 · Σw², which is (Σ squared errors + α · Σw²) / (rows × outputs).
 */
export function ridgeAlpha(l2: number, data: Pick<TrainingArrays, 'n' | 'outputSize'>): number {
	return l2 * data.n * data.outputSize;
}

function formatAlpha(alpha: number): string {
	return alpha >= 100 ? alpha.toFixed(0) : Number(alpha.toPrecision(3)).toString();
}

/**
 * The weights of a dense layer (kernel featureCount × outputSize, then bias) minimising
 * ‖y − Xw − b‖² + α‖w‖², the intercept unpenalised (by centring, as scikit-learn does).
 */
export function solveRidge(data: TrainingArrays, alpha = RIDGE_ALPHA): Float32Array[] {
	const { n, featureCount: p, outputSize: k, x, y } = data;
	const xMean = new Float64Array(p);
	const yMean = new Float64Array(k);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < p; j++) xMean[j]! += x[i * p + j]!;
		for (let t = 0; t < k; t++) yMean[t]! += y[i * k + t]!;
	}
	for (let j = 0; j < p; j++) xMean[j]! /= Math.max(n, 1);
	for (let t = 0; t < k; t++) yMean[t]! /= Math.max(n, 1);

	// Gram matrix XcᵀXc + αI and right-hand sides Xcᵀyc, in float64.
	const gram = new Float64Array(p * p);
	const rhs = new Float64Array(p * k);
	const row = new Float64Array(p);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < p; j++) row[j] = x[i * p + j]! - xMean[j]!;
		for (let a = 0; a < p; a++) {
			const ra = row[a]!;
			if (ra === 0) continue;
			for (let b = a; b < p; b++) gram[a * p + b]! += ra * row[b]!;
			for (let t = 0; t < k; t++) rhs[a * k + t]! += ra * (y[i * k + t]! - yMean[t]!);
		}
	}
	for (let a = 0; a < p; a++) {
		gram[a * p + a]! += alpha;
		for (let b = 0; b < a; b++) gram[a * p + b] = gram[b * p + a]!;
	}
	const kernel = choleskySolve(gram, rhs, p, k);
	const bias = new Float32Array(k);
	for (let t = 0; t < k; t++) {
		let offset = yMean[t]!;
		for (let j = 0; j < p; j++) offset -= xMean[j]! * kernel[j * k + t]!;
		bias[t] = offset;
	}
	return [Float32Array.from(kernel), bias];
}

/** Solves A·W = B for a symmetric positive definite A (p × p) and B (p × k), both row-major. */
function choleskySolve(a: Float64Array, b: Float64Array, p: number, k: number): Float64Array {
	const l = new Float64Array(p * p);
	for (let i = 0; i < p; i++) {
		for (let j = 0; j <= i; j++) {
			let sum = a[i * p + j]!;
			for (let m = 0; m < j; m++) sum -= l[i * p + m]! * l[j * p + m]!;
			// α > 0 keeps the matrix positive definite; the guard only meets rounding on a near-zero pivot.
			l[i * p + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j * p + j]!;
		}
	}
	const w = new Float64Array(p * k);
	for (let t = 0; t < k; t++) {
		const z = new Float64Array(p);
		for (let i = 0; i < p; i++) {
			let sum = b[i * k + t]!;
			for (let m = 0; m < i; m++) sum -= l[i * p + m]! * z[m]!;
			z[i] = sum / l[i * p + i]!;
		}
		for (let i = p - 1; i >= 0; i--) {
			let sum = z[i]!;
			for (let m = i + 1; m < p; m++) sum -= l[m * p + i]! * w[m * k + t]!;
			w[i * k + t] = sum / l[i * p + i]!;
		}
	}
	return w;
}

/**
 * The closed form for a network that is a linear regression (no hidden layers, numbers out, squared error)
 * on a table small enough for the normal equations; nothing for any other model, which trains by gradient
 * steps (a Huber loss too: ridge would minimise another loss than the one asked for).
 */
export function closedForm(
	spec: NetworkSpec,
	task: NetworkTask,
	data: Pick<TrainingArrays, 'n' | 'featureCount' | 'outputSize'>,
	loss: LossName = 'mse'
): { solve?: (train: TrainingArrays) => Float32Array[]; solvedMessage?: string } {
	if (spec.layers.length > 0 || task === 'classification' || loss !== 'mse' || !ridgeFits(data)) return {};
	const { l2 } = spec;
	const alpha = (rows: Pick<TrainingArrays, 'n' | 'outputSize'>) =>
		l2 === undefined ? RIDGE_ALPHA : ridgeAlpha(l2, rows);
	const penalty =
		l2 === undefined
			? `α = ${RIDGE_ALPHA}, like scikit-learn's Ridge`
			: `L2 ${l2}, α = ${formatAlpha(alpha(data))}`;
	return {
		solve: (train) => solveRidge(train, alpha(train)),
		solvedMessage: `Solved exactly as ridge regression (${penalty}): a linear model needs no epochs.`
	};
}
