// Metrics per group of one column on a held-out split (a fairness slice): the most common values as their
// own groups and the rest as "other", numbers and dates cut into quantile bins (pandas' qcut), then the
// spread between the best and the worst group per metric, and the largest one said in words.
import type { ColumnType } from '../table/column-types.ts';
import { BenchtopError } from '../errors.ts';
import { accuracyScore, f1Score } from '../metrics/classification.ts';
import { argmaxRows } from '../metrics/inputs.ts';
import { meanAbsoluteError, r2Score } from '../metrics/regression.ts';
import type { MetricValues, RunEvaluation, SplitEvaluation } from './run-evaluation.ts';

export const DEFAULT_TOP_GROUPS = 8;
export const DEFAULT_BINS = 4;
/** Groups smaller than this still show, but are left out of the gap: a few rows swing a metric wildly. */
export const DEFAULT_MIN_GAP_ROWS = 5;

export const MISSING_GROUP = '(missing)';
export const OTHER_GROUP = 'other';

export interface SliceColumn {
	name: string;
	type: ColumnType;
	/** The column's values for every row of the data set version (a SplitEvaluation's rowIndex points in). */
	values: ArrayLike<unknown>;
}

export interface GroupOptions {
	topGroups?: number;
	bins?: number;
	minGapRows?: number;
}

export interface GroupRow {
	label: string;
	rows: number;
	metrics: MetricValues;
	/** Fewer rows than the gap needs. */
	few: boolean;
}

export interface MetricGap {
	metric: string;
	higherIsBetter: boolean;
	best: { label: string; value: number };
	worst: { label: string; value: number };
	/** Always ≥ 0. */
	gap: number;
}

export interface GroupMetrics {
	column: string;
	split: SplitEvaluation['split'];
	/** 'bins' when the values were cut into quantiles. */
	grouping: 'values' | 'bins';
	metricNames: string[];
	groups: GroupRow[];
	/** Per metric, where at least two groups are large enough to compare. */
	gaps: MetricGap[];
	/** The gap the sentence names (null when no two groups compare). */
	largest: MetricGap | null;
	sentence: string;
}

const METRIC_LABELS: Record<string, string> = {
	accuracy: 'Accuracy',
	f1_macro: 'F1 (macro)',
	mae: 'MAE',
	r2: 'R²'
};

export function metricLabel(name: string): string {
	return METRIC_LABELS[name] ?? name;
}

/** numpy's default (linear) quantile of sorted values. */
function quantile(sorted: Float64Array, q: number): number {
	const at = q * (sorted.length - 1);
	const low = Math.floor(at);
	const high = Math.min(low + 1, sorted.length - 1);
	return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

function formatEdge(x: number, type: ColumnType): string {
	if (type === 'date') return new Date(x).toISOString().slice(0, 10);
	return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(3)));
}

function numberOf(value: unknown): number {
	if (typeof value === 'number') return value;
	if (value instanceof Date) return value.getTime();
	return NaN;
}

function textOf(value: unknown): string | null {
	if (value === null || value === undefined || (typeof value === 'number' && value !== value)) return null;
	if (value instanceof Date) return value.toISOString();
	return String(value);
}

/** The group label of each evaluated row. */
function groupLabels(column: SliceColumn, rowIndex: Int32Array, topGroups: number, bins: number) {
	const raw = Array.from(rowIndex, (row) => column.values[row]);
	const numeric = column.type === 'number' || column.type === 'integer' || column.type === 'date';
	const distinct = new Set(raw.map(textOf).filter((x) => x !== null));
	if (numeric && distinct.size > topGroups) {
		const numbers = raw.map(numberOf);
		const sorted = Float64Array.from(numbers.filter((x) => x === x)).sort();
		// Duplicate edges dropped, as qcut(duplicates='drop') does for a column with many equal values.
		const edges = [...new Set(Array.from({ length: bins + 1 }, (_, i) => quantile(sorted, i / bins)))];
		const names = edges.slice(1).map((edge, i) => {
			const open = i === 0 ? '[' : '(';
			return `${open}${formatEdge(edges[i]!, column.type)}, ${formatEdge(edge, column.type)}]`;
		});
		const labels = numbers.map((x) => {
			if (x !== x) return MISSING_GROUP;
			let bin = 0;
			while (bin < names.length - 1 && x > edges[bin + 1]!) bin++;
			return names[bin]!;
		});
		return { labels, order: [...names, MISSING_GROUP], grouping: 'bins' as const };
	}
	const labels = raw.map((value) => textOf(value) ?? MISSING_GROUP);
	const counts = new Map<string, number>();
	for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
	// Most rows first; ties in the values' own order, so the table is the same every time.
	const ranked = [...counts.entries()]
		.filter(([label]) => label !== MISSING_GROUP)
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
		.map(([label]) => label);
	const kept = new Set(ranked.slice(0, ranked.length > topGroups ? topGroups : ranked.length));
	return {
		labels: labels.map((label) => (label === MISSING_GROUP || kept.has(label) ? label : OTHER_GROUP)),
		order: [...kept, OTHER_GROUP, MISSING_GROUP],
		grouping: 'values' as const
	};
}

function orNull(x: number): number | null {
	return Number.isFinite(x) ? x : null;
}

