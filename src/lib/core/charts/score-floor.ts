// Where a search's score axis stops below. A network that diverges scores R² −2,500,000 where the rest sit
// between 0.45 and 0.58; an axis down to the outlier squeezes every other trial onto one line. Scores far
// below the bulk (Tukey's "far out": more than three interquartile ranges under the lower quartile) are
// drawn at the axis' foot, marked as below it, with their own value in the tooltip.
import { quantileOfSorted } from '../prep/steps/clip/quantile.ts';

/**
 * The least spread the fence allows, as a share of the scores' size (at least 1): when most trials tie
 * (accuracy 1.0 on a small table) the interquartile range is 0, and a trial at 0.97 is no outlier.
 */
const LEAST_SPREAD = 0.05;

/** The lowest score the axis shows; `-Infinity` when no score is far below the rest. */
export function scoreFloor(scores: readonly number[]): number {
	const sorted = scores.filter(Number.isFinite).sort((a, b) => a - b);
	if (sorted.length < 4) return -Infinity;
	const lower = quantileOfSorted(sorted, 0.25);
	const upper = quantileOfSorted(sorted, 0.75);
	const size = Math.max(1, Math.abs(quantileOfSorted(sorted, 0.5)));
	const fence = lower - 3 * Math.max(upper - lower, LEAST_SPREAD * size);
	if (sorted[0]! >= fence) return -Infinity;
	// The axis ends a little under the lowest score inside the fence, so those points sit clear of its foot.
	const lowestInside = sorted.find((s) => s >= fence)!;
	return lowestInside - 0.1 * (sorted[sorted.length - 1]! - lowestInside || LEAST_SPREAD * size);
}
