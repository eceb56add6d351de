// A light summary per column for the recipe preview: enough to see what a step did (missing values
// filled, a scale moved, columns added), cheap enough to compute for every step on every edit.
import type { ColumnType } from '../../table/column-types.ts';
import { isNumericType } from '../../table/column-kinds.ts';
import { readLabels, readNumbers } from '../../table/read-column.ts';
import type { PrepTable } from '../../table/prep-table.ts';

/** Distinct values are counted exactly up to here, then reported as "at least". */
const DISTINCT_CAP = 10_000;

export interface ColumnSummary {
	name: string;
	type: ColumnType;
	missing: number;
	distinct: number;
	distinctCapped: boolean;
	/** Numbers (and dates, in milliseconds) only; null otherwise or when every value is missing. */
	mean: number | null;
	std: number | null;
	min: number | null;
	max: number | null;
	/** The most frequent label, for categories, text and booleans. */
	top: string | null;
}

export function summarizeColumn(input: PrepTable, name: string): ColumnSummary {
	const type = input.schema.find((c) => c.name === name)!.type;
	return isNumericType(type) || type === 'date'
		? summarizeNumbers(name, type, readNumbers(input.table, name))
		: summarizeLabels(name, type, readLabels(input.table, name));
}

function summarizeNumbers(name: string, type: ColumnType, values: Float64Array): ColumnSummary {
	let count = 0;
	let mean = 0;
	let m2 = 0;
	let min = Infinity;
	let max = -Infinity;
	const seen = new Set<number>();
	for (let i = 0; i < values.length; i++) {
		const x = values[i]!;
		if (x !== x) continue;
		count++;
		// Welford: stable for large, offset values such as timestamps.
		const delta = x - mean;
		mean += delta / count;
		m2 += delta * (x - mean);
		if (x < min) min = x;
		if (x > max) max = x;
		if (seen.size < DISTINCT_CAP) seen.add(x);
	}
	return {
		name,
		type,
		missing: values.length - count,
		distinct: seen.size,
		distinctCapped: seen.size >= DISTINCT_CAP,
		mean: count > 0 ? mean : null,
		std: count > 1 ? Math.sqrt(m2 / (count - 1)) : null,
		min: count > 0 ? min : null,
		max: count > 0 ? max : null,
		top: null
	};
}

function summarizeLabels(name: string, type: ColumnType, labels: (string | null)[]): ColumnSummary {
	const counts = new Map<string, number>();
	let missing = 0;
	for (const label of labels) {
		if (label === null) missing++;
		else if (counts.size < DISTINCT_CAP || counts.has(label)) counts.set(label, (counts.get(label) ?? 0) + 1);
	}
	let top: string | null = null;
	let topCount = 0;
	for (const [label, n] of counts) {
		if (n > topCount) {
			top = label;
			topCount = n;
		}
	}
	return {
		name,
		type,
		missing,
		distinct: counts.size,
		distinctCapped: counts.size >= DISTINCT_CAP,
		mean: null,
		std: null,
		min: null,
		max: null,
		top
	};
}
