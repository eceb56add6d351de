// Bin edges as scikit-learn's KBinsDiscretizer learns them (strategy 'uniform' or 'quantile'), and the bin
// a value falls in, as its ordinal transform assigns it.
import { quantileOfSorted } from '../clip/quantile.ts';

export type BinMethod = 'equal-width' | 'quantile';

/**
 * Edges from the present values of a column, sorted ascending: `bins + 1` edges, fewer when quantile edges
 * coincide (sklearn drops bins narrower than 1e-8). A constant column gets one bin, [value, value].
 */
export function binEdges(sorted: Float64Array, method: BinMethod, bins: number): number[] {
	const min = sorted[0]!;
	const max = sorted[sorted.length - 1]!;
	if (min === max) return [min, max];
	if (method === 'equal-width') {
		// np.linspace: i·step + start, with the last edge exactly the stop.
		const step = (max - min) / bins;
		return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : i * step + min));
	}
	// np.percentile(column, np.linspace(0, 100, bins + 1)): percentages first, then divided by 100.
	const percentStep = 100 / bins;
	const edges = Array.from({ length: bins + 1 }, (_, i) =>
		quantileOfSorted(sorted, (i === bins ? 100 : i * percentStep) / 100)
	);
	// Each edge is compared with the edge before it in the full list, as np.ediff1d does.
	return edges.filter((edge, i) => i === 0 || edge - edges[i - 1]! > 1e-8);
}

/** The ordinal bin of x: how many inner edges are ≤ x (np.searchsorted side 'right'), so values below the
 * first edge land in bin 0 and values above the last edge in the last bin. */
export function binIndex(edges: readonly number[], x: number): number {
	let lo = 1;
	let hi = edges.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (edges[mid]! <= x) lo = mid + 1;
		else hi = mid;
	}
	return lo - 1;
}
