// One column's statistics from its read values: the per-column part of a profile, which is most of its
// cost and needs no other column, so wide tables can split it across workers. Plain data in and out.
import { summarizeCategorical } from './categorical-summary.ts';
import type { ColumnData } from './column-data.ts';
import { summarizeNumeric } from './numeric-summary.ts';
import type { NumericFacts } from './target-relations.ts';
import type { ColumnProfile } from './types.ts';

export interface ColumnSettings {
	bins: number;
	topK: number;
}

export interface ColumnSummary {
	profile: ColumnProfile;
	/** What correlations and target relations reuse (numeric and date columns). */
	facts: NumericFacts | null;
}

export function profileColumn(column: ColumnData, settings: ColumnSettings): ColumnSummary {
	const base = { name: column.name, type: column.type, missing: column.missing };
	if (column.kind === 'numeric') {
		const s = summarizeNumeric(column, settings.bins);
		const isDate = column.type === 'date';
		const asValue = (x: number | null) => (x === null ? null : isDate ? new Date(x) : x);
		return {
			facts: { mean: s.mean, binning: s.binning, unique: s.unique },
			profile: {
				...base,
				count: s.count,
				unique: s.unique,
				uniqueApprox: s.uniqueApprox,
				min: asValue(s.min),
				max: asValue(s.max),
				// A mean date and a spread in milliseconds help nobody; dates show range and quantiles.
				mean: isDate ? null : s.mean,
				std: isDate ? null : s.std,
				quantiles: s.quantiles,
				...(s.quantilesApprox ? { quantilesApprox: true } : {}),
				histogram: s.histogram,
				top: null,
				zeros: isDate ? null : s.zeros,
				negatives: isDate ? null : s.negatives,
				outliers: isDate ? null : s.outliers
			}
		};
	}
	const s = summarizeCategorical(column, settings.topK);
	return {
		facts: null,
		profile: {
			...base,
			count: s.count,
			unique: s.unique,
			uniqueApprox: s.uniqueApprox,
			min: null,
			max: null,
			mean: null,
			std: null,
			quantiles: null,
			histogram: null,
			top: s.top,
			zeros: null,
			negatives: null,
			outliers: null
		}
	};
}

/** Each column's summary, in order: what a profile worker runs on its share of a wide table's columns. */
export function profileColumns(columns: ColumnData[], settings: ColumnSettings): ColumnSummary[] {
	return columns.map((column) => profileColumn(column, settings));
}
