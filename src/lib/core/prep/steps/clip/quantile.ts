// Quantiles the way numpy computes them by default (method 'linear'), on values already sorted: clip uses
// them for its bounds, scale (robust) for the quartiles and bin (quantile) for its edges.

/** numpy's `_lerp`: from the nearer end, so a quantile at an exact data point returns that point. */
function lerp(a: number, b: number, t: number): number {
	const diff = b - a;
	return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** The q-quantile (0 ≤ q ≤ 1) of ascending, finite, non-empty values. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
	const n = sorted.length;
	const position = (n - 1) * q;
	const below = Math.min(Math.max(Math.floor(position), 0), n - 1);
	const above = Math.min(below + 1, n - 1);
	return lerp(sorted[below]!, sorted[above]!, position - below);
}

/** The median as numpy's nanmedian: the middle value, or the mean of the two middle values. */
export function medianOfSorted(sorted: ArrayLike<number>): number {
	const n = sorted.length;
	const half = n >> 1;
	return n % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}
