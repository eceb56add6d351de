// The data behind a feature-versus-target chart, at a bounded size: bins of a numeric feature (its
// histogram's bins) or the largest levels of a categorical one, against the target's mean or classes.
import { binCodes, binEdge, type Binning } from './binning.ts';
import type { GroupCodes } from './group-codes.ts';
import { quantileSorted } from './quantiles.ts';
import type { BinnedClassesChart, BinnedMeanChart, GroupClassesChart, GroupSummaryChart } from './types.ts';

export function binnedMean(x: Float64Array, binning: Binning | null, y: Float64Array): BinnedMeanChart {
	if (!binning) return { kind: 'binned-mean', bins: [] };
	const counts = new Float64Array(binning.count);
	const sums = new Float64Array(binning.count);
	const bin = binCodes(binning, x);
	for (let i = 0; i < x.length; i++) {
		const k = bin[i]!;
		const b = y[i]!;
		if (k < 0 || b !== b) continue;
		counts[k]!++;
		sums[k]! += b;
	}
	return {
		kind: 'binned-mean',
		bins: Array.from(counts, (count, k) => ({
			x0: binEdge(binning, k),
			x1: binEdge(binning, k + 1),
			count,
			mean: count > 0 ? sums[k]! / count : null
		}))
	};
}

export function binnedClasses(
	x: Float64Array,
	binning: Binning | null,
	target: GroupCodes
): BinnedClassesChart {
	const classes = target.labels;
	if (!binning) return { kind: 'binned-classes', classes, bins: [] };
	const c = classes.length;
	const counts = new Int32Array(binning.count * c);
	const bin = binCodes(binning, x);
	const classOf = target.codes;
	for (let i = 0; i < bin.length; i++) {
		const k = bin[i]!;
		const t = classOf[i]!;
		if (k >= 0 && t >= 0) counts[k * c + t]!++;
	}
	return {
		kind: 'binned-classes',
		classes,
		bins: Array.from({ length: binning.count }, (_, k) => ({
			x0: binEdge(binning, k),
			x1: binEdge(binning, k + 1),
			counts: Array.from(counts.subarray(k * c, (k + 1) * c))
		}))
	};
}

export function groupClasses(feature: GroupCodes, target: GroupCodes): GroupClassesChart {
	const c = target.labels.length;
	const counts = new Float64Array(feature.labels.length * c);
	for (let i = 0; i < feature.codes.length; i++) {
		const f = feature.codes[i]!;
		const t = target.codes[i]!;
		if (f < 0 || t < 0) continue;
		counts[f * c + t]!++;
	}
	return {
		kind: 'group-classes',
		classes: target.labels,
		groups: feature.labels.map((value, g) => ({
			value,
			counts: Array.from(counts.subarray(g * c, (g + 1) * c))
		}))
	};
}

export function groupSummary(feature: GroupCodes, y: Float64Array): GroupSummaryChart {
	const g = feature.labels.length;
	const sizes = new Int32Array(g);
	for (let i = 0; i < y.length; i++) {
		const f = feature.codes[i]!;
		if (f >= 0 && y[i] === y[i]) sizes[f]!++;
	}
	const values = Array.from(sizes, (size) => new Float64Array(size));
	const filled = new Int32Array(g);
	for (let i = 0; i < y.length; i++) {
		const f = feature.codes[i]!;
		const b = y[i]!;
		if (f >= 0 && b === b) values[f]![filled[f]!++] = b;
	}
	const groups: GroupSummaryChart['groups'] = [];
	feature.labels.forEach((value, k) => {
		const sorted = values[k]!.sort();
		if (sorted.length === 0) return;
		let sum = 0;
		for (let i = 0; i < sorted.length; i++) sum += sorted[i]!;
		groups.push({
			value,
			count: sorted.length,
			mean: sum / sorted.length,
			min: sorted[0]!,
			q1: quantileSorted(sorted, 0.25),
			median: quantileSorted(sorted, 0.5),
			q3: quantileSorted(sorted, 0.75),
			max: sorted[sorted.length - 1]!
		});
	});
	return { kind: 'group-summary', groups };
}
