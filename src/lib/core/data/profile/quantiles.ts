// Quantiles of sorted values by linear interpolation between order statistics: R's type 7, the
// default of pandas and numpy, so the numbers match what people check them against.
import type { Quantiles } from './types.ts';

export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	const a = sorted[lo]!;
	if (lo + 1 >= n) return a;
	return a + (h - lo) * (sorted[lo + 1]! - a);
}

export function quantilesOf(sorted: ArrayLike<number>): Quantiles {
	return {
		p5: quantileSorted(sorted, 0.05),
		q1: quantileSorted(sorted, 0.25),
		median: quantileSorted(sorted, 0.5),
		q3: quantileSorted(sorted, 0.75),
		p95: quantileSorted(sorted, 0.95)
	};
}

/** How many sorted values are below `x` (the index of the first one at or above it). */
export function countBelow(sorted: ArrayLike<number>, x: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid]! < x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** How many sorted values are at or below `x`. */
export function countAtMost(sorted: ArrayLike<number>, x: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid]! <= x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
