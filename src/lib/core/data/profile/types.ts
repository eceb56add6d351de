// The shape of a table profile: per-column statistics, duplicate rows, correlations and, when a target
// is named, how each feature relates to it. Plain data, so it crosses worker boundaries and prints as JSON.
import type { ColumnType } from '../../table/column-types.ts';

export interface ProfileOptions {
	/** The column a model will predict; adds `target` and `targetRelations`. */
	target?: string;
	/** Whether the target is predicted as a number or a class. By default category, boolean and text
	 * targets are classes, and so are integer targets with at most 20 distinct values (digit labels). */
	targetKind?: TargetKind;
	/** Most histogram bins per numeric or date column (the bins are rounded to readable edges). */
	bins?: number;
	/** How many most frequent values `top` keeps, and how many levels and classes relation charts show. */
	topK?: number;
}

/** Quantiles as pandas computes them (linear interpolation between order statistics). */
export interface Quantiles {
	p5: number;
	q1: number;
	median: number;
	q3: number;
	p95: number;
}

/** A bin covers [x0, x1); the last bin also holds its upper edge. */
export interface HistogramBin {
	x0: number;
	x1: number;
	count: number;
}

export interface Histogram {
	bins: HistogramBin[];
}

export interface TopValue {
	value: string;
	count: number;
}

/**
 * Statistics that do not apply to a column's type, or that need values the column does not have, are
 * null. Date columns give `min` and `max` as Dates and their quantiles and histogram edges as
 * milliseconds since the epoch.
 */
export interface ColumnProfile {
	name: string;
	type: ColumnType;
	/** Present (non-missing) values. */
	count: number;
	missing: number;
	/** Distinct present values; exact up to 100,000 (for numeric columns, up to 2,097,152 present values
	 * at any count), estimated beyond that (then `uniqueApprox`). */
	unique: number;
	uniqueApprox: boolean;
	min: number | Date | null;
	max: number | Date | null;
	mean: number | null;
	/** Sample standard deviation (n − 1 in the denominator), like pandas. */
	std: number | null;
	quantiles: Quantiles | null;
	/** Set when the quantiles (and the outlier count from them) come from a KLL sketch, within ±0.25% of
	 * the rows in rank: numeric columns of more than 2,097,152 present values. Otherwise they are exact. */
	quantilesApprox?: boolean;
	/** Numeric and date columns. */
	histogram: Histogram | null;
	/** Category, boolean and text columns: the most frequent values, most frequent first. */
	top: TopValue[] | null;
	zeros: number | null;
	negatives: number | null;
	/** Values outside the Tukey fences, 1.5 × IQR beyond the quartiles (numeric columns). */
	outliers: number | null;
}

/** Pearson correlations between numeric columns over the rows where both are present; null where a
 * column has no variance there or fewer than two rows remain. */
export interface CorrelationMatrix {
	columns: string[];
	matrix: (number | null)[][];
}

export type TargetKind = 'numeric' | 'categorical';

export interface TargetSummary {
	name: string;
	kind: TargetKind;
	/** Class counts, most frequent first (categorical targets; at most 100 classes listed). */
	classes: TopValue[] | null;
	/** How many distinct classes there are, also those not listed. */
	classCount: number | null;
}

/** pearson: r in [−1, 1]; eta: correlation ratio in [0, 1]; cramers-v: in [0, 1]. */
export type AssociationMeasure = 'pearson' | 'eta' | 'cramers-v';

/** Mean of a numeric target per bin of a numeric (or date) feature. */
export interface BinnedMeanChart {
	kind: 'binned-mean';
	bins: { x0: number; x1: number; count: number; mean: number | null }[];
}

/** Distribution of a numeric target per level of a categorical feature (largest levels, then "other"). */
export interface GroupSummaryChart {
	kind: 'group-summary';
	groups: {
		value: string;
		count: number;
		mean: number;
		min: number;
		q1: number;
		median: number;
		q3: number;
		max: number;
	}[];
}

/** Class counts per bin of a numeric (or date) feature; `counts[k]` belongs to `classes[k]`. */
export interface BinnedClassesChart {
	kind: 'binned-classes';
	classes: string[];
	bins: { x0: number; x1: number; counts: number[] }[];
}

/** Class counts per level of a categorical feature; `counts[k]` belongs to `classes[k]`. */
export interface GroupClassesChart {
	kind: 'group-classes';
	classes: string[];
	groups: { value: string; counts: number[] }[];
}

export type RelationChart = BinnedMeanChart | GroupSummaryChart | BinnedClassesChart | GroupClassesChart;

export interface TargetRelation {
	feature: string;
	featureType: ColumnType;
	target: string;
	targetKind: TargetKind;
	measure: AssociationMeasure;
	/** The measure's value; null when it is undefined (a constant column, too few rows). */
	value: number | null;
	/** |value|: 0 none … 1 perfect, comparable across measures. */
	strength: number | null;
	/** Rows where both the feature and the target are present. */
	rows: number;
	chart: RelationChart;
}

export interface TableProfile {
	rows: number;
	columns: ColumnProfile[];
	/** Rows identical (missing equals missing) to an earlier row. */
	duplicateRows: number;
	correlations: CorrelationMatrix;
	target?: TargetSummary;
	/** One per feature that can be related to the target (text columns are left out), in column order. */
	targetRelations?: TargetRelation[];
}
