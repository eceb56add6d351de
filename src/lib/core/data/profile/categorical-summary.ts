// Statistics of a category, boolean or text column from its dictionary codes: distinct count and the
// most frequent values.
import type { CategoricalData } from './column-data.ts';
import type { TopValue } from './types.ts';

export interface CategoricalSummary {
	count: number;
	unique: number;
	uniqueApprox: boolean;
	top: TopValue[];
}

/** Level indices by count, largest first; ties keep first-seen order so results are stable. */
export function levelsByCount(counts: Float64Array): number[] {
	const order: number[] = [];
	for (let k = 0; k < counts.length; k++) if (counts[k]! > 0) order.push(k);
	return order.sort((a, b) => counts[b]! - counts[a]! || a - b);
}

export function summarizeCategorical(column: CategoricalData, topK: number): CategoricalSummary {
	const order = levelsByCount(column.counts);
	return {
		count: column.codes.length - column.missing,
		unique: column.distinctEstimate ?? order.length,
		uniqueApprox: column.distinctEstimate !== null,
		top: order.slice(0, topK).map((k) => ({ value: column.levels[k]!, count: column.counts[k]! }))
	};
}
