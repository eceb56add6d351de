// Statistics of a numeric or date column. Up to SKETCH_FROM present values, from one copy of them sorted
// once: order statistics, exact distinct count and outlier counts all come from the sorted array. Beyond
// that, without sorting or copying: one pass for the moments, a KLL sketch of the quantiles and a bounded
// distinct count, then one pass for the spread, the histogram and the outliers.
import { binEdge, binIndex, chooseBinning, type Binning } from './binning.ts';
import type { NumericData } from './column-data.ts';
import { DistinctNumbers } from './distinct-numbers.ts';
import { KllSketch } from './kll-sketch.ts';
import { countAtMost, countBelow, quantilesOf } from './quantiles.ts';
import { sortedPresentValues } from './sort-values.ts';
import type { Histogram, HistogramBin, Quantiles } from './types.ts';

/**
 * Columns with more present values than this have their quantiles from a KLL sketch (its rank error,
 * ±2.5/k with k = 1024, is ±0.25% of the rows) and their distinct count exact only up to 100,000: sorting
 * a copy of them would need two more arrays the size of the column.
 */
export const SKETCH_FROM = 1 << 21;

/** The sketch's seed: the same column always gives the same quantiles. */
const SKETCH_SEED = 1;

export interface NumericSummary {
	count: number;
	unique: number;
	/** `unique` is an estimate (past 100,000 distinct values in a sketched column). */
	uniqueApprox: boolean;
	/** The quantiles (and so the outlier count) are the sketch's, within its rank error. */
	quantilesApprox: boolean;
	min: number | null;
	max: number | null;
	mean: number | null;
	std: number | null;
	quantiles: Quantiles | null;
	zeros: number;
	negatives: number;
	outliers: number;
	binning: Binning | null;
	histogram: Histogram | null;
}

/** Sorted values make every bin a pair of binary searches: no per-value work. */
function histogramOf(sorted: Float64Array, binning: Binning): Histogram {
	const bins: HistogramBin[] = [];
	let from = 0;
	for (let k = 0; k < binning.count; k++) {
		const x1 = binEdge(binning, k + 1);
		// The last bin is closed on the right; the others stop just below their upper edge.
		const to = k === binning.count - 1 ? sorted.length : countBelow(sorted, x1);
		bins.push({ x0: binEdge(binning, k), x1, count: to - from });
		from = to;
	}
	return { bins };
}

const binKind = (column: NumericData) =>
	column.type === 'date' ? 'date' : column.type === 'integer' ? 'integer' : 'number';

function empty(): NumericSummary {
	return {
		count: 0,
		unique: 0,
		uniqueApprox: false,
		quantilesApprox: false,
		min: null,
		max: null,
		mean: null,
		std: null,
		quantiles: null,
		zeros: 0,
		negatives: 0,
		outliers: 0,
		binning: null,
		histogram: null
	};
}

/** The sketched path, for columns of more than SKETCH_FROM present values. */
export function summarizeLargeNumeric(column: NumericData, maxBins: number): NumericSummary {
	const values = column.values;
	const sketch = new KllSketch(undefined, SKETCH_SEED);
	const distinct = new DistinctNumbers();
	let n = 0;
	let sum = 0;
	let zeros = 0;
	let negatives = 0;
	for (let i = 0; i < values.length; i++) {
		const x = values[i]!;
		if (x !== x) continue;
		n++;
		sum += x;
		if (x === 0) zeros++;
		else if (x < 0) negatives++;
		distinct.add(x);
	}
	if (n === 0) return empty();
	sketch.addAll(values);
	const mean = sum / n;
	const [p5, q1, median, q3, p95] = sketch.quantiles([0.05, 0.25, 0.5, 0.75, 0.95]) as [
		number,
		number,
		number,
		number,
		number
	];
	const min = sketch.min;
	const max = sketch.max;
	const binning = chooseBinning(min, max, maxBins, binKind(column));
	const counts = new Float64Array(binning.count);
	const iqr = q3 - q1;
	const fenceLow = q1 - 1.5 * iqr;
	const fenceHigh = q3 + 1.5 * iqr;
	let squares = 0;
	let outliers = 0;
	for (let i = 0; i < values.length; i++) {
		const x = values[i]!;
		if (x !== x) continue;
		const d = x - mean;
		squares += d * d;
		if (x < fenceLow || x > fenceHigh) outliers++;
		counts[binIndex(binning, x)]!++;
	}
	return {
		count: n,
		unique: distinct.count,
		uniqueApprox: distinct.approximate,
		quantilesApprox: true,
		min,
		max,
		mean,
		std: n > 1 ? Math.sqrt(squares / (n - 1)) : null,
		quantiles: { p5, q1, median, q3, p95 },
		zeros,
		negatives,
		outliers,
		binning,
		histogram: {
			bins: Array.from(counts, (count, k) => ({
				x0: binEdge(binning, k),
				x1: binEdge(binning, k + 1),
				count
			}))
		}
	};
}

export function summarizeNumeric(column: NumericData, maxBins: number): NumericSummary {
	if (column.values.length - column.missing > SKETCH_FROM) return summarizeLargeNumeric(column, maxBins);
	const sorted = sortedPresentValues(column);
	const n = sorted.length;
	if (n === 0) return empty();
	let sum = 0;
	let unique = 1;
	for (let i = 0; i < n; i++) {
		sum += sorted[i]!;
		if (i > 0 && sorted[i] !== sorted[i - 1]) unique++;
	}
	const mean = sum / n;
	// Two passes (mean, then squared deviations) keep the variance accurate for large offsets.
	let squares = 0;
	for (let i = 0; i < n; i++) {
		const d = sorted[i]! - mean;
		squares += d * d;
	}
	const quantiles = quantilesOf(sorted);
	const iqr = quantiles.q3 - quantiles.q1;
	const outliers =
		countBelow(sorted, quantiles.q1 - 1.5 * iqr) + n - countAtMost(sorted, quantiles.q3 + 1.5 * iqr);
	const zerosFrom = countBelow(sorted, 0);
	const min = sorted[0]!;
	const max = sorted[n - 1]!;
	const binning = chooseBinning(min, max, maxBins, binKind(column));
	return {
		count: n,
		unique,
		uniqueApprox: false,
		quantilesApprox: false,
		min,
		max,
		mean,
		std: n > 1 ? Math.sqrt(squares / (n - 1)) : null,
		quantiles,
		zeros: countAtMost(sorted, 0) - zerosFrom,
		negatives: zerosFrom,
		outliers,
		binning,
		histogram: histogramOf(sorted, binning)
	};
}