function metricsOf(split: SplitEvaluation, classes: readonly string[], rows: number[]): MetricValues {
	const outputs = split.outputs;
	if (outputs.kind === 'classification') {
		const k = classes.length;
		const predicted = argmaxRows(outputs.proba, k);
		const yTrue = Int32Array.from(rows, (i) => outputs.yTrue[i]!);
		const yPred = Int32Array.from(rows, (i) => predicted[i]!);
		return { accuracy: accuracyScore(yTrue, yPred), f1_macro: f1Score(yTrue, yPred, classes, 'macro') };
	}
	if (outputs.kind === 'regression') {
		const pick = (values: Float64Array) => Float64Array.from(rows, (i) => values[i]!);
		const actual = outputs.actual.map(pick);
		const predicted = outputs.predicted.map(pick);
		return { mae: meanAbsoluteError(actual, predicted), r2: orNull(r2Score(actual, predicted)) };
	}
	throw new BenchtopError('bad-input', 'Metrics per group need a target: a clustering has none.');
}

function gapOf(metric: string, groups: GroupRow[]): MetricGap | null {
	const higherIsBetter = metric !== 'mae';
	const scored = groups
		.filter((g) => !g.few && g.metrics[metric] !== null && g.metrics[metric] !== undefined)
		.map((g) => ({ label: g.label, value: g.metrics[metric] as number }));
	if (scored.length < 2) return null;
	const sorted = [...scored].sort((a, b) => (higherIsBetter ? b.value - a.value : a.value - b.value));
	const best = sorted[0]!;
	const worst = sorted[sorted.length - 1]!;
	return { metric, higherIsBetter, best, worst, gap: Math.abs(best.value - worst.value) };
}

function describe(column: string, largest: MetricGap | null, groups: GroupRow[], minRows: number): string {
	if (groups.length < 2)
		return `Every evaluated row has the same ${column} group, so there is nothing to compare.`;
	if (!largest) return `No two ${column} groups have ${minRows} or more rows, too few to compare fairly.`;
	const rowsOf = (label: string) => groups.find((g) => g.label === label)!.rows;
	const value = (x: number) => x.toFixed(3);
	const { best, worst } = largest;
	const few = groups.some((g) => g.few) ? ` Groups under ${minRows} rows are left out of the gap.` : '';
	return (
		`The largest gap is in ${metricLabel(largest.metric)}: ${value(largest.gap)} between ${column} ` +
		`${best.label} (${value(best.value)}, ${rowsOf(best.label)} rows) and ${worst.label} ` +
		`(${value(worst.value)}, ${rowsOf(worst.label)} rows).${few}`
	);
}

/** The split the slice looks at: test when it has rows, else the last one evaluated. */
export function sliceSplit(evaluation: RunEvaluation): SplitEvaluation {
	const split =
		evaluation.splits.find((s) => s.split === 'test' && s.rows > 0) ??
		evaluation.splits[evaluation.splits.length - 1];
	if (!split) throw new BenchtopError('bad-input', 'This evaluation has no held-out rows to slice.');
	return split;
}

export function groupMetrics(
	evaluation: RunEvaluation,
	column: SliceColumn,
	options: GroupOptions = {}
): GroupMetrics {
	const topGroups = options.topGroups ?? DEFAULT_TOP_GROUPS;
	const bins = options.bins ?? DEFAULT_BINS;
	const minRows = options.minGapRows ?? DEFAULT_MIN_GAP_ROWS;
	if (!Number.isInteger(topGroups) || topGroups < 1)
		throw new BenchtopError(
			'bad-input',
			`Groups to show must be a whole number, at least 1 (got ${topGroups}).`
		);
	if (!Number.isInteger(bins) || bins < 2)
		throw new BenchtopError('bad-input', `Bins must be a whole number, at least 2 (got ${bins}).`);
	const split = sliceSplit(evaluation);
	const { labels, order, grouping } = groupLabels(column, split.rowIndex, topGroups, bins);
	const members = new Map<string, number[]>();
	labels.forEach((label, i) => {
		const list = members.get(label);
		if (list) list.push(i);
		else members.set(label, [i]);
	});
	const classes = evaluation.classes ?? [];
	const groups: GroupRow[] = order
		.filter((label) => members.has(label))
		.map((label) => {
			const rows = members.get(label)!;
			return {
				label,
				rows: rows.length,
				metrics: metricsOf(split, classes, rows),
				few: rows.length < minRows
			};
		});
	const metricNames = groups.length > 0 ? Object.keys(groups[0]!.metrics) : [];
	const gaps = metricNames.map((name) => gapOf(name, groups)).filter((gap): gap is MetricGap => gap !== null);
	// MAE is in the target's units, the others on a common 0–1 scale: the sentence compares those.
	const comparable = gaps.filter((gap) => gap.metric !== 'mae');
	const largest = (comparable.length > 0 ? comparable : gaps).reduce<MetricGap | null>(
		(top, gap) => (top === null || gap.gap > top.gap ? gap : top),
		null
	);
	return {
		column: column.name,
		split: split.split,
		grouping,
		metricNames,
		groups,
		gaps,
		largest,
		sentence: describe(column.name, largest, groups, minRows)
	};
}
