// The centre and spread each scaling method divides by, computed as scikit-learn's StandardScaler,
// MinMaxScaler and RobustScaler compute them, including how they treat a column that does not vary; one
// departure: a robust scale whose interquartile range is 0 while the column varies uses the standard deviation.
import { medianOfSorted, quantileOfSorted } from '../clip/quantile.ts';

export type ScaleMethod = 'standard' | 'min-max' | 'robust';

const EPS = 2 ** -52;

export interface ScaleStats {
	center: number;
	scale: number;
}

/** Centre and scale from the present values of one column, sorted ascending. x' = (x − center) / scale. */
export function scaleStats(sorted: Float64Array, method: ScaleMethod): ScaleStats {
	switch (method) {
		case 'standard':
			return standardStats(sorted);
		case 'min-max': {
			const range = sorted[sorted.length - 1]! - sorted[0]!;
			// A near-zero range is treated as constant (sklearn's 10·eps rule): the column maps to 0.
			return { center: sorted[0]!, scale: range < 10 * EPS ? 1 : range };
		}
		case 'robust': {
			const iqr = quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25);
			const center = medianOfSorted(sorted);
			if (iqr >= 10 * EPS) return { center, scale: iqr };
			// Over half the values equal, as in a column mostly filled in with its median: scikit-learn divides
			// by 1 and leaves the rest in their own units (movies.json's US DVD Sales, in the millions, made the
			// search's robust-scaled networks diverge). The standard deviation keeps them near spread 1; a
			// constant column still divides by 1.
			return { center, scale: standardStats(sorted).scale };
		}
	}
}

/** Mean and population standard deviation (ddof 0), with sklearn's two-pass correction. */
function standardStats(values: Float64Array): ScaleStats {
	const n = values.length;
	let sum = 0;
	for (let i = 0; i < n; i++) sum += values[i]!;
	const mean = sum / n;
	let correction = 0;
	let squares = 0;
	for (let i = 0; i < n; i++) {
		const d = values[i]! - mean;
		correction += d;
		squares += d * d;
	}
	const variance = (squares - (correction * correction) / n) / n;
	// sklearn calls a column constant when its variance is within the round-off bound of the two-pass
	// algorithm, and then divides by 1 rather than by noise.
	const constant = variance <= n * EPS * variance + (n * mean * EPS) ** 2;
	return { center: mean, scale: constant ? 1 : Math.sqrt(variance) };
}
