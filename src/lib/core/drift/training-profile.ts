// What a model keeps of its training rows so that new data can later be compared with them, without the
// rows themselves: per input column its missing rate and either decile bins (edges and counts) plus a
// sample of at most SAMPLE_SIZE values at evenly spaced ranks (fewer per column on wide tables: SAMPLE_BUDGET
// in all) for the Kolmogorov–Smirnov test, or its
// category counts; and the same for the model's predictions on the test split. Plain JSON, small enough to
// sit in benchtop.json and in a run record.
import type { ColumnTable } from 'arquero';
import type { ColumnType } from '../table/column-types.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { binCounts, quantileEdges } from './statistics.ts';

/** The version of this record's shape; a reader refuses a newer one. */
export const TRAINING_PROFILE_VERSION = 1;
/** Decile bins for the PSI. */
export const PROFILE_BINS = 10;
/** Values kept for the KS test: all of them up to this many, else this many at evenly spaced ranks. */
export const SAMPLE_SIZE = 1000;
/** Sample values kept over all columns together, so a wide table (784 pixels) keeps a small record: each
 * column keeps SAMPLE_BUDGET / columns of them, never fewer than MIN_SAMPLE_SIZE. */
export const SAMPLE_BUDGET = 50_000;
export const MIN_SAMPLE_SIZE = 100;

/** The sample size per number column for a table of `columns` profiled columns. */
export function sampleSizeFor(columns: number): number {
	return Math.max(MIN_SAMPLE_SIZE, Math.min(SAMPLE_SIZE, Math.floor(SAMPLE_BUDGET / Math.max(1, columns))));
}
/** Categories kept by count; the rest are summed as `other`. */
export const MAX_CATEGORIES = 200;

export type FeatureKind = 'number' | 'category';

interface ProfileBase {
	name: string;
	kind: FeatureKind;
	/** Rows profiled, missing ones included. */
	rows: number;
	missing: number;
}

export interface NumberProfile extends ProfileBase {
	kind: 'number';
	/** Interior decile edges of the present values (repeats removed). */
	edges: number[];
	/** Present values per bin (edges.length + 1 bins). */
	counts: number[];
	/** Ascending; all present values when there are at most SAMPLE_SIZE, else SAMPLE_SIZE at even ranks. */
	sample: number[];
}

export interface CategoryProfile extends ProfileBase {
	kind: 'category';
	/** Present values by count (the MAX_CATEGORIES most common). */
	counts: Record<string, number>;
	/** Present values outside `counts`. */
	other: number;
}

export type FeatureProfile = NumberProfile | CategoryProfile;

export interface TrainingProfile {
	version: typeof TRAINING_PROFILE_VERSION;
	/** Training rows profiled. */
	rows: number;
	/** The model's raw input columns (targets left out). */
	features: FeatureProfile[];
	/** The model's predictions on the test split: the class or cluster (category) or the value (number). */
	predictions?: FeatureProfile;
}

/** Numbers, whole numbers and dates are compared as numbers; everything else as categories. */
export function featureKind(type: ColumnType): FeatureKind {
	return type === 'integer' || type === 'number' || type === 'date' ? 'number' : 'category';
}

/** A cell as a number (dates as milliseconds), or null when it is missing or not a finite number. */
export function numberOf(value: unknown): number | null {
	if (value === null || value === undefined || value === '') return null;
	const x = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Number(value);
	return Number.isFinite(x) ? x : null;
}

/** A cell as category text, or null when missing. */
export function categoryOf(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'number' && Number.isNaN(value)) return null;
	return value instanceof Date ? value.toISOString() : String(value);
}

/** Present values of a number column, ascending, and how many were missing. */
export function presentNumbers(values: Iterable<unknown>): { sorted: Float64Array; missing: number } {
	const kept: number[] = [];
	let missing = 0;
	for (const value of values) {
		const x = numberOf(value);
		if (x === null) missing++;
		else kept.push(x);
	}
	return { sorted: Float64Array.from(kept).sort(), missing };
}

export function profileNumbers(
	name: string,
	values: Iterable<unknown>,
	sampleSize = SAMPLE_SIZE
): NumberProfile {
	const { sorted, missing } = presentNumbers(values);
	const n = sorted.length;
	const edges = n ? quantileEdges(sorted, PROFILE_BINS) : [];
	const sample =
		n <= sampleSize
			? Array.from(sorted)
			: Array.from({ length: sampleSize }, (_, i) => sorted[Math.floor(((i + 0.5) * n) / sampleSize)]!);
	return {
		name,
		kind: 'number',
		rows: n + missing,
		missing,
		edges,
		counts: binCounts(edges, sorted),
		sample
	};
}

export function profileCategories(name: string, values: Iterable<unknown>): CategoryProfile {
	const all = new Map<string, number>();
	let rows = 0;
	let missing = 0;
	for (const value of values) {
		rows++;
		const text = categoryOf(value);
		if (text === null) missing++;
		else all.set(text, (all.get(text) ?? 0) + 1);
	}
	const ranked = [...all].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	const kept = ranked.slice(0, MAX_CATEGORIES);
	const other = ranked.slice(MAX_CATEGORIES).reduce((s, [, c]) => s + c, 0);
	return { name, kind: 'category', rows, missing, counts: Object.fromEntries(kept), other };
}

export function profileValues(
	name: string,
	kind: FeatureKind,
	values: Iterable<unknown>,
	sampleSize = SAMPLE_SIZE
): FeatureProfile {
	return kind === 'number' ? profileNumbers(name, values, sampleSize) : profileCategories(name, values);
}

function* rowsOf(table: ColumnTable, name: string, rows: ArrayLike<number> | null): Iterable<unknown> {
	const column = table.array(name) as ArrayLike<unknown>;
	if (rows === null) for (let i = 0; i < column.length; i++) yield column[i];
	else for (let i = 0; i < rows.length; i++) yield column[rows[i]!];
}

export interface ProfiledPredictions {
	/** e.g. "predicted species". */
	name: string;
	kind: FeatureKind;
	values: Iterable<unknown>;
}

/**
 * The profile of `columns` of `input` over the training `rows` (all rows when null), with the test-split
 * predictions' profile when given.
 */
export function trainingProfile(
	input: PrepTable,
	columns: readonly string[],
	rows: ArrayLike<number> | null,
	predictions?: ProfiledPredictions
): TrainingProfile {
	const types = new Map(input.schema.map((c) => [c.name, c.type]));
	const sampleSize = sampleSizeFor(columns.length);
	const features = columns.map((name) => {
		const type = types.get(name);
		if (type === undefined) throw new Error(`the training table has no column “${name}”`);
		return profileValues(name, featureKind(type), rowsOf(input.table, name, rows), sampleSize);
	});
	return {
		version: TRAINING_PROFILE_VERSION,
		rows: rows === null ? input.table.numRows() : rows.length,
		features,
		...(predictions
			? { predictions: profileValues(predictions.name, predictions.kind, predictions.values) }
			: {})
	};
}
