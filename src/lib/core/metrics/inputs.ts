// The input shapes every classification metric takes, and the checks that turn a malformed input into a
// BenchtopError naming what is wrong instead of a silently wrong number.
//
// Labels are class indices (0..k-1) into the class list the caller holds; k is that list's length.
// Probabilities are one flat row-major n × k matrix (row i is sample i, column j is class j), which is
// what a model's predict() hands back from its output tensor without copying.
import { BenchtopError } from '../errors.ts';

/** Class indices into the class list, one per sample (Int32Array, number[], ...). */
export type Labels = ArrayLike<number>;

/** Row-major n × k class probabilities: row i, class j is at i * k + j. */
export type Probabilities = ArrayLike<number>;

export function requireSamples(n: number, what: string): void {
	if (n === 0) throw new BenchtopError('bad-input', `${what} needs at least one sample; got none.`);
}

export function requireSameLength(a: ArrayLike<unknown>, b: ArrayLike<unknown>, what: string): void {
	if (a.length !== b.length) {
		throw new BenchtopError(
			'bad-input',
			`${what}: the true and predicted values differ in length (${a.length} and ${b.length}).`
		);
	}
}

export function requireClassCount(k: number, what: string): void {
	if (!Number.isInteger(k) || k < 1) {
		throw new BenchtopError('bad-input', `${what} needs a class list with at least one class; got ${k}.`);
	}
}

/** Every label must be a whole class index below k; one stray value would shift every count. */
export function requireLabels(labels: Labels, k: number, what: string): void {
	for (let i = 0; i < labels.length; i++) {
		const label = labels[i]!;
		if (!Number.isInteger(label) || label < 0 || label >= k) {
			throw new BenchtopError(
				'bad-input',
				`${what}: label ${label} at row ${i} is not a class index between 0 and ${k - 1}.`
			);
		}
	}
}

export function requireProbabilities(proba: Probabilities, n: number, k: number, what: string): void {
	if (proba.length !== n * k) {
		throw new BenchtopError(
			'bad-input',
			`${what}: the probability matrix has ${proba.length} values; ${n} rows × ${k} classes need ${n * k}.`
		);
	}
}

export function requireFiniteScores(scores: ArrayLike<number>, what: string): void {
	for (let i = 0; i < scores.length; i++) {
		if (!Number.isFinite(scores[i])) {
			throw new BenchtopError('bad-input', `${what}: score ${scores[i]} at row ${i} is not a finite number.`);
		}
	}
}

/** Column j of an n × k row-major matrix, for the one-vs-rest metrics and curves. */
export function probabilityColumn(proba: Probabilities, k: number, j: number): Float64Array {
	const n = Math.floor(proba.length / k);
	const column = new Float64Array(n);
	for (let i = 0; i < n; i++) column[i] = proba[i * k + j]!;
	return column;
}

/** The predicted class of each row: the first column holding the row's largest probability (numpy argmax). */
export function argmaxRows(proba: Probabilities, k: number): Int32Array {
	requireClassCount(k, 'argmaxRows');
	const n = Math.floor(proba.length / k);
	const predicted = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const row = i * k;
		let best = 0;
		for (let j = 1; j < k; j++) if (proba[row + j]! > proba[row + best]!) best = j;
		predicted[i] = best;
	}
	return predicted;
}
