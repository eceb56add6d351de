// Statistics of a numeric or date column from one copy of its present values, sorted once: order
// statistics, exact distinct count and outlier counts all come from the sorted array.
import { binEdge, chooseBinning, type Binning } from './binning.ts';
import type { NumericData } from './column-data.ts';
import { countAtMost, countBelow, quantilesOf } from './quantiles.ts';
import { sortedPresentValues } from './sort-values.ts';
import type { Histogram, HistogramBin, Quantiles } from './types.ts';

export interface NumericSummary {
	count: number;
	unique: number;
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

export function summarizeNumeric(column: NumericData, maxBins: number): NumericSummary {
	const sorted = sortedPresentValues(column);
	const n = sorted.length;
	if (n === 0) {
		return {
			count: 0,
			unique: 0,
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
	const kind = column.type === 'date' ? 'date' : column.type === 'integer' ? 'integer' : 'number';
	const binning = chooseBinning(min, max, maxBins, kind);
	return {
		count: n,
		unique,
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
